import { options } from "preact";
import { browser } from "wxt/browser";
import { browserLanguages, type LocaleMessages } from "../../lib/i18n/languages";
import {
  CHOSEN_LANG_KEY,
  chosenLanguage,
  keepServedLanguage,
} from "../../lib/panel/first-view-boot";
import { switchLanguage } from "../../lib/panel/language";
import { createPanelStore } from "../../lib/panel/store";

// What the first view and the full panel share: the panel's UI state, its languages and how
// it renders. Small on purpose: it loads before the database code.

// One render per burst of updates: a commit reaches the panel through a chain of promises
// (its entry, then a slow write's busy mark cleared); rendering once after the chain (a
// message-channel task, not a microtask) draws the panel once instead of twice. Something newly
// shown busy (a write slower than BUSY_AFTER_MS, a click the first view holds) is drawn at once
// (next microtask), so that it disables its buttons without delay.
const renderSoon = new MessageChannel();
const queued: (() => void)[] = [];
const renderNow = () => {
  for (const run of queued.splice(0)) run();
};
renderSoon.port1.onmessage = renderNow;
options.debounceRendering = (run) => {
  if (queued.push(run) === 1) renderSoon.port2.postMessage(null);
};

// The panel speaks the browser's language through its i18n (_locales: Swedish, or English in
// an English browser); the coach's own choice is kept for the next panel.
const languages = browserLanguages(browser.i18n, async (lang) => {
  const response = await fetch(`/_locales/${lang}/messages.json`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as LocaleMessages;
});
const chosenLang = chosenLanguage(globalThis.localStorage);
const store = createPanelStore({ lang: languages.initial });
// The next panel's first view speaks it without asking the browser (lib/panel/first-view-boot).
keepServedLanguage(globalThis.localStorage, languages.initial);
// Screen readers pronounce the page in its document language: the one the first view speaks.
document.documentElement.lang = chosenLang ?? languages.initial;
store.subscribe((state, previous) => {
  if (state.pending.length > previous.pending.length) queueMicrotask(renderNow);
  if (state.lang === previous.lang) return;
  document.documentElement.lang = state.lang;
  globalThis.localStorage?.setItem(CHOSEN_LANG_KEY, state.lang);
});

/** Settled once the coach's chosen language (if not the browser's) is read: then draw. */
const chosenLanguageReady: Promise<void> = (
  chosenLang && chosenLang !== languages.initial
    ? // Read before the panel draws, so nothing flips from one language to the other.
      switchLanguage(store, languages, chosenLang)
    : Promise.resolve()
).then(() => {
  // The chosen language's file may have been unreadable: then the panel speaks the browser's.
  document.documentElement.lang = store.getState().lang;
});

export { chosenLanguageReady, languages, store };
