import type { Translate } from "../i18n/text";
import { outcomeKey } from "../i18n/text";
import { kindLabel, type Language, type PhrasePack, stepOf } from "../routine/pack";
import { clockTime } from "../time/format";
import type { IncidentEvent } from "./events";
import { type CoverChangeCode, isCoverChange, type LogCode } from "./report-code";

/** The name of a tag: a kind of exposure from the pack, or "hot om våld". */
export function tagLabel(pack: PhrasePack, tag: string, t: Translate, lang: Language): string {
  if (tag === THREAT_OF_VIOLENCE) return t("tag.threat-of-violence");
  return kindLabel(pack, tag, lang);
}

/** The tag the guideline's police-report rule looks for. */
export const THREAT_OF_VIOLENCE = "threat-of-violence";

const shortHash = (sha256: string) => `${sha256.slice(0, 12)}…`;

/** Bytes as megabytes with one decimal, in the reader's language ("1,2 MB", "1.2 MB"). */
export function megabytes(bytes: number, lang: Language): string {
  const mb = bytes / 1_000_000;
  return `${mb.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  })} MB`;
}

/** A code from the meeting page, the panel or the worker, worded in the language of `t`. */
export function describeCode(code: LogCode, t: Translate): string {
  switch (code.reason) {
    case "self-service":
      return t(`yourself.${code.want}`, {
        device: t(`device.${code.control}`),
        theDevice: t(`device.${code.control}.definite`),
      });
    case "control-not-found":
    case "state-unknown":
    case "control-disabled":
    case "no-effect":
    case "shortcut-unverified":
    case "contradicted":
      return t(`code.${code.reason}`, {
        theDevice: t(`device.${code.control}.definite`),
        yourself: t(`yourself.${code.want}`, {
          device: t(`device.${code.control}`),
          theDevice: t(`device.${code.control}.definite`),
        }),
      });
    case "unreachable":
    case "tab-error":
      return t(`code.${code.reason}`, { error: code.error });
    case "again-after-reload":
      return code.then
        ? t("code.again-after-reload.then", { then: describeCode(code.then, t) })
        : t("code.again-after-reload");
    case "no-remote-video":
    case "video-tainted":
    case "covered-all":
    case "no-leave-control":
    case "leave-no-effect":
    case "page-error":
    case "page-closed":
    case "no-answer":
    case "no-meeting-tab":
    case "tab-sound-unchanged":
    case "client-camera-off":
    case "cover-not-on-top":
    case "ended-for-all":
    case "end-for-all-not-offered":
      return t(`code.${code.reason}`);
    case "cover-reapplied":
    case "cover-lost":
    case "covered-late":
      return t(code.count > 1 ? `code.${code.reason}.times` : `code.${code.reason}`, {
        count: code.count,
      });
    default: {
      const unknown: never = code;
      return JSON.stringify(unknown);
    }
  }
}

/**
 * What an entry says about why: its code in the reader's language, or the sentence an older
 * entry carries, as it was written (the entry is hashed evidence).
 */
export function entryReason(
  event: { code?: LogCode; detail?: string },
  t: Translate,
): string | null {
  if (event.code) return describeCode(event.code, t);
  return event.detail || null;
}

/** "Klientens bild: täckt igen …", with how many times when the page did it more than once. */
function coverChangeText(code: CoverChangeCode, t: Translate): string {
  const params = { target: t("mute.client-picture"), count: code.count };
  return t(code.count > 1 ? `event.${code.reason}.times` : `event.${code.reason}`, params);
}

const withReason = (text: string, reason: string | null) => (reason ? `${text} (${reason})` : text);

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
      return event.track === "self-harm"
        ? t("event.resolved.self-harm")
        : t("event.resolved", { step: event.step });
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
      // What the cover told on its own during the wait is its own sentence, not a mute's.
      if (isCoverChange(event.code)) return coverChangeText(event.code, t);
      return withReason(
        t("event.mute-applied", {
          target: t(`mute.${event.target}`),
          result: t(`muteState.${event.target}.${event.result}`),
        }),
        entryReason(event, t),
      );
    case "mute-restored":
      return withReason(
        t("event.mute-restored", {
          target: t(`mute.${event.target}`),
          result: t(`restoreState.${event.target}.${event.result}`),
        }),
        entryReason(event, t),
      );
    case "hang-up":
      return withReason(
        t("event.hang-up", { result: t(`hangUp.${event.result}`) }),
        entryReason(event, t),
      );
    case "screenshot-taken":
      return t(event.underCover ? "event.screenshot-taken.under-cover" : "event.screenshot-taken", {
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
    case "emergency-reminder":
      return t("event.emergency-reminder");
    case "emergency-call":
      // An entry without `confirmed` is worded as it was logged: it is hashed evidence.
      return event.confirmed ? t("event.emergency-called") : t("event.emergency-call");
    case "help-called":
      return t("event.help-called", {
        role: t(`help.role.${event.role}`),
        name: event.name,
        channel: t(`help.channel.${event.channel}`),
      });
    case "recording-started":
      return t("event.recording-started", { sides: t(`recording.sides.${event.sides}`) });
    case "recording-chunk":
      return t("event.recording-chunk", {
        number: event.index + 1,
        size: megabytes(event.bytes, lang),
        hash: shortHash(event.sha256),
      });
    case "recording-stopped":
      return t(event.sha256 ? "event.recording-stopped" : "event.recording-stopped.no-hash", {
        reason: t(`recording.stop.${event.reason}`),
        chunks: event.chunks,
        size: megabytes(event.bytes, lang),
        hash: event.sha256 ? shortHash(event.sha256) : "",
      });
    default: {
      const unknown: never = event;
      return JSON.stringify(unknown);
    }
  }
}
