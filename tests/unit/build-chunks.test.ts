import { describe, expect, it } from "vitest";
import { staticallyImportedBy } from "../../lib/build-chunks";

// A module graph as Rolldown's getModuleInfo gives it: each module's static importers.
function graph(importers: Record<string, string[]>) {
  return {
    getModuleInfo: (id: string) => (id in importers ? { importers: importers[id] ?? [] } : null),
  };
}

const isEntry = (id: string) => id === "/e/sidepanel/index.html";
const own = (id: string) => id.startsWith("/e/");
const panelChunk = () => staticallyImportedBy(isEntry, own, "panel");

describe("staticallyImportedBy", () => {
  const modules = graph({
    "/e/sidepanel/index.html": [],
    "/e/sidepanel/main.tsx": ["/e/sidepanel/index.html"],
    "/e/report/main.ts": ["/e/report/index.html"],
    "/lib/panel/app.ts": ["/e/sidepanel/main.tsx"],
    // Shared with the report: still the panel's, so the panel loads it in its one chunk.
    "/lib/log/chain.ts": ["/lib/panel/app.ts", "/e/report/main.ts"],
    // Only the report and the lazily loaded storage import Dexie: not in the panel's chunk.
    "/node_modules/dexie/dexie.mjs": ["/lib/log/db.ts"],
    "/lib/log/db.ts": ["/lib/log/storage.ts", "/e/report/main.ts"],
    "/lib/log/storage.ts": [],
    // An import cycle reached from the panel.
    "/lib/a.ts": ["/lib/b.ts", "/lib/panel/app.ts"],
    "/lib/b.ts": ["/lib/a.ts"],
    // A cycle that nothing of the panel's reaches.
    "/lib/c.ts": ["/lib/d.ts"],
    "/lib/d.ts": ["/lib/c.ts"],
  });

  it("puts what the panel's entry imports statically in the panel's chunk", () => {
    const name = panelChunk();
    expect(name("/lib/panel/app.ts", modules)).toBe("panel");
    expect(name("/lib/log/chain.ts", modules)).toBe("panel");
  });

  it("leaves what the panel imports only with import() to chunks of their own", () => {
    const name = panelChunk();
    expect(name("/lib/log/storage.ts", modules)).toBeNull();
    expect(name("/lib/log/db.ts", modules)).toBeNull();
    expect(name("/node_modules/dexie/dexie.mjs", modules)).toBeNull();
  });

  it("keeps every page's own modules out, so no page runs another's entry", () => {
    const name = panelChunk();
    expect(name("/e/sidepanel/main.tsx", modules)).toBeNull();
    expect(name("/e/report/main.ts", modules)).toBeNull();
  });

  it("follows import cycles both ways, whichever module is asked first", () => {
    for (const order of [
      ["/lib/b.ts", "/lib/a.ts", "/lib/c.ts"],
      ["/lib/c.ts", "/lib/a.ts", "/lib/b.ts"],
    ]) {
      const name = panelChunk();
      const named = Object.fromEntries(order.map((id) => [id, name(id, modules)]));
      expect(named).toEqual({ "/lib/a.ts": "panel", "/lib/b.ts": "panel", "/lib/c.ts": null });
    }
  });
});
