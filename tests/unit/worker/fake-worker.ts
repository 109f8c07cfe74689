import { fakeBrowser } from "wxt/testing/fake-browser";
import { translator } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/text";
import { localeMessages } from "@/lib/i18n/languages";
import { en, sv } from "@/lib/i18n/messages";
import { loadSettings } from "@/lib/settings";
import { type WorkerBrowser, workerText } from "@/lib/worker/browser";

/** An extension event the fake browser leaves unimplemented (commands), with its trigger. */
export function aFakeEvent<Args extends unknown[]>() {
  const listeners: ((...args: Args) => unknown)[] = [];
  return {
    addListener: (listener: (...args: Args) => unknown) => void listeners.push(listener),
    removeListener: (listener: (...args: Args) => unknown) =>
      void listeners.splice(listeners.indexOf(listener), 1),
    hasListener: (listener: (...args: Args) => unknown) => listeners.includes(listener),
    hasListeners: () => listeners.length > 0,
    trigger: (...args: Args) => Promise.all(listeners.map((l) => l(...args))),
  };
}

/** The browser's i18n serving one language's `_locales` file, as the built extension has it. */
export const anI18n = (lang: Lang) => {
  const messages = localeMessages(lang === "en" ? en : sv);
  return { getMessage: (name: string) => messages[name]?.message ?? "" };
};

export const swedish = translator("sv");
export const textOf = (lang: Lang) => workerText(anI18n(lang));

/** The settings as the worker reads them, from the fake browser's storage. */
export const settingsNow = () =>
  loadSettings(fakeBrowser.storage.local, fakeBrowser.storage.managed);

/**
 * The fake browser as the worker's code sees it. @webext-core/fake-browser is typed with
 * webextension-polyfill's types, WXT's `browser` with Chrome's: the same API, two typings.
 */
export const worker = fakeBrowser as unknown as WorkerBrowser;

/** The fake browser with a working commands event. */
export function aWorkerBrowser() {
  const onCommand = aFakeEvent<[string, { id?: number; url?: string } | undefined]>();
  const browser = {
    ...fakeBrowser,
    commands: { ...fakeBrowser.commands, onCommand },
  } as unknown as WorkerBrowser;
  return { browser, onCommand };
}
