import type { Languages } from "../i18n/languages";
import type { Lang } from "../i18n/text";
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
