import { format } from "date-fns";
import { enGB, sv } from "date-fns/locale";
import type { Lang } from "../i18n/text";

// Dates in words need the locales; they live apart from the clock times so that the panel's
// first load does not carry them (the history and the draft load them on demand).
const locales = { sv, en: enGB };

/** "mån 23 nov 2026 14:03" — a date a coach reads without thinking. */
export function dateTime(at: number, lang: Lang = "sv"): string {
  return format(at, "EEE d MMM yyyy HH:mm", { locale: locales[lang] });
}
