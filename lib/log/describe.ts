import type { Translate } from "../i18n/text";
import { outcomeKey } from "../i18n/text";
import { kindLabel, type Language, type PhrasePack, stepOf } from "../routine/pack";
import { clockTime } from "../time/format";
import type { IncidentEvent } from "./events";

/** The name of a tag: a kind of exposure from the pack, or "hot om våld". */
export function tagLabel(pack: PhrasePack, tag: string, t: Translate, lang: Language): string {
  if (tag === THREAT_OF_VIOLENCE) return t("tag.threat-of-violence");
  return kindLabel(pack, tag, lang);
}

/** The tag the guideline's police-report rule looks for. */
export const THREAT_OF_VIOLENCE = "threat-of-violence";

const shortHash = (sha256: string) => `${sha256.slice(0, 12)}…`;
const withDetail = (text: string, detail?: string) => (detail ? `${text} (${detail})` : text);

/** One log entry as a sentence a coach (or a manager reading the draft) understands. */
export function describeEvent(
  event: IncidentEvent,
  pack: PhrasePack,
  t: Translate,
  lang: Language,
): string {
  const kinds = (refs: string[]) =>
    refs.length ? refs.map((ref) => kindLabel(pack, ref, lang)).join(", ") : t("kindMissing");
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
    case "wait-started":
      return t("event.wait-started", {
        minutes: Math.round(event.durationMs / 60_000),
        time: clockTime(event.deadline),
      });
    case "wait-extended":
      return t("event.wait-extended", { time: clockTime(event.deadline) });
    case "wait-ended":
      return t("event.wait-ended", { reason: t(`wait.${event.reason}`) });
    case "mute-applied":
      return withDetail(
        t("event.mute-applied", {
          target: t(`mute.${event.target}`),
          result: t(`muteResult.${event.result}`),
        }),
        event.detail,
      );
    case "mute-restored":
      return withDetail(
        t("event.mute-restored", {
          target: t(`mute.${event.target}`),
          result: t(`restoreResult.${event.result}`),
        }),
        event.detail,
      );
    case "hang-up":
      return withDetail(t("event.hang-up", { result: t(`hangUp.${event.result}`) }), event.detail);
    case "screenshot-taken":
      return t("event.screenshot-taken", {
        width: event.width,
        height: event.height,
        origin: event.origin,
        hash: shortHash(event.sha256),
      });
    case "screenshot-deleted":
      return t("event.screenshot-deleted", { hash: shortHash(event.sha256) });
    case "note":
      return t("event.note", { text: event.text });
    case "tag":
      return t("event.tag", { tag: tagLabel(pack, event.tag, t, lang) });
    case "threat-detail":
      return t("event.threat-detail", { field: t(`threat.${event.field}`), value: event.value });
    case "track-switched":
      return t("event.track-switched", { track: t(`track.${event.to}`) });
    case "self-harm-detail":
      return t("event.self-harm-detail", {
        field: t(`selfHarm.${event.field}`),
        value: event.value,
      });
    case "referral":
      return t("event.referral", { to: t(`referral.${event.to}`) });
    case "emergency-call":
      return t("event.emergency-call");
    default: {
      const unknown: never = event;
      return JSON.stringify(unknown);
    }
  }
}
