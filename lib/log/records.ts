import { MAX_KEY, MIN_KEY } from "./keys";
import type { DraftEdits } from "../draft/edits";
import type { EvidenceRecord } from "../evidence/types";
import type { RecordingChunk, SessionRecord, TrestegDb } from "./db";
import { sessionEvents } from "./incident-log";
import { incidentEvidence, sessionSignatures } from "./queries";
import { INSTALLATION_KEY } from "./signing";

// The writes and whole-incident reads beside the log: screenshots, the coach's draft edits,
// and deleting an incident. With ./queries, the only code that names the database's tables.

/** A new screenshot's row; written in the same transaction as its log entry. */
export const addEvidence = (db: TrestegDb, record: EvidenceRecord) => db.evidence.add(record);

export const evidenceRecord = (db: TrestegDb, evidenceId: string) => db.evidence.get(evidenceId);

/** The coach's one line beside the image; the image itself is never touched. */
export const captionEvidence = (db: TrestegDb, evidenceId: string, caption: string) =>
  db.evidence.update(evidenceId, { caption });

/** A deleted screenshot keeps its row (and hash) but not its image. */
export function dropEvidenceImage(db: TrestegDb, evidenceId: string, at: number) {
  const empty = new Blob([], { type: "image/png" });
  return db.evidence.update(evidenceId, { deletedAt: at, png: empty, thumbnail: empty });
}

/** Stores the coach's edits to a draft, beside the log and never in it. */
export const saveDraftEdits = (db: TrestegDb, sessionId: string, edits: DraftEdits, at: number) =>
  db.drafts.put({ sessionId, edits, updatedAt: at });

/**
 * Everything one incident holds: its row, log, screenshots, chain head, draft edits, the
 * entries' signatures and this installation's public key (never its private key).
 */
export async function incidentRecords(db: TrestegDb, sessionId: string) {
  const [session, events, evidence, head, draft, signatures, key] = await Promise.all([
    db.sessions.get(sessionId),
    sessionEvents(db, sessionId),
    incidentEvidence(db, sessionId),
    db.heads.get(sessionId),
    db.drafts.get(sessionId),
    sessionSignatures(db, sessionId),
    db.keys.get(INSTALLATION_KEY),
  ]);
  const publicKey = key
    ? {
        fingerprint: key.fingerprint,
        jwk: key.publicJwk,
        spki: key.spki,
        createdAt: key.createdAt,
      }
    : null;
  return { session, events, evidence, head, draft, signatures, publicKey };
}

/**
 * Deletes one incident and everything that belongs to it — log, chain head, signatures,
 * screenshots, recordings, draft edits — in one transaction, so nothing half-deleted is left behind.
 */
export async function deleteIncident(db: TrestegDb, sessionId: string): Promise<void> {
  await db.transaction(
    "rw",
    [db.sessions, db.events, db.heads, db.evidence, db.drafts, db.signatures, db.chunks],
    async () => {
      await db.events
        .where("[sessionId+seq]")
        .between([sessionId, MIN_KEY], [sessionId, MAX_KEY])
        .delete();
      await db.signatures
        .where("[sessionId+seq]")
        .between([sessionId, MIN_KEY], [sessionId, MAX_KEY])
        .delete();
      await db.evidence.where("sessionId").equals(sessionId).delete();
      await db.chunks.where("sessionId").equals(sessionId).delete();
      await db.heads.delete(sessionId);
      await db.drafts.delete(sessionId);
      await db.sessions.delete(sessionId);
    },
  );
}

/**
 * When an incident's retention starts counting: its end (its start for one Tresteg closed
 * after it stood open), or when it was first found dated ahead of the clock.
 */
export function retainedFrom(s: SessionRecord): number {
  if (s.aheadSeenAt !== undefined) return s.aheadSeenAt;
  return s.outcome === "left-open" ? s.startedAt : (s.endedAt ?? s.startedAt);
}

/** The ended incidents whose retention started before `cutoff` (epoch ms). */
export const endedBefore = (db: TrestegDb, cutoff: number) =>
  db.sessions.filter((s) => s.status === "ended" && retainedFrom(s) < cutoff).primaryKeys();

/** Every incident dated after `at` (a wrong clock) not yet marked so; marks them at `now`. */
export const markDatedAhead = (db: TrestegDb, at: number, now: number) =>
  db.sessions
    .where("startedAt")
    .above(at)
    .filter((s) => s.aheadSeenAt === undefined)
    .modify({ aheadSeenAt: now });

/** The open incidents, each with the time of its last entry. */
export async function openIncidents(
  db: TrestegDb,
): Promise<Array<{ session: SessionRecord; lastAt: number }>> {
  const open = await db.sessions.where("status").equals("open").toArray();
  return Promise.all(
    open.map(async (session) => {
      const last = await db.events
        .where("[sessionId+seq]")
        .between([session.id, MIN_KEY], [session.id, MAX_KEY])
        .last();
      return { session, lastAt: last?.at ?? session.startedAt };
    }),
  );
}

/** A recording's chunk; written in the same transaction as its log entry. */
export const addChunk = (db: TrestegDb, chunk: RecordingChunk) => db.chunks.add(chunk);

/** One recording's chunks in order: together, its WebM file. */
export const recordingChunks = (db: TrestegDb, recordingId: string) =>
  db.chunks
    .where("[recordingId+index]")
    .between([recordingId, MIN_KEY], [recordingId, MAX_KEY])
    .toArray();

/** A recording's chunks, given in index order, as the bytes of its one WebM file. */
export async function recordingBytes(chunks: readonly RecordingChunk[]): Promise<Uint8Array> {
  return new Uint8Array(await new Blob(chunks.map((c) => c.blob)).arrayBuffer());
}

/** Every chunk of every recording of an incident (for its ZIP). */
export const incidentChunks = (db: TrestegDb, sessionId: string) =>
  db.chunks.where("sessionId").equals(sessionId).toArray();
