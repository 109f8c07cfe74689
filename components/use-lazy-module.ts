import { useEffect, useState } from "preact/hooks";

/** A module loaded the first time it is wanted; undefined until it has arrived. */
export function useLazyModule<M>(load: () => Promise<M>, wanted: boolean): M | undefined {
  const [module, setModule] = useState<M | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    load().then(
      (m) => live && setModule(() => m),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [wanted, module, load]);
  if (error) throw error;
  return module;
}
