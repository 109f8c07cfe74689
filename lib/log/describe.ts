import type { Translate } from "../i18n/messages";
import { outcomeKey } from "../i18n/messages";
import { kindLabel, type Language, type PhrasePack, stepOf } from "../routine/pack";
import { clockTime } from "../time/format";
import type { IncidentEvent } from "./events";

/** One log entry as a sentence a coach (or a manager reading the draft) understands. */
export function describeEvent(
  event: IncidentEvent,
  pack: PhrasePack,
  t: Translate,
  lang: Language,
): string {
  const kinds = (refs: string[]) => refs.map((ref) => kindLabel(pack, ref, lang)).join(", ");
  switch (event.type) {
    case "session-started":
      return t("event.session-started", { kinds: kinds(event.kinds) });
    case "kinds-changed":
      return t("event.kinds-changed", { kinds: kinds(event.kinds) });
    case "call-start-set":
      return t("event.call-start-set", { time: clockTime(event.callStartedAt) });
    case "phrase-said":
      return t("event.phrase-said", { step: event.step, text: event.text });
    case "step-advanced":
      return t("event.step-advanced", {
        to: event.to,
        title: stepOf(pack, event.to).title[lang],
      });
    case "step-back":
      return t("event.step-back", { to: event.to, title: stepOf(pack, event.to).title[lang] });
    case "resolved":
      return t("event.resolved", { step: event.step });
    case "reopened":
      return t("event.reopened", { step: event.step });
    case "terminated":
      return t("event.terminated");
    case "session-ended":
      return t("event.session-ended", { outcome: t(outcomeKey(event.outcome)) });
    default: {
      const unknown: never = event;
      return JSON.stringify(unknown);
    }
  }
}
