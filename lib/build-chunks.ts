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
 * page's own code run there would draw the panel in the report or the recorder. Each answer is
 * remembered, except a "no" found while an import cycle was cut short, which may not hold when
 * the walk comes from elsewhere.
 */
export function staticallyImportedBy(isEntry: EntryTest, own: EntryTest, name: string) {
  const known = new Map<string, boolean>();
  /** Whether `id` is reached, and whether a cycle was cut on the way (then a "no" is not kept). */
  const walk = (id: string, graph: ModuleGraph, path: Set<string>): [boolean, boolean] => {
    const cached = known.get(id);
    if (cached !== undefined) return [cached, false];
    if (isEntry(id)) return [true, false];
    if (path.has(id)) return [false, true]; // an import cycle: decided by the other importers
    path.add(id);
    let cut = false;
    let hit = false;
    for (const importer of graph.getModuleInfo(id)?.importers ?? []) {
      const [reachedThere, cutThere] = walk(importer, graph, path);
      cut ||= cutThere;
      if (reachedThere) {
        hit = true;
        break;
      }
    }
    path.delete(id);
    if (hit || !cut) known.set(id, hit);
    return [hit, cut];
  };
  const reached = (id: string, graph: ModuleGraph, path: Set<string>) => walk(id, graph, path)[0];
  return (id: string, graph: ModuleGraph): string | null =>
    !own(id) && reached(id, graph, new Set()) ? name : null;
}
