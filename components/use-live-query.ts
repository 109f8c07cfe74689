import { liveQuery } from "dexie";
import { useEffect, useState } from "preact/hooks";

/**
 * Reads IndexedDB through a Dexie live query: re-runs when the tables it read change, in this
 * page or another one (a second panel, the worker). `initial` is a value already read for the
 * first draw (the page read it before drawing); the live query then keeps it current.
 */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: unknown[],
  initial?: { value: T },
): { value: T | undefined; error: unknown; loaded: boolean } {
  const [result, setResult] = useState<{ value: T | undefined; error: unknown; loaded: boolean }>(
    () =>
      initial
        ? { value: initial.value, error: null, loaded: true }
        : { value: undefined, error: null, loaded: false },
  );
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ value, error: null, loaded: true }),
      error: (error) => setResult((r) => ({ ...r, error, loaded: true })),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return result;
}
