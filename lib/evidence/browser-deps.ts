import { browser } from "wxt/browser";
import type { CaptureDeps } from "./capture";
import { dataUrlToBlob, decodeWithThumbnail } from "./thumbnail";

/** The real browser behind the evidence service (panel and worker alike). */
export const browserCaptureDeps: CaptureDeps = {
  getTab: (tabId) => browser.tabs.get(tabId),
  isWindowMinimized: async (windowId) =>
    (await browser.windows.get(windowId)).state === "minimized",
  captureVisibleTab: async (windowId) =>
    dataUrlToBlob(await browser.tabs.captureVisibleTab(windowId, { format: "png" })),
  decode: (png) => decodeWithThumbnail(png),
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
};
