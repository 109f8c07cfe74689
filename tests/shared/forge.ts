/**
 * The forgeries a security review tried on a stored incident, done with the raw IndexedDB API
 * the way code in the extension's origin (or anyone with the browser profile) could: each
 * rewrites what it touches and recomputes every hash after it, so the hash chain alone still
 * verifies. Self-contained, so it can be serialised into an extension page (Playwright's
 * `page.evaluate`) as well as run in Node on fake-indexeddb.
 */
export type Forgery = "row" | "edit" | "delete" | "backdate" | "truncate" | "swap";

export const FORGERIES: readonly Forgery[] = [
  "row",
  "edit",
  "delete",
  "backdate",
  "truncate",
  "swap",
];

export async function forge({
  dbName,
  sessionId,
  forgery,
}: {
  dbName: string;
  sessionId: string;
  forgery: Forgery;
}): Promise<void> {
  const request = <T>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const canon = (v: unknown): string => {
    if (v === null || typeof v !== "object") return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map(canon).join(",")}]`;
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canon(o[k])}`)
      .join(",")}}`;
  };
  const sha256 = async (text: string) =>
    Array.from(
      new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))),
      (b) => b.toString(16).padStart(2, "0"),
    ).join("");
  type Entry = Record<string, unknown> & { seq: number; at: number; hash: string };

  const db = await request(indexedDB.open(dbName));
  try {
    const read = db.transaction(["events", "sessions"], "readonly");
    const all = (await request(read.objectStore("events").getAll())) as Entry[];
    const entries = all.filter((e) => e.sessionId === sessionId).sort((a, b) => a.seq - b.seq);
    const row = (await request(read.objectStore("sessions").get(sessionId))) as Record<
      string,
      unknown
    >;
    // Hashes for entries the forgery produced, in order; the stored head follows the new end.
    const rehash = async (from: Entry[]) => {
      let prevHash = "0".repeat(64);
      const out: Entry[] = [];
      for (const [seq, entry] of from.entries()) {
        const { hash: _old, ...content } = { ...entry, seq, prevHash };
        const hash = await sha256(canon(content));
        out.push({ ...content, hash } as Entry);
        prevHash = hash;
      }
      return out;
    };
    // The middle of the log: an entry that is neither the start nor the end.
    const middle = Math.floor(entries.length / 2);
    let next: Entry[] | null = null;
    let newRow = row;
    switch (forgery) {
      case "row":
        newRow = {
          ...row,
          startedAt: (row.startedAt as number) - 86_400_000,
          title: "Ett helt annat möte",
          origin: "https://elsewhere.example",
          outcome: row.outcome === "terminated" ? "resolved" : "terminated",
        };
        break;
      case "edit":
        next = await rehash(
          entries.map((e, i) =>
            i === middle
              ? { ...e, at: e.at + 1, ...("text" in e ? { text: "Ändrad text" } : {}) }
              : e,
          ),
        );
        break;
      case "delete":
        next = await rehash(entries.filter((_, i) => i !== middle));
        break;
      case "backdate":
        next = await rehash(entries.map((e) => ({ ...e, at: e.at - 86_400_000 })));
        newRow = {
          ...row,
          startedAt: (row.startedAt as number) - 86_400_000,
          endedAt: row.endedAt === null ? null : (row.endedAt as number) - 86_400_000,
        };
        break;
      case "swap": {
        const swapped = [...entries];
        const a = swapped[middle] as Entry;
        swapped[middle] = swapped[middle + 1] as Entry;
        swapped[middle + 1] = a;
        next = await rehash(swapped);
        break;
      }
      case "truncate":
        break;
      default:
        throw new Error(`Unknown forgery ${String(forgery)}`);
    }
    const write = db.transaction(["events", "sessions", "heads"], "readwrite");
    const events = write.objectStore("events");
    if (forgery === "truncate") {
      const last = entries.at(-1) as Entry;
      events.delete([sessionId, last.seq]);
      write.objectStore("heads").delete(sessionId);
    }
    if (next) {
      for (const e of entries) events.delete([sessionId, e.seq]);
      for (const e of next) events.put(e);
      const end = next.at(-1) as Entry;
      write.objectStore("heads").put({ sessionId, length: next.length, headHash: end.hash });
    }
    write.objectStore("sessions").put(newRow);
    await new Promise<void>((resolve, reject) => {
      write.oncomplete = () => resolve();
      write.onerror = () => reject(write.error);
      write.onabort = () => reject(write.error);
    });
  } finally {
    db.close();
  }
}

/** The stores a forgery touches, as read back before it (to undo it for the next one). */
export const FORGED_STORES = ["sessions", "events", "heads", "signatures"] as const;

/** Puts the given rows back as the whole content of each store. Self-contained, as forge(). */
export async function restoreStores({
  dbName,
  stores,
}: {
  dbName: string;
  stores: Record<string, unknown[]>;
}): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const names = Object.keys(stores);
    const tx = db.transaction(names, "readwrite");
    for (const name of names) {
      const store = tx.objectStore(name);
      store.clear();
      for (const row of stores[name] ?? []) store.put(row);
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}
