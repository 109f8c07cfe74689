import { fill, type Lang, LANGS, panelLanguage } from "../i18n/text";
import { type HintStorage, type OpenHint, readOpenHint } from "./open-hint";

// The side panel's first view comes in the page itself: its markup, rendered at build time
// in both languages, with and without the start buttons, waits in <template>s; a small
// classic script right after them (no module, no database) picks the one that fits and shows
// it while the page is still being read. The panel's module script then takes over the very
// same elements. A click in between is kept and carried out then, never lost.

/** Where the coach's own choice of language is kept (the panel writes it on every switch). */
export const CHOSEN_LANG_KEY = "tresteg.lang";

/** The coach's own choice, if one is kept and it is a language the panel speaks. */
export function chosenLanguage(area: HintStorage | undefined): Lang | undefined {
  return keptLanguage(area, CHOSEN_LANG_KEY);
}

/** Where each panel notes the language the browser served it, for the next first view. */
export const SERVED_LANG_KEY = "tresteg.servedLang";

function keptLanguage(area: HintStorage | undefined, key: string): Lang | undefined {
  try {
    const value = area?.getItem(key);
    return LANGS.find((l) => l === value);
  } catch {
    return undefined;
  }
}

/** Notes the browser's language for the next panel's first view. */
export function keepServedLanguage(area: HintStorage | undefined, lang: Lang): void {
  try {
    if (area?.getItem(SERVED_LANG_KEY) !== lang) area?.setItem(SERVED_LANG_KEY, lang);
  } catch (error) {
    // Storage full or blocked: the next first view asks the browser instead.
    console.error("Tresteg: could not keep the browser's language", error);
  }
}

/**
 * The language of the first view: the coach's choice; else the browser's, as the last panel
 * noted it; else asked of the browser's i18n. Asking wakes the extension API in the page,
 * ~10 ms at open on the test machine, so it is done only when nothing is noted. If the
 * browser's language has changed since, the panel corrects the words as it takes over.
 */
export function firstLanguage(area: HintStorage | undefined, askBrowser: () => string): Lang {
  return chosenLanguage(area) ?? keptLanguage(area, SERVED_LANG_KEY) ?? panelLanguage(askBrowser());
}

/** The template for a language: with the start buttons when no incident is open, else without. */
export function firstViewTemplateId(lang: Lang, hint: OpenHint): string {
  return `first-view-${lang}-${hint === "none" ? "start" : "wait"}`;
}

/** What the classic script hands to the module that takes over. */
export interface ShownFirstView {
  lang: Lang;
  hint: OpenHint;
  /** The clicked controls, in click order, since the view was shown; stops keeping them. */
  takeClicks(): Element[];
}

const HANDOVER = "__trestegFirstView";
type Handover = { [HANDOVER]?: ShownFirstView };

/**
 * Shows the first view for this browser and this coach in `root`: the kept language (or the
 * browser's) and, only when the last panel saw no incident open, the start buttons. Keeps
 * every click on a control until `takeClicks()`, and shows a clicked button busy meanwhile.
 * Returns null, showing nothing, when the page has no such template (then the module draws).
 */
export function showFirstView(
  doc: Document,
  area: HintStorage | undefined,
  askBrowserLanguage: () => string,
  into: object = globalThis,
): ShownFirstView | null {
  const root = doc.getElementById("app");
  const lang = firstLanguage(area, askBrowserLanguage);
  const hint = readOpenHint(area);
  const template = doc.getElementById(firstViewTemplateId(lang, hint));
  if (!root || !(template instanceof HTMLTemplateElement)) return null;
  root.replaceChildren(template.content.cloneNode(true));
  doc.documentElement.lang = lang;

  let clicks: Element[] | null = [];
  const keep = (event: Event) => {
    const control = (event.target as Element | null)?.closest?.("button, input");
    if (!clicks || !control || !root.contains(control)) return;
    clicks.push(control);
    if (!(control instanceof HTMLButtonElement)) return;
    // A button answers at once, busy, as the panel's own view would draw it: one start at a
    // time, and a second click on a busy button is not kept. The panel's render, taking
    // over, enables them again just before the kept clicks are carried out.
    control.setAttribute("aria-busy", "true");
    const alike = control.classList.contains("kind") ? root.querySelectorAll("button.kind") : [];
    for (const button of [control, ...alike]) (button as HTMLButtonElement).disabled = true;
  };
  root.addEventListener("click", keep);
  const shown: ShownFirstView = {
    lang,
    hint,
    takeClicks() {
      root.removeEventListener("click", keep);
      const taken = clicks ?? [];
      clicks = null;
      return taken;
    },
  };
  (into as Handover)[HANDOVER] = shown;
  return shown;
}

/** The first view the classic script showed, once: the module takes it over. */
export function takeFirstView(from: object = globalThis): ShownFirstView | undefined {
  const handover = from as Handover;
  const shown = handover[HANDOVER];
  delete handover[HANDOVER];
  return shown;
}

/** The panel's module and the modules it imports first, as the build lists them for the page. */
export interface PanelModules {
  module: string;
  preloads: string[];
}

/**
 * Loads the panel's module. After a shown first view, only once that view has been drawn (the
 * first frame, then the task after it): evaluated before, the module would hold the frame up.
 * Its imports are fetched alongside it rather than one after the other.
 */
export function loadPanelModules(
  doc: Document,
  modules: PanelModules,
  afterFirstFrame: boolean,
  onFailed: (module: string) => void,
  frame: (run: () => void) => void = (run) => requestAnimationFrame(() => setTimeout(run, 0)),
): void {
  const load = () => {
    for (const href of modules.preloads) {
      const link = doc.createElement("link");
      link.rel = "modulepreload";
      link.crossOrigin = "";
      link.href = href;
      doc.head.append(link);
    }
    const script = doc.createElement("script");
    script.type = "module";
    script.crossOrigin = "";
    script.src = modules.module;
    script.addEventListener("error", () => onFailed(modules.module));
    doc.head.append(script);
  };
  if (afterFirstFrame) frame(load);
  else load();
}

/** Words for the coach, by their message key, as the browser's i18n serves them. */
export type Say = (key: "errorTitle" | "panelLoadFailed") => string;

/**
 * The panel's module could not be read (a damaged install): the first view says so, in its
 * message area, with what to do, and stops keeping clicks it can no longer carry out.
 */
export function showLoadFailure(
  doc: Document,
  shown: ShownFirstView | null,
  module: string,
  say: Say,
): void {
  shown?.takeClicks();
  const text = `${say("errorTitle")}: ${fill(say("panelLoadFailed"), { error: module })}`;
  console.error(`Tresteg: ${module} could not be loaded`);
  const alert = doc.createElement("div");
  alert.className = "error";
  alert.setAttribute("role", "alert");
  alert.textContent = text;
  const messages = doc.querySelector("#app .messages") ?? doc.getElementById("app") ?? doc.body;
  messages.append(alert);
}

/** What the build wrote on the classic script's tag: the panel's module and its first imports. */
export function panelModulesOf(script: HTMLOrSVGScriptElement | null): PanelModules | null {
  const module = script instanceof HTMLScriptElement ? script.dataset.panelModule : undefined;
  if (!module) return null;
  const preloads = script instanceof HTMLScriptElement ? script.dataset.panelPreloads : undefined;
  return { module, preloads: preloads ? preloads.split(" ") : [] };
}

/**
 * Carries out the kept clicks, in order, on the controls the panel now drives (the same
 * elements: the panel's first render took them over). A checkbox was already ticked by the
 * browser and is reset by that render, so clicking it again ticks it through the panel.
 */
export function replayClicks(controls: readonly Element[]): void {
  for (const control of controls) {
    if (!control.isConnected) continue;
    if (control instanceof HTMLElement) control.click();
  }
}
