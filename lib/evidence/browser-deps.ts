import { browser } from "wxt/browser";
import { parseMeetingResponse } from "../messages";
import type { CaptureDeps, CoveredPicture } from "./capture";
import { dataUrlToBlob, decodeWithThumbnail } from "./thumbnail";

/** The real browser behind the evidence service (panel and worker alike). */
export const browserCaptureDeps: CaptureDeps = {
  getTab: (tabId) => browser.tabs.get(tabId),
  isWindowMinimized: async (windowId) =>
    (await browser.windows.get(windowId)).state === "minimized",
  captureVisibleTab: async (windowId) =>
    dataUrlToBlob(await browser.tabs.captureVisibleTab(windowId, { format: "png" })),
  coveredPicture: async (tabId) => {
    const request = { type: "meeting:covered-picture" } as const;
    // No script is put into the page for this: a page without Tresteg's script has no cover.
    const answer = parseMeetingResponse(request, await browser.tabs.sendMessage(tabId, request));
    if (!answer || !answer.covered) return { covered: false };
    return "png" in answer
      ? { covered: true, png: dataUrlToBlob(answer.png) }
      : ({ covered: true, code: answer.failed } satisfies CoveredPicture);
  },
  decode: (png) => decodeWithThumbnail(png),
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
};
