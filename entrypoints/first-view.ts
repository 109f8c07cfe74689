import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import type { BrowserI18n } from "../lib/i18n/languages";
import {
  loadPanelModules,
  panelModulesOf,
  showFirstView,
  showLoadFailure,
} from "../lib/panel/first-view-boot";

// A classic script, read while sidepanel.html is still being parsed: it shows the panel's
// first view from the page's own templates before any module has loaded, then loads the
// panel's module once that view is drawn (see lib/panel/first-view-boot.ts and
// scripts/panel-page.ts). "uiLang" names the language the browser's i18n serves.
export default defineUnlistedScript(() => {
  const modules = panelModulesOf(document.currentScript);
  // chrome.i18n, not wxt/browser: touching the extension API at all costs time at open.
  const i18n = (): BrowserI18n => (globalThis as { chrome?: { i18n: BrowserI18n } }).chrome!.i18n;
  const shown = showFirstView(document, globalThis.localStorage, () => i18n().getMessage("uiLang"));
  // Unnamed only on the dev server, whose page keeps its own module tag (a build that cannot
  // name it fails: scripts/panel-page.ts).
  if (modules) {
    loadPanelModules(document, modules, shown !== null, (module) =>
      showLoadFailure(document, shown, module, (key) => i18n().getMessage(key)),
    );
  }
});
