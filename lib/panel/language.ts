import type { Languages } from "../i18n/languages";
import { type Lang, LANGS } from "../i18n/text";
import type { PanelStore } from "./store";

/** Switches the panel to `lang` once its words are read; says so when they cannot be. */
export function switchLanguage(store: PanelStore, languages: Languages, lang: Lang): Promise<void> {
  return languages.prepare(lang).then(
    () => store.setState({ lang }),
    (error: unknown) => {
      console.error("Tresteg: language", error);
      store.setState({ error: { key: "languageUnavailable", params: { error: String(error) } } });
    },
  );
}

export const otherLanguage = (lang: Lang): Lang => (lang === "sv" ? "en" : "sv");

/** The piece of the page's localStorage where the coach's choice of language is kept. */
export interface ChoiceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Where the coach's own choice of language is kept (written on every switch). */
export const CHOSEN_LANG_KEY = "tresteg.lang";

/** The coach's own choice, if one is kept and it is a language the panel speaks. */
export function chosenLanguage(area: ChoiceStorage | undefined): Lang | undefined {
  try {
    const value = area?.getItem(CHOSEN_LANG_KEY);
    return LANGS.find((l) => l === value);
  } catch {
    return undefined;
  }
}

/**
 * The panel's language from its first draw: the coach's choice, read before anything is
 * drawn so that nothing flips from one language to the other; the browser's when there is no
 * choice or the chosen language's file cannot be read (then the panel says so). Every later
 * switch is kept for the next panel.
 */
export async function startLanguage(
  store: PanelStore,
  languages: Languages,
  area: ChoiceStorage | undefined,
): Promise<void> {
  const chosen = chosenLanguage(area);
  if (chosen && chosen !== languages.initial) await switchLanguage(store, languages, chosen);
  store.subscribe((state, previous) => {
    if (state.lang === previous.lang) return;
    try {
      area?.setItem(CHOSEN_LANG_KEY, state.lang);
    } catch (error) {
      // Storage full or blocked: the choice holds for this panel only.
      console.error("Tresteg: could not keep the chosen language", error);
    }
  });
}
