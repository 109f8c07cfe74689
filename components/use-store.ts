import { useEffect, useState } from "preact/hooks";
import type { StoreApi } from "zustand/vanilla";

/** A slice of a zustand store, re-rendering only when the slice changes. */
export function useStore<S, T>(store: StoreApi<S>, select: (state: S) => T): T {
  const [slice, setSlice] = useState(() => select(store.getState()));
  useEffect(() => {
    setSlice(() => select(store.getState()));
    return store.subscribe((state) => setSlice(() => select(state)));
  }, [store, select]);
  return slice;
}
