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

/** The course of events: every log entry, in order, with its time. */
export function buildTimeline(
  events: readonly LoggedEvent[],
  ctx: DraftContext,
  firstUnverified: number,
): TimelineEntry[] {
  return events.map((event, index) => ({
    seq: event.seq,
    type: event.type,
    when: ctx.clock.moment(event.at),
    text: entrySentence(event, ctx),
    verified: index < firstUnverified,
  }));
}
