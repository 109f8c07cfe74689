import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ProbeReport } from "../../../lib/messages";
import type { MeetingTab } from "../../../lib/panel/meeting-tab";
import {
  type PageVisibility,
  READINESS_EVERY_MS,
  type TabChange,
  watchReadiness,
} from "../../../lib/panel/readiness-watch";
import { createPanelStore } from "../../../lib/panel/store";

const TAB: MeetingTab = {
  tabId: 7,
  origin: "https://meet.jit.si",
  title: "Coachning",
  platform: "jitsi",
  readable: true,
};
const FOUND: ProbeReport = {
  platform: "jitsi",
  controls: { mic: true, camera: true, hangUp: true },
  remoteVideos: 1,
};

/** chrome.tabs.onUpdated as a list of listeners the test fires. */
function fakeTabUpdates() {
  const listeners = new Set<(tabId: number, change: TabChange) => void>();
  return {
    addListener: (l: (tabId: number, change: TabChange) => void) => listeners.add(l),
    removeListener: (l: (tabId: number, change: TabChange) => void) => listeners.delete(l),
    fire: (tabId: number, change: TabChange) => listeners.forEach((l) => l(tabId, change)),
    count: () => listeners.size,
  };
}

function fakePage(state: DocumentVisibilityState = "visible") {
  const listeners = new Set<() => void>();
  const page: PageVisibility & { set(s: DocumentVisibilityState): void } = {
    get visibilityState() {
      return state;
    },
    addEventListener: (_type, l) => listeners.add(l),
    removeEventListener: (_type, l) => listeners.delete(l),
    set(next) {
      state = next;
      listeners.forEach((l) => l());
    },
  };
  return page;
}

describe("keeping the readiness current", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setUp(answer: () => ProbeReport | null = () => FOUND) {
    const store = createPanelStore({ tab: TAB });
    const asked: number[] = [];
    const probe = vi.fn(async (tabId: number) => {
      asked.push(tabId);
      return answer();
    });
    const tabUpdates = fakeTabUpdates();
    const page = fakePage();
    const watch = watchReadiness({ store, probe, tabUpdates, page });
    return { store, asked, probe, tabUpdates, page, watch };
  }

  it("does not look before the panel has said whether the wait runs", async () => {
    const { asked, tabUpdates } = setUp();
    tabUpdates.fire(7, { status: "complete" });
    await vi.advanceTimersByTimeAsync(READINESS_EVERY_MS * 3);
    expect(asked).toEqual([]);
  });

  it("looks at once when allowed, stores what the page said, and again every few seconds", async () => {
    const { store, asked, watch } = setUp();
    watch.hold(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual([7]);
    expect(store.getState().probe).toEqual({ tabId: 7, report: FOUND });
    await vi.advanceTimersByTimeAsync(READINESS_EVERY_MS);
    expect(asked).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(READINESS_EVERY_MS * 2);
    expect(asked).toHaveLength(4);
  });

  it("stores a page that does not answer as null", async () => {
    const { store, watch } = setUp(() => null);
    watch.hold(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().probe).toEqual({ tabId: 7, report: null });
  });

  it("never looks while the wait runs, and looks again as soon as it ends", async () => {
    const { asked, tabUpdates, watch, page } = setUp();
    watch.hold(false);
    await vi.advanceTimersByTimeAsync(0);
    watch.hold(true);
    tabUpdates.fire(7, { status: "complete" });
    page.set("hidden");
    page.set("visible");
    await vi.advanceTimersByTimeAsync(READINESS_EVERY_MS * 4);
    expect(asked).toHaveLength(1);
    watch.hold(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toHaveLength(2);
  });

  it("drops an answer that comes after the wait began", async () => {
    let release: (report: ProbeReport) => void = () => undefined;
    const store = createPanelStore({ tab: TAB });
    const watch = watchReadiness({
      store,
      probe: () => new Promise<ProbeReport>((resolve) => (release = resolve)),
    });
    watch.hold(false);
    watch.hold(true);
    release(FOUND);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().probe).toBeUndefined();
  });

  it("stops looking while the panel is hidden, and looks when it is shown again", async () => {
    const { asked, watch, page } = setUp();
    watch.hold(false);
    await vi.advanceTimersByTimeAsync(0);
    page.set("hidden");
    await vi.advanceTimersByTimeAsync(READINESS_EVERY_MS * 4);
    expect(asked).toHaveLength(1);
    page.set("visible");
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(READINESS_EVERY_MS);
    expect(asked).toHaveLength(3);
  });

  it("looks when the meeting tab loads or changes address or title, not for other tabs", async () => {
    const { asked, tabUpdates, watch } = setUp();
    watch.hold(false);
    await vi.advanceTimersByTimeAsync(0);
    tabUpdates.fire(8, { status: "complete" });
    tabUpdates.fire(7, { status: "loading" });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toHaveLength(1);
    for (const change of [
      { status: "complete" },
      { url: "https://meet.jit.si/b" },
      { title: "x" },
    ]) {
      tabUpdates.fire(7, change);
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(asked).toHaveLength(4);
  });

  it("asks one at a time: reasons that come during a probe give one more probe after it", async () => {
    const store = createPanelStore({ tab: TAB });
    const pending: ((r: ProbeReport) => void)[] = [];
    const tabUpdates = fakeTabUpdates();
    const watch = watchReadiness({
      store,
      tabUpdates,
      probe: () => new Promise<ProbeReport>((resolve) => pending.push(resolve)),
    });
    watch.hold(false);
    tabUpdates.fire(7, { status: "complete" });
    tabUpdates.fire(7, { title: "y" });
    expect(pending).toHaveLength(1);
    pending[0]?.(FOUND);
    await vi.advanceTimersByTimeAsync(0);
    expect(pending).toHaveLength(2);
  });

  it("looks at the new tab when the panel serves another one, and keeps only its answer", async () => {
    const { store, asked, watch } = setUp();
    watch.hold(false);
    await vi.advanceTimersByTimeAsync(0);
    store.setState({ tab: { ...TAB, tabId: 77, platform: "practice" } });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual([7, 77]);
    expect(store.getState().probe?.tabId).toBe(77);
  });

  it("stops listening when stopped", async () => {
    const { asked, tabUpdates, watch } = setUp();
    watch.hold(false);
    await vi.advanceTimersByTimeAsync(0);
    watch.stop();
    expect(tabUpdates.count()).toBe(0);
    await vi.advanceTimersByTimeAsync(READINESS_EVERY_MS * 3);
    watch.hold(false);
    expect(asked).toHaveLength(1);
  });
});
