import type { CaptureDeps, CapturedTab } from "@/lib/evidence/capture";

/** A PNG's first bytes; enough to be a distinct Blob with a known hash. */
export const FAKE_PNG_BYTES = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2,
]);

export function fakeCaptureDeps(overrides: Partial<CaptureDeps> = {}, tab?: CapturedTab) {
  let id = 0;
  let clock = Date.UTC(2026, 10, 23, 13, 3, 12);
  const deps: CaptureDeps = {
    getTab: async (tabId) => ({
      id: tabId,
      windowId: 1,
      active: true,
      url: "https://meet.jit.si/coachning",
      title: "Coachning – Klient A",
      ...tab,
    }),
    isWindowMinimized: async () => false,
    captureVisibleTab: async () => new Blob([FAKE_PNG_BYTES], { type: "image/png" }),
    coveredPicture: async () => ({ covered: false }),
    decode: async () => ({
      width: 1280,
      height: 720,
      thumbnail: new Blob([new Uint8Array([1])], { type: "image/jpeg" }),
    }),
    now: () => (clock += 1000),
    newId: () => `evidence-${++id}`,
    ...overrides,
  };
  return deps;
}
