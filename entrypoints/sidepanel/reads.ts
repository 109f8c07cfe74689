import { browser } from "wxt/browser";
import { TrestegDb } from "../../lib/log/db";
import { readOpenAtStart } from "../../lib/log/queries";
import { loadSettings } from "../../lib/settings";

// What the panel reads before it draws, started by the first module the page evaluates:
// IndexedDB and the browser's storage answer while the panel's own code is still being
// evaluated, not after it (main.tsx imports this module first).

export const db = new TrestegDb();
export const settingsAreas = { storage: browser.storage.local, managed: browser.storage.managed };
export const settingsAtStart = loadSettings(settingsAreas.storage, settingsAreas.managed);
// A failed read draws the panel without it: its own live query reads again and shows the error.
export const openAtStart = readOpenAtStart(db).catch((error: unknown) => {
  console.error("Tresteg: reading the open incident before the first draw", error);
  return undefined;
});
