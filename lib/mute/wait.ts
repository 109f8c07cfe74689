import type { Translate } from "../i18n/text";

/**
 * The two-minute wait as data: a deadline, and what to show and announce at a given moment.
 * Routine 000, step 1: "Jag väntar två minuter medans du tar på dig kläder". Nothing here
 * keeps time; callers pass `now`, so a panel that was closed and reopened shows the same.
 */
export const WAIT_MS = 120_000;

const MINUTE_MS = 60_000;

/** Milliseconds left until the deadline, never negative. */
export function remainingMs(deadline: number, now: number): number {
  return Math.max(0, deadline - now);
}

/**
 * "2:00", "1:59" … "0:00". Partial seconds round up, so the countdown shows 2:00 when it
 * starts and 0:00 only when the time is really up.
 */
export function formatCountdown(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * The new deadline when the coach gives more time. Extending a wait that has already ended
 * counts from now, so "one more minute" is a whole minute.
 */
export function extendDeadline(deadline: number, now: number, addMs: number): number {
  return Math.max(deadline, now) + addMs;
}

/** What the live region says: minutes left at a minute boundary, or that the time is up. */
export type Announcement = { kind: "minutes-left"; minutes: number } | { kind: "over" };

/**
 * What to announce in the live region when the remaining time went from `prevMs` to `nowMs`:
 * a minute boundary crossed ("1 minute left") or the end reached ("Two minutes have passed"),
 * else null. The end wins when one step crosses both.
 */
export function minuteAnnouncement(prevMs: number, nowMs: number): Announcement | null {
  if (prevMs > 0 && nowMs <= 0) return { kind: "over" };
  if (nowMs >= prevMs) return null;
  const prevMinutes = Math.ceil(prevMs / MINUTE_MS);
  const nowMinutes = Math.ceil(nowMs / MINUTE_MS);
  if (nowMinutes < prevMinutes && nowMinutes >= 1)
    return { kind: "minutes-left", minutes: nowMinutes };
  return null;
}

/** The announcement in the panel's language. */
export function announcementText(announcement: Announcement, t: Translate): string {
  if (announcement.kind === "over") return t("announce.over");
  const { minutes } = announcement;
  return minutes === 1 ? t("announce.one-minute") : t("announce.minutes", { minutes });
}
