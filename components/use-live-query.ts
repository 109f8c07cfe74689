import { useEffect, useState } from "preact/hooks";
import type { TrestegDb } from "../lib/log/db";
import type { LogStorage } from "../lib/log/storage";

/**
 * Reads IndexedDB through a Dexie live query: re-runs when the tables it read change, in this
 * page or another one (a second panel, the worker). `initial` is a value already read for the
 * first draw (the page read it before drawing, before its database was open); the live query
 * starts once `storage` is open and keeps it current. A database that cannot be opened is the
 * query's error.
 */
/**
 * Runs `query` as a Dexie live query once `storage` is open and tells `observer` each result;
 * a database that cannot be opened is its error. Returns the stop, safe to call at any time.
 */
export function watchLive<T>(
  storage: Promise<LogStorage>,
  query: (db: TrestegDb) => Promise<T>,
  observer: { next: (value: T) => void; error: (error: unknown) => void },
): () => void {
  let stopped = false;
  let unsubscribe = () => {};
  storage.then(
    ({ db, live }) => {
      if (stopped) return;
      const subscription = live(() => query(db)).subscribe(observer);
      unsubscribe = () => subscription.unsubscribe();
    },
    (error: unknown) => {
      if (!stopped) observer.error(error);
    },
  );
  return () => {
    stopped = true;
    unsubscribe();
  };
}

export function useLiveQuery<T>(
  storage: Promise<LogStorage>,
  query: (db: TrestegDb) => Promise<T>,
  deps: unknown[],
  initial?: { value: T },
): { value: T | undefined; error: unknown; loaded: boolean } {
  const [result, setResult] = useState<{ value: T | undefined; error: unknown; loaded: boolean }>(
    () =>
      initial
        ? { value: initial.value, error: null, loaded: true }
        : { value: undefined, error: null, loaded: false },
  );
  useEffect(
    () =>
      watchLive(storage, query, {
        next: (value) => setResult({ value, error: null, loaded: true }),
        error: (error) => setResult((r) => ({ ...r, error, loaded: true })),
      }),
    [storage, ...deps],
  );
  return result;
}
