import type { Translate } from "../i18n/text";
import { type BrowserI18n, browserLanguages } from "../i18n/languages";

/** The extension API as WXT gives it (`browser` from wxt/browser; `fakeBrowser` in tests). */
export type WorkerBrowser = (typeof import("wxt/browser"))["browser"];

/**
 * The worker's words: the browser's i18n (`_locales`), in the language the browser serves,
 * with {name} placeholders filled the same way as in the panel.
 */
export function workerText(i18n: BrowserI18n): Translate {
  const languages = browserLanguages(i18n, async (lang) => {
    throw new Error(`the worker speaks the browser's language only, not ${lang}`);
  });
  return languages.translator(languages.initial);
}

/** A silent notification from Tresteg; the same id replaces an earlier one. */
export async function notify(
  browser: Pick<WorkerBrowser, "notifications" | "runtime">,
  message: string,
  options: { id?: string; requireInteraction?: boolean } = {},
): Promise<void> {
  const details = {
    type: "basic" as const,
    iconUrl: browser.runtime.getURL("/icon/128.png"),
    title: "Tresteg",
    message,
    silent: true,
    ...(options.requireInteraction ? { requireInteraction: true } : {}),
  };
  if (options.id === undefined) await browser.notifications.create(details);
  else await browser.notifications.create(options.id, details);
}
