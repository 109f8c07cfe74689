import type { Settings } from "../settings";
import type { Language } from "../routine/pack";

/**
 * What the organisation asks the coach to read before the first recording, in `lang`: its
 * policy's notice, else its phrase pack's; null when neither has one.
 */
export function recordingNotice(
  settings: Pick<Settings, "recording" | "pack">,
  lang: Language,
): string | null {
  return settings.recording.notice ?? settings.pack.recordingNotice?.[lang] ?? null;
}

/**
 * Whether a recording must wait for the coach to read the notice: one is in force and the
 * coach has not confirmed it as it reads now, in either of the panel's languages. The keyboard
 * command cannot show it, so it does not record until the panel has.
 */
export function noticeUnread(settings: Pick<Settings, "recording" | "pack" | "own">): boolean {
  const inForce = (["sv", "en"] as const)
    .map((lang) => recordingNotice(settings, lang))
    .filter((notice): notice is string => notice !== null);
  return inForce.length > 0 && !inForce.includes(settings.own.recordingNoticeRead ?? "");
}
