import { liveQuery } from "dexie";
import { useEffect, useState } from "preact/hooks";

/**
 * Reads IndexedDB through a Dexie live query: re-runs when the tables it read change, in this
 * page or another one (a second panel, the worker).
 */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: unknown[],
): { value: T | undefined; error: unknown; loaded: boolean } {
  const [result, setResult] = useState<{ value: T | undefined; error: unknown; loaded: boolean }>({
    value: undefined,
    error: null,
    loaded: false,
  });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ value, error: null, loaded: true }),
      error: (error) => setResult((r) => ({ ...r, error, loaded: true })),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return result;
}
