import { translator } from "../i18n/messages";
import type { Lang, MessageKey, Translate } from "../i18n/text";
import type { PhrasePack } from "../routine/pack";
import { type DraftClock, draftClock } from "./clock";
import { type DraftTranslate, draftTranslator } from "./messages";

/** What every part of the draft builder needs: the pack, the words and the clock. */
export interface DraftContext {
  pack: PhrasePack;
  lang: Lang;
  /** The panel's words (log sentences, mute targets, outcomes). */
  t: Translate;
  /** The draft's own words. */
  dt: DraftTranslate;
  clock: DraftClock;
  /** When the session ended, or null while it is open. */
  endedAt: number | null;
}

/**
 * The panel's words that tell the coach what to do ("Stäng av din mikrofon själv"), as the
 * report words them: it states what happened.
 */
const REPORT_VOICE: Partial<Record<MessageKey, MessageKey>> = {
  "yourself.off": "reportYourself.off",
  "yourself.on": "reportYourself.on",
};

function reportTranslator(lang: Lang): Translate {
  const t = translator(lang);
  return (key, params) => t(REPORT_VOICE[key] ?? key, params);
}

export function draftContext(
  pack: PhrasePack,
  lang: Lang,
  endedAt: number | null,
  timeZone?: string,
): DraftContext {
  return {
    pack,
    lang,
    t: reportTranslator(lang),
    dt: draftTranslator(lang),
    clock: draftClock(lang, timeZone),
    endedAt,
  };
}
