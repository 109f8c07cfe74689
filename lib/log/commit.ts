import type { ChainHead, SignatureRecord, TrestegDb } from "./db";
import type { LoggedEvent } from "./events";

/** The head this writer hashed against is no longer the stored one: another writer went first. */
export class HeadMoved extends Error {}
/** The session's head is gone: the incident was deleted. */
export class SessionGone extends Error {}

/** One ordinary entry as committed: the entry, the head it moves, its signature if any. */
export interface EntryWrite {
  entry: LoggedEvent;
  /** The head the entry was hashed against; the commit is refused unless it is still stored. */
  expected: Pick<ChainHead, "length" | "headHash">;
  signature: SignatureRecord | null;
}

/** The chain head once `write` is committed: one entry longer, ending in its hash. */
export function headAfter({ entry, expected }: EntryWrite): ChainHead {
  return { sessionId: entry.sessionId, length: expected.length + 1, headHash: entry.hash };
}

/**
 * Why the stored head refuses `write`, read in the write's own transaction: the incident is
 * gone, or another writer moved the head on. Null when it is the head the entry was hashed
 * against.
 */
export function headRefusal(
  stored: ChainHead | undefined,
  { expected }: EntryWrite,
): HeadMoved | SessionGone | null {
  if (!stored) return new SessionGone();
  if (stored.length !== expected.length || stored.headHash !== expected.headHash) {
    return new HeadMoved();
  }
  return null;
}

/**
 * Commits an ordinary entry (a phrase, a step, a note: no summary row, no evidence) with
 * IndexedDB itself, in one transaction over the log, the heads and the signatures. The coach
 * waits for this commit on every click, and Dexie's transaction machinery around the same
 * writes (zones, middleware, change tracking) costs about as much as the writes themselves.
 * Resolves once IndexedDB has committed; rejects with HeadMoved or SessionGone (nothing kept),
 * or with IndexedDB's own error. The database must be open (`db.isOpen()`): opening, or
 * refusing to reopen what was closed, is Dexie's.
 *
 * Dexie's live queries, in this page and in every other extension page, learn of the change
 * as they would of Dexie's own write (TrestegDb.tellLiveQueries). This module imports no
 * Dexie: the panel loads it before its first draw, and Dexie after.
 */
export async function commitEntry(db: TrestegDb, write: EntryWrite): Promise<void> {
  const { entry, signature } = write;
  const stores = ["events", "heads", "signatures"] as const;
  const head = headAfter(write);
  await new Promise<void>((resolve, reject) => {
    const tx = db.backendDB().transaction(stores, "readwrite");
    // Why it ended without committing: the head check's refusal, else the first request's own
    // error (a key already taken), else the transaction's (a full disk at commit). Requests
    // cut off by an abort report AbortError, which says nothing of the cause.
    let refused: Error | null = null;
    let failed: DOMException | null = null;
    tx.onerror = (event) => {
      const error = (event.target as IDBRequest).error;
      if (error?.name !== "AbortError") failed ??= error;
    };
    tx.oncomplete = () => resolve();
    tx.onabort = () =>
      reject(refused ?? failed ?? tx.error ?? new Error("the transaction was aborted"));
    // Issued together: IndexedDB runs them in order, so the read sees the head as it was
    // before this write. An error in any request aborts the whole transaction.
    let stored: IDBRequest<ChainHead | undefined>;
    try {
      const heads = tx.objectStore("heads");
      stored = heads.get(entry.sessionId);
      tx.objectStore("events").add(entry);
      heads.put(head);
      if (signature) tx.objectStore("signatures").put(signature);
    } catch (error) {
      // A request refused as it is made (a value that cannot be stored): what was issued
      // before it must not be committed without it.
      refused = error as Error;
      tx.abort();
      return;
    }
    stored.onsuccess = () => {
      refused = headRefusal(stored.result, write);
      if (refused) tx.abort();
    };
  });
  // After the caller has what it waited for: the page that clicked shows its own entry
  // without this (IncidentLog.onCommitted), and the live queries' reads come after its draw.
  tellAfterDraw(() =>
    db.tellLiveQueries([
      ["events", entry],
      ["heads", head],
      ...(signature ? [["signatures", signature] as const] : []),
    ]),
  );
}

// Writes not yet told to the live queries. A page that goes away first (the offscreen recorder
// is closed right after its last entry) tells them as it goes, so no other page misses one.
const untold = new Set<() => void>();

function tellAfterDraw(tell: () => void) {
  untold.add(tell);
  setTimeout(() => {
    if (untold.delete(tell)) tell();
  });
}

globalThis.addEventListener?.("pagehide", () => {
  for (const tell of untold) tell();
  untold.clear();
});
