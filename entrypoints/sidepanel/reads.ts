import { browser } from "wxt/browser";
import { readOpenAtFirstDraw } from "../../lib/log/first-read";
import { loadSettings } from "../../lib/settings";

// What the panel reads before it draws, started by the first module the page evaluates:
// IndexedDB and the browser's storage answer while the panel's own code is still being
// evaluated, not after it (main.tsx imports this module first). The open incident is read
// with IndexedDB itself; Dexie comes after the first draw (lib/log/storage.ts).

export const settingsAreas = { storage: browser.storage.local, managed: browser.storage.managed };
export const settingsAtStart = loadSettings(settingsAreas.storage, settingsAreas.managed);
// A failed read draws the panel without it: its own live query reads again and shows the error.
export const openAtStart = readOpenAtFirstDraw(indexedDB).catch((error: unknown) => {
  console.error("Tresteg: reading the open incident before the first draw", error);
  return undefined;
});
