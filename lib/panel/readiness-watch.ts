import type { ProbeReport } from "../messages";
import type { PanelStore } from "./store";

/** How often the panel looks at the meeting page again while it is shown. */
export const READINESS_EVERY_MS = 5000;

/** What chrome.tabs.onUpdated tells about a tab; url and title only where Tresteg may read them. */
export interface TabChange {
  status?: string;
  url?: string;
  title?: string;
}

export interface TabUpdates {
  addListener(listener: (tabId: number, change: TabChange) => void): void;
  removeListener(listener: (tabId: number, change: TabChange) => void): void;
}

/** The panel page's own visibility (the side panel closed or its window minimised). */
export interface PageVisibility {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: "visibilitychange", listener: () => void): void;
  removeEventListener(type: "visibilitychange", listener: () => void): void;
}

export interface ReadinessWatchDeps {
  store: PanelStore;
  /** Asks the meeting page what it offers; null when it does not answer. Reads, never clicks. */
  probe: (tabId: number) => Promise<ProbeReport | null>;
  tabUpdates?: TabUpdates;
  page?: PageVisibility;
  everyMs?: number;
}

export interface ReadinessWatch {
  /**
   * Whether the wait runs: while it does, the page is not probed at all (the moment the
   * wait exists for gets no extra load). The watch probes only once told, so a panel that
   * opens during a wait does not probe before it has read the wait from the log.
   */
  hold(waiting: boolean): void;
  /** Stops listening and looking (the panel is gone). */
  stop(): void;
}

/**
 * Keeps `store.probe` current for the meeting tab: probed when the panel is told it may, when
 * the tab it serves changes, when the page loads or changes its address or title, when the
 * panel is shown again, and every few seconds while it is shown. One probe at a time: a
 * reason to look that comes while one runs is answered by one more probe after it.
 */
export function watchReadiness(deps: ReadinessWatchDeps): ReadinessWatch {
  const { store } = deps;
  const every = deps.everyMs ?? READINESS_EVERY_MS;
  let waiting: boolean | undefined;
  let stopped = false;
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  const tabId = () => store.getState().tab?.tabId ?? null;
  const shown = () => deps.page?.visibilityState !== "hidden";
  const mayLook = () => !stopped && waiting === false && shown();

  async function look() {
    const id = tabId();
    if (!mayLook() || id === null) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const report = await deps.probe(id);
      // An answer for a tab the panel no longer serves, or one that came as a wait began,
      // is not what the page offers now.
      if (tabId() === id && mayLook()) store.setState({ probe: { tabId: id, report } });
    } catch (error) {
      // The port answers null for a page that does not answer; anything else is a fault here.
      console.error("Tresteg: probing the meeting page", error);
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      void look();
    }
  }

  function keepLooking() {
    const should = mayLook();
    if (should && timer === undefined) timer = setInterval(() => void look(), every);
    if (!should && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  }

  const onTabUpdated = (id: number, change: TabChange) => {
    if (id !== tabId()) return;
    if (change.status === "complete" || change.url !== undefined || change.title !== undefined) {
      void look();
    }
  };
  const onVisibility = () => {
    keepLooking();
    if (shown()) void look();
  };
  const unsubscribe = store.subscribe((state, before) => {
    if (state.tab?.tabId !== before.tab?.tabId) void look();
  });
  deps.tabUpdates?.addListener(onTabUpdated);
  deps.page?.addEventListener("visibilitychange", onVisibility);

  return {
    hold(nowWaiting) {
      if (stopped || nowWaiting === waiting) return;
      waiting = nowWaiting;
      keepLooking();
      if (!nowWaiting) void look();
    },
    stop() {
      stopped = true;
      keepLooking();
      unsubscribe();
      deps.tabUpdates?.removeListener(onTabUpdated);
      deps.page?.removeEventListener("visibilitychange", onVisibility);
    },
  };
}
