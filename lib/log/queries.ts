import { MAX_KEY, MIN_KEY } from "./keys";
import type { EvidenceRecord } from "../evidence/types";
import type { SessionRecord, TrestegDb } from "./db";
import type { LoggedEvent } from "./events";

// What the panel reads, in one place beside the database: components ask for an incident,
// its log or its screenshots, and never name a table.

/** One incident's summary row, or undefined when it does not exist (deleted). */
export const sessionRecord = (db: TrestegDb, sessionId: string) => db.sessions.get(sessionId);

/** An incident's screenshots, oldest first, deleted ones included (their hash stays shown). */
export const incidentEvidence = (db: TrestegDb, sessionId: string): Promise<EvidenceRecord[]> =>
  db.evidence.where("sessionId").equals(sessionId).sortBy("at");

/** The entries of a session's log from `seq` on, in order. */
export const entriesFrom = (
  db: TrestegDb,
  sessionId: string,
  seq: number,
): Promise<LoggedEvent[]> =>
  db.events.where("[sessionId+seq]").between([sessionId, seq], [sessionId, MAX_KEY]).toArray();

/** The signatures of a session's entries, in seq order (one per signed entry). */
export const sessionSignatures = (db: TrestegDb, sessionId: string) =>
  db.signatures
    .where("[sessionId+seq]")
    .between([sessionId, MIN_KEY], [sessionId, MAX_KEY])
    .toArray();

/** Where a session's chain ends: one small row, rewritten with every entry (watch it). */
export const chainHead = (db: TrestegDb, sessionId: string) => db.heads.get(sessionId);

export interface HistoryRow {
  session: SessionRecord;
  /** Screenshots still held (a deleted one keeps only its hash). */
  screenshots: number;
  /** The incident holds a recording of the call (at least one committed chunk). */
  recorded: boolean;
}

/**
 * Past and open incidents, newest first, each with how many screenshots it holds. Two key-only
 * reads count them for all incidents at once: every screenshot's incident, and the deleted
 * ones' (only deleted screenshots have a time in the `[sessionId+deletedAt]` index), so no
 * image is read and the list costs the same few queries however long it is.
 */
export async function historyRows(db: TrestegDb): Promise<HistoryRow[]> {
  const [sessions, all, deleted, recorded] = await Promise.all([
    db.sessions.orderBy("startedAt").reverse().toArray(),
    db.evidence.orderBy("sessionId").keys(),
    db.evidence.orderBy("[sessionId+deletedAt]").keys(),
    db.chunks.orderBy("sessionId").uniqueKeys(),
  ]);
  const withRecording = new Set(recorded.map(String));
  const held = new Map<string, number>();
  for (const key of all) held.set(String(key), (held.get(String(key)) ?? 0) + 1);
  for (const key of deleted) {
    const sessionId = String((key as unknown as [string, number])[0]);
    held.set(sessionId, (held.get(sessionId) ?? 0) - 1);
  }
  return sessions.map((session) => ({
    session,
    screenshots: held.get(session.id) ?? 0,
    recorded: withRecording.has(session.id),
  }));
}
