import Dexie, { type EntityTable, RangeSet } from "dexie";
import type { KindRef } from "../routine/pack";
import type { DraftEdits } from "../draft/edits";
import type { EvidenceRecord } from "../evidence/types";
import type { LoggedEvent, Outcome } from "./events";
import { DB_NAME } from "./name";

/**
 * A session's summary, kept beside its log for listing and finding the open one. The log is
 * the truth; these fields are written in the same transaction as the entry that changes them.
 */
export interface SessionRecord {
  id: string;
  status: "open" | "ended";
  startedAt: number;
  endedAt: number | null;
  outcome: Outcome | null;
  kinds: KindRef[];
  origin: string;
  title: string;
  platform: string;
  /** The browser tab of the meeting when last seen; tab ids change after a restart. */
  tabId: number | null;
  packId: string;
  packVersion: string;
  /**
   * A practice session ("Övning", the training the guideline asks for). Absent on rows from
   * before practice mode, which were all real. Not indexed: lists filter in memory.
   */
  practice?: boolean;
  /**
   * When retention first found this incident dated ahead of the clock (a clock that was wrong
   * when it was logged): its retention counts from then, not from a date still to come.
   */
  aheadSeenAt?: number;
}

/**
 * Where a session's chain ends: the number of entries (the next seq) and the last hash.
 * Written with every entry; kept out of the session row so that the panel's query for the
 * open session is not re-run on every click. It also lets a verifier see a cut-off tail.
 */
export interface ChainHead {
  sessionId: string;
  length: number;
  headHash: string;
}

/** The coach's edits to a session's draft, kept beside the log and never in it. */
export interface DraftRecord {
  sessionId: string;
  edits: DraftEdits;
  updatedAt: number;
}

/**
 * This installation's signing key (lib/log/signing.ts). The private key is a non-extractable
 * CryptoKey: IndexedDB keeps it, nothing can read its bytes out.
 */
export interface SigningKeyRecord {
  id: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public key as a JWK (kty, crv, x, y), as every export carries it. */
  publicJwk: JsonWebKey;
  /** The public key's SubjectPublicKeyInfo (DER), base64. */
  spki: string;
  /** SHA-256 of the SPKI bytes, hex: what an organisation lists for each coach. */
  fingerprint: string;
  createdAt: number;
  /** When the first incident naming this key started (its session-started entry says "new"). */
  announcedAt?: number;
}

/**
 * One entry's signature, written in the same transaction as the entry. Kept apart from the
 * entry so the entry's hash and bytes stay exactly as they were (a verifier recomputes them).
 */
export interface SignatureRecord {
  sessionId: string;
  seq: number;
  /** The hash that was signed (the entry's, when it was committed). */
  hash: string;
  /** The signing key's fingerprint. */
  key: string;
  /** ECDSA P-256 / SHA-256 over the hash's 64 ASCII characters, base64 of r‖s. */
  signature: string;
}

/**
 * One chunk of a recording of the call, about two seconds of WebM as MediaRecorder gave it,
 * written in the same transaction as its "recording-chunk" entry (which carries its hash).
 * The chunks of a recording, in index order, are one playable WebM file.
 */
export interface RecordingChunk {
  recordingId: string;
  /** 0, 1, 2, … in the order MediaRecorder gave them. */
  index: number;
  sessionId: string;
  at: number;
  sha256: string;
  bytes: number;
  blob: Blob;
}

/** The only place that knows table names and indexes. */
export class TrestegDb extends Dexie {
  sessions!: EntityTable<SessionRecord, "id">;
  events!: Dexie.Table<LoggedEvent, [string, number]>;
  evidence!: EntityTable<EvidenceRecord, "id">;
  heads!: EntityTable<ChainHead, "sessionId">;
  drafts!: EntityTable<DraftRecord, "sessionId">;
  keys!: EntityTable<SigningKeyRecord, "id">;
  signatures!: Dexie.Table<SignatureRecord, [string, number]>;
  chunks!: Dexie.Table<RecordingChunk, [string, number]>;

  /**
   * Tells Dexie's live queries, in this page and in the extension's other pages, of rows
   * written with IndexedDB itself (lib/log/commit.ts), as Dexie tells them of its own writes:
   * the `storagemutated` event with the parts touched (dexie.org/docs/Dexie/Dexie.on.storagemutated).
   */
  tellLiveQueries(writes: ReadonlyArray<readonly [string, object]>): void {
    Dexie.on("storagemutated").fire(mutatedParts(this, writes));
  }

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    // No query cache: Dexie keeps it current only from its own writes, and the log's ordinary
    // entries are committed with IndexedDB itself (lib/log/commit.ts).
    super(name, { cache: "disabled", ...options });
    // Schema changes are new versions with an upgrade, never edits of this one.
    this.version(1).stores({
      sessions: "id, status, startedAt",
      events: "[sessionId+seq], sessionId, at",
    });
    // v2: screenshots, in their own table so that listing sessions never loads images.
    this.version(2).stores({
      evidence: "id, sessionId, at",
    });
    // v3: the chain head moves from the session row to its own table.
    this.version(3)
      .stores({ heads: "sessionId" })
      .upgrade(async (tx) => {
        const sessions = tx.table("sessions");
        const rows: Record<string, unknown>[] = await sessions.toArray();
        await tx
          .table("heads")
          .bulkAdd(
            rows.map((row) => ({ sessionId: row.id, length: row.length, headHash: row.headHash })),
          );
        await sessions.toCollection().modify((row: Record<string, unknown>) => {
          delete row.length;
          delete row.headHash;
        });
      });
    // v4: the coach's edits to each incident draft.
    this.version(4).stores({ drafts: "sessionId" });
    // v5: deleted screenshots indexed by incident, so the history counts the ones held
    // without reading any image (lib/log/queries.ts). A live screenshot has no deletedAt
    // time and so no entry in this index.
    this.version(5).stores({ evidence: "id, sessionId, at, [sessionId+deletedAt]" });
    // v6: the installation's signing key and each entry's signature (lib/log/signing.ts).
    // Entries logged before it stay as they are, unsigned, and the draft says so.
    this.version(6).stores({ keys: "id", signatures: "[sessionId+seq]" });
    // v7: recordings of the call, chunk by chunk, in their own table (never read to list).
    this.version(7).stores({ chunks: "[recordingId+index], sessionId" });
  }
}

/**
 * What a write touched, as Dexie's observability sets name it: per table, its primary key
 * (`idb://db/table/`, and `idb://db/table/:dels` for the row it may replace) and each index's
 * key of the written value (`idb://db/table/index`). The rows here are only ever added, or
 * replaced by a row with the same index keys.
 */
export function mutatedParts(
  db: Dexie,
  writes: ReadonlyArray<readonly [string, object]>,
): Record<string, RangeSet> {
  const parts: Record<string, RangeSet> = {};
  const add = (part: string, key: unknown) => {
    if (key === undefined) return;
    (parts[part] ??= new RangeSet()).addKey(key as never);
  };
  for (const [table, value] of writes) {
    const schema = db.table(table).schema;
    const keyOf = (keyPath: string | string[] | undefined | null) =>
      Array.isArray(keyPath)
        ? keyPath.map((path) => Dexie.getByKeyPath(value, path))
        : keyPath
          ? Dexie.getByKeyPath(value, keyPath)
          : undefined;
    const key = keyOf(schema.primKey.keyPath);
    add(`idb://${db.name}/${table}/`, key);
    // A put may replace a row: Dexie names its primary key among what may have gone too.
    add(`idb://${db.name}/${table}/:dels`, key);
    for (const index of schema.indexes) {
      add(`idb://${db.name}/${table}/${index.name}`, keyOf(index.keyPath));
    }
  }
  return parts;
}
