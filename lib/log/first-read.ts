import type { SessionRecord } from "./db";
import { DB_NAME } from "./name";
import type { LoggedEvent } from "./events";

/** The incident open when the panel opens, with its log read to the end; null when none is. */
export interface OpenAtStart {
  session: SessionRecord | null;
  events: LoggedEvent[] | null;
}

/**
 * The open incident and its log, read with IndexedDB itself for the panel's first draw. Dexie
 * opening the database (reading its schema, setting up its tables) takes longer than the read;
 * this read needs none of it, so the panel draws first and Dexie opens after. Only the two
 * stores every schema version has are read (`sessions` with its `status` index, `events` keyed
 * by `[sessionId+seq]`, lib/log/db.ts v1).
 *
 * It never creates the database: on a browser where Tresteg has stored nothing yet, the open is
 * given up in its upgrade (an aborted first version leaves no database behind) and there is no
 * open incident. It never holds the database either: it closes when done, or at once if
 * another page asks for a newer version (Dexie upgrading after an update).
 */
export async function readOpenAtFirstDraw(
  idb: IDBFactory,
  name: string = DB_NAME,
): Promise<OpenAtStart> {
  const db = await openExisting(idb, name);
  if (!db) return { session: null, events: null };
  try {
    if (!db.objectStoreNames.contains("sessions") || !db.objectStoreNames.contains("events")) {
      return { session: null, events: null };
    }
    const tx = db.transaction(["sessions", "events"], "readonly");
    const open = await request<SessionRecord[]>(
      tx.objectStore("sessions").index("status").getAll("open"),
    );
    // The newest open one, as openSession in lib/log/queries.ts chooses.
    const session = open.reduce<SessionRecord | null>(
      (newest, s) => (newest === null || s.startedAt >= newest.startedAt ? s : newest),
      null,
    );
    if (!session) return { session: null, events: null };
    // Every [id, seq]: arrays sort after numbers, so [id, []] is past the last seq.
    const events = await request<LoggedEvent[]>(
      tx.objectStore("events").getAll(IDBKeyRange.bound([session.id], [session.id, []])),
    );
    return { session, events };
  } finally {
    db.close();
  }
}

function openExisting(idb: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const opening = idb.open(name);
    let created = false;
    opening.onupgradeneeded = () => {
      // No database yet (version 0): leave creating it to Dexie, with its schema.
      created = true;
      opening.transaction?.abort();
    };
    opening.onsuccess = () => {
      const db = opening.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    opening.onerror = (event) => {
      if (created) {
        event.preventDefault();
        resolve(null);
      } else reject(opening.error ?? new Error(`IndexedDB: could not open ${name}`));
    };
    opening.onblocked = () => undefined;
  });
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}
