import { describeEvent } from "../log/describe";
import type { LoggedEvent } from "../log/events";
import type { DraftContext } from "./context";
import type { TimelineEntry } from "./types";

/**
 * One entry as a sentence. describeEvent words every entry the way the panel shows it; the
 * three that carry a clock time of their own are worded here instead, so that time is given in
 * the draft's zone like every other time in it (describeEvent uses the machine's).
 */
export function entrySentence(event: LoggedEvent, ctx: DraftContext): string {
  const { t, clock } = ctx;
  switch (event.type) {
    case "call-start-set":
      return t("event.call-start-set", { time: clock.moment(event.callStartedAt).time });
    case "wait-started":
      return t("event.wait-started", {
        minutes: Math.round(event.durationMs / 60_000),
        time: clock.moment(event.deadline).time,
      });
    case "wait-extended":
      return t("event.wait-extended", { time: clock.moment(event.deadline).time });
    default:
      return describeEvent(event, ctx.pack, t, ctx.lang);
  }
}

/** "4:05" or "1:02:07": a recording's length, from its logged start to its logged stop. */
function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/**
 * The course of events: every log entry, in order, with its time. A recording's chunks are
 * not lines of their own (each is in the log with its hash, and in report.json's chain); its
 * stop says how long it lasted.
 */
export function buildTimeline(
  events: readonly LoggedEvent[],
  ctx: DraftContext,
  firstUnverified: number,
): TimelineEntry[] {
  const recordingStarts = new Map<string, number>();
  const entries: TimelineEntry[] = [];
  events.forEach((event, index) => {
    if (event.type === "recording-started") recordingStarts.set(event.recordingId, event.at);
    if (event.type === "recording-chunk") return;
    const start =
      event.type === "recording-stopped" ? recordingStarts.get(event.recordingId) : undefined;
    const text = entrySentence(event, ctx);
    entries.push({
      seq: event.seq,
      type: event.type,
      when: ctx.clock.moment(event.at),
      text:
        start === undefined
          ? text
          : `${text} ${ctx.t("event.recording-duration", { duration: duration(event.at - start) })}`,
      verified: index < firstUnverified,
    });
  });
  return entries;
}
