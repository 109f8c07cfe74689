// First: starts the reads the first draw waits for (see reads.ts).
import { openAtStart, settingsAreas as settings, settingsAtStart } from "./reads";
import "./style.css";
import "./tracks.css";
import { render } from "preact";
import { browser } from "wxt/browser";
import { Panel } from "../../components/Panel";
import { browserCaptureDeps } from "../../lib/evidence/browser-deps";
import { saveFile } from "../../lib/history/save-file";
import { browserLanguages, type LocaleMessages } from "../../lib/i18n/languages";
import { createPanelApp } from "../../lib/panel/app";
import { browserMeetingPort } from "../../lib/panel/browser-port";
import { startLanguage } from "../../lib/panel/language";
import { createPanelStore } from "../../lib/panel/store";
import { watchSettings } from "../../lib/settings";

// The side panel: read what it needs (the settings with the pack in force, the coach's
// language, the open incident with its log), side by side, then draw once. Live queries keep
// the incident current from there.

const languages = browserLanguages(browser.i18n, async (lang) => {
  const response = await fetch(`/_locales/${lang}/messages.json`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as LocaleMessages;
});
const store = createPanelStore({ lang: languages.initial });
// Screen readers pronounce the page in its document language: the one the panel speaks.
store.subscribe((state) => {
  document.documentElement.lang = state.lang;
});
// The first frame: what opening does besides drawing (Dexie, the meeting, retention) waits
// for it. A panel that is not shown gets no frames, so a timer stands in.
let drawn: () => void = () => {};
const firstFrame = new Promise<void>((resolve) => {
  drawn = () => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 200);
  };
});
const app = createPanelApp({
  storage: firstFrame
    .then(() => import("../../lib/log/storage"))
    .then(({ openLogStorage }) => openLogStorage()),
  store,
  languages,
  settings,
  browser: {
    tabs: browser.tabs,
    permissions: browser.permissions,
    alarms: browser.alarms,
    pageUrl: (path) => browser.runtime.getURL(path as "/practice.html"),
    recording: {
      // Chrome's tab capture; Firefox has none (the panel says recording needs Chrome).
      supported: import.meta.env.BROWSER !== "firefox" && browser.tabCapture !== undefined,
      send: (request) => browser.runtime.sendMessage(request),
      estimate: () => navigator.storage.estimate(),
    },
  },
  meeting: browserMeetingPort,
  capture: browserCaptureDeps,
  search: location.search,
  page: document,
  now: () => Date.now(),
  copy: (text) => navigator.clipboard.writeText(text),
  save: (name, blob) => saveFile(document, name, blob),
});

const root = document.getElementById("app") as HTMLElement;
Promise.all([
  settingsAtStart.then(
    (settings) => store.setState({ settings }),
    (error: unknown) =>
      // The routine's own pack and defaults, and the coach is told the settings were not read.
      store.setState({
        error: { key: "storageError", params: { name: "settings", message: String(error) } },
      }),
  ),
  startLanguage(store, languages, globalThis.localStorage),
  openAtStart,
])
  .then(([, , start]) => {
    document.documentElement.lang = store.getState().lang;
    // The starting line goes: Preact keeps what it did not make, outside the panel's landmark.
    root.replaceChildren();
    render(<Panel app={app} languages={languages} start={start} />, root);
    drawn();
    void firstFrame.then(app.start);
  })
  .catch((error: unknown) => {
    console.error("Tresteg: the panel could not start", error);
    root.textContent = `Tresteg: ${String(error)}`;
  });

// Another panel, or the organisation's policy, changed the settings: show them as they are.
watchSettings((changed) => store.setState({ settings: changed }), {
  ...settings,
  onStorageChanged: browser.storage.onChanged,
  onError: (error) =>
    store.setState({
      error: { key: "storageError", params: { name: "settings", message: String(error) } },
    }),
});
