/**
 * What the side panel loads before its first draw, as one file. Each file an extension page
 * loads is one more request the browser answers from the extension's folder, one after
 * another; the panel's open is faster with its code in one chunk than in the seven the
 * automatic split makes of the modules it shares with the report and the recorder. Modules
 * it only imports with `import()` (Dexie after the first draw, the draft, the ZIP) stay in
 * chunks of their own.
 */

/** The part of Rolldown's module graph this needs (its ChunkingContext.getModuleInfo). */
interface ModuleGraph {
  getModuleInfo(id: string): { importers: readonly string[] } | null;
}

/** The module id of a page's entry, e.g. WXT's `entrypoints/sidepanel/index.html`. */
type EntryTest = (id: string) => boolean;

/**
 * A chunk-name function for Rolldown's `output.codeSplitting.groups`: `name` for every module
 * the entry reaches through static imports only, null (left to the automatic split) for the
 * rest and for the page's own modules (`own`): other pages import the shared chunk, and a
 * page's own code run there would draw the panel in the report or the recorder. Only "reached" is remembered: a "no" found while a cycle was cut short may not hold
 * from elsewhere, and the graph is small enough to walk again.
 */
export function staticallyImportedBy(isEntry: EntryTest, own: EntryTest, name: string) {
  const reachedOnce = new Set<string>();
  const reached = (id: string, graph: ModuleGraph, path: Set<string>): boolean => {
    if (reachedOnce.has(id) || isEntry(id)) return true;
    if (path.has(id)) return false; // an import cycle: decided by the other importers
    path.add(id);
    const importers = graph.getModuleInfo(id)?.importers ?? [];
    const result = importers.some((importer) => reached(importer, graph, path));
    path.delete(id);
    if (result) reachedOnce.add(id);
    return result;
  };
  return (id: string, graph: ModuleGraph): string | null =>
    !own(id) && reached(id, graph, new Set()) ? name : null;
}
