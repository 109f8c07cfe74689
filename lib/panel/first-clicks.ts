import type { PanelStore } from "./store";

/**
 * Clicks the first view takes before the rest of the panel has loaded. Each is shown busy at
 * once (its key pending) and carried out, in click order, when the panel is there; a second
 * click on the same thing meanwhile is not queued twice. If the panel cannot load, the busy
 * marks go and the coach is told.
 */
export function createFirstClicks<Panel>(store: PanelStore) {
  const waiting: ((panel: Panel) => void)[] = [];
  let loaded: Panel | null = null;
  return {
    whenLoaded(key: string, act: (panel: Panel) => unknown): void {
      if (loaded) {
        act(loaded);
        return;
      }
      if (store.getState().pending.includes(key)) return;
      store.setState((s) => ({ pending: [...s.pending, key] }));
      waiting.push((panel) => {
        store.setState((s) => ({ pending: s.pending.filter((k) => k !== key) }));
        act(panel);
      });
    },
    loaded(panel: Panel): void {
      loaded = panel;
      for (const act of waiting.splice(0)) act(panel);
    },
    failed(error: unknown): void {
      waiting.length = 0;
      store.setState({
        pending: [],
        error: { key: "panelLoadFailed", params: { error: String(error) } },
      });
    },
    get isLoaded() {
      return loaded !== null;
    },
  };
}
