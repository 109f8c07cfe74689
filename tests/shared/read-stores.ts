/**
 * Every object store of an IndexedDB database, read with the raw IndexedDB API. Runs inside an
 * extension page (pass it to Playwright's or Puppeteer's `page.evaluate`), so it sees the
 * extension's origin: tests assert on what is really stored, not on what the UI claims.
 * Throws if the database does not exist. Self-contained: it is serialised into the page.
 */
export async function readAllStores(name: string): Promise<Record<string, unknown[]>> {
  const request = <T>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const existing = (await indexedDB.databases()).map((db) => db.name);
  // indexedDB.open() would silently create a missing database.
  if (!existing.includes(name)) {
    throw new Error(`No IndexedDB "${name}" here (found: ${existing.join(", ") || "none"})`);
  }
  const db = await request(indexedDB.open(name));
  try {
    const names = Array.from(db.objectStoreNames);
    if (names.length === 0) return {};
    const tx = db.transaction(names, "readonly");
    const rows = await Promise.all(names.map((store) => request(tx.objectStore(store).getAll())));
    return Object.fromEntries(names.map((store, i) => [store, rows[i] as unknown[]]));
  } finally {
    // An open connection would block the extension's next schema upgrade.
    db.close();
  }
}

/** A page of either browser's driver (Playwright's or Puppeteer's): it can evaluate a function. */
export interface EvaluatingPage {
  evaluate(fn: typeof readAllStores, name: string): Promise<unknown>;
}

/**
 * Every object store of an IndexedDB database, read with the raw IndexedDB API inside `page`
 * (an extension page, so it sees the extension's origin). Tests assert on what is really
 * stored, not on what the UI claims. Throws if the database does not exist.
 */
export async function readDb<Stores extends Record<string, unknown[]> = Record<string, unknown[]>>(
  page: EvaluatingPage,
  dbName: string,
): Promise<Stores> {
  return (await page.evaluate(readAllStores, dbName)) as Stores;
}
