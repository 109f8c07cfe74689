import { describe, expect, it, vi } from "vitest";
import { createFirstClicks } from "@/lib/panel/first-clicks";
import { createPanelStore } from "@/lib/panel/store";

// The first view takes clicks before the rest of the panel has loaded: none may be lost,
// none done twice, and each shows busy until it is carried out.

describe("clicks taken before the panel has loaded", () => {
  it("are shown busy, then carried out in click order once it loads", () => {
    const store = createPanelStore();
    const clicks = createFirstClicks<{ done: string[] }>(store);
    const panel = { done: [] as string[] };
    clicks.whenLoaded("start:queued", (p) => p.done.push("start"));
    clicks.whenLoaded("capture:queued", (p) => p.done.push("capture"));
    expect(store.getState().pending).toEqual(["start:queued", "capture:queued"]);
    expect(panel.done).toEqual([]);
    clicks.loaded(panel);
    expect(panel.done).toEqual(["start", "capture"]);
    expect(store.getState().pending).toEqual([]);
  });

  it("does not queue the same click twice, and acts at once after loading", () => {
    const store = createPanelStore();
    const clicks = createFirstClicks<{ n: number }>(store);
    const panel = { n: 0 };
    clicks.whenLoaded("start:queued", (p) => (p.n += 1));
    clicks.whenLoaded("start:queued", (p) => (p.n += 1));
    clicks.loaded(panel);
    expect(panel.n).toBe(1);
    expect(clicks.isLoaded).toBe(true);
    clicks.whenLoaded("start:queued", (p) => (p.n += 1));
    expect(panel.n).toBe(2);
    expect(store.getState().pending).toEqual([]);
  });

  it("tells the coach when the panel cannot load, and drops the busy marks", () => {
    const store = createPanelStore();
    const clicks = createFirstClicks<unknown>(store);
    const act = vi.fn();
    clicks.whenLoaded("start:queued", act);
    clicks.failed(new Error("chunk missing"));
    expect(store.getState().pending).toEqual([]);
    expect(store.getState().error).toEqual({
      key: "panelLoadFailed",
      params: { error: "Error: chunk missing" },
    });
    expect(act).not.toHaveBeenCalled();
  });
});
