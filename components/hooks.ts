import { liveQuery } from "dexie";
import { useEffect, useState } from "preact/hooks";
import type { StoreApi } from "zustand/vanilla";

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

/** A slice of a zustand store, re-rendering only when the slice changes. */
export function useStore<S, T>(store: StoreApi<S>, select: (state: S) => T): T {
  const [slice, setSlice] = useState(() => select(store.getState()));
  useEffect(() => {
    setSlice(() => select(store.getState()));
    return store.subscribe((state) => setSlice(() => select(state)));
  }, [store, select]);
  return slice;
}
