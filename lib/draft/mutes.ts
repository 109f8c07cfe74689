import { entryReason } from "../log/describe";
import type { LoggedEvent, MuteTarget, WaitEnd } from "../log/events";
import { duration } from "./clock";
import type { DraftContext } from "./context";
import type { MuteFailure, MutePeriod, MuteSummary, WaitPeriod } from "./types";

interface OpenWait {
  at: number;
  plannedMs: number;
}

/**
 * The two-minute waits and what was muted, with their lengths. Routine 000: during the wait
 * "Vi mutar oss själva + klient i ljud och bild", so a report shows for how long each side was
 * muted, and says so when something was still muted as the session ended.
 */
export function buildMutes(events: readonly LoggedEvent[], ctx: DraftContext): MuteSummary {
  const waits: WaitPeriod[] = [];
  const periods: MutePeriod[] = [];
  const failures: MuteFailure[] = [];
  let wait: OpenWait | null = null;
  const muted = new Map<MuteTarget, { at: number; applied: "done" | "already" }>();

  for (const event of events) {
    switch (event.type) {
      case "wait-started":
        wait = { at: event.at, plannedMs: event.durationMs };
        break;
      case "wait-extended":
        if (wait) wait.plannedMs = event.deadline - wait.at;
        break;
      case "wait-ended":
        if (wait) waits.push(waitPeriod(wait, event.at, event.reason, ctx));
        wait = null;
        break;
      case "mute-applied":
        if (event.result === "failed") {
          failures.push(failure(event.target, "mute", event.at, entryReason(event, ctx.t), ctx));
          // The cover could not be kept on top: the picture was not hidden from then on, until
          // Tresteg logged it covered again (a new period).
          const open = muted.get(event.target);
          if (open && event.code?.reason === "cover-lost") {
            periods.push(mutePeriod(event.target, open, event.at, ctx));
            muted.delete(event.target);
          }
        } else if (!muted.has(event.target)) {
          muted.set(event.target, { at: event.at, applied: event.result });
        }
        break;
      case "mute-restored": {
        // A failed restore leaves the target muted: the period goes on.
        if (event.result === "failed") {
          failures.push(failure(event.target, "restore", event.at, entryReason(event, ctx.t), ctx));
          break;
        }
        const open = muted.get(event.target);
        if (open) periods.push(mutePeriod(event.target, open, event.at, ctx));
        muted.delete(event.target);
        break;
      }
      default:
        break;
    }
  }
  if (wait) waits.push(waitPeriod(wait, null, null, ctx));
  for (const [target, open] of muted) periods.push(mutePeriod(target, open, null, ctx));
  periods.sort((a, b) => a.from.at - b.from.at);
  return { waits, periods, failures };
}

function waitPeriod(
  wait: OpenWait,
  endedAt: number | null,
  reason: WaitEnd | null,
  ctx: DraftContext,
): WaitPeriod {
  const { clock, dt, t } = ctx;
  const started = clock.moment(wait.at);
  const ended = endedAt === null ? null : clock.moment(endedAt);
  const planned = duration(wait.plannedMs);
  const sessionEnd = ctx.endedAt === null ? null : clock.moment(ctx.endedAt);
  const durationMs = ended ? ended.at - started.at : sessionEnd ? sessionEnd.at - started.at : null;
  const text =
    ended && reason
      ? dt("wait.closed", {
          from: started.time,
          to: ended.time,
          duration: duration(ended.at - started.at),
          planned,
          reason: t(`wait.${reason}`),
        })
      : sessionEnd
        ? dt("wait.open", { from: started.time, planned, end: sessionEnd.time })
        : dt("wait.running", { from: started.time, planned });
  return {
    started,
    plannedMs: wait.plannedMs,
    ended,
    reason,
    durationMs,
    open: ended === null,
    text,
  };
}

function mutePeriod(
  target: MuteTarget,
  open: { at: number; applied: "done" | "already" },
  restoredAt: number | null,
  ctx: DraftContext,
): MutePeriod {
  const { clock, dt, t } = ctx;
  const from = clock.moment(open.at);
  const to = restoredAt === null ? null : clock.moment(restoredAt);
  const sessionEnd = ctx.endedAt === null ? null : clock.moment(ctx.endedAt);
  const end = to ?? sessionEnd;
  const durationMs = end ? end.at - from.at : null;
  const label = t(`mute.${target}`);
  const off = dt(`off.${target}`);
  const base = to
    ? dt("mute.closed", {
        target: label,
        from: from.time,
        to: to.time,
        duration: duration(to.at - from.at),
        off,
      })
    : sessionEnd
      ? dt("mute.open", {
          target: label,
          from: from.time,
          end: sessionEnd.time,
          duration: duration(sessionEnd.at - from.at),
          off,
        })
      : dt("mute.running", { target: label, from: from.time, off });
  return {
    target,
    from,
    to,
    durationMs,
    applied: open.applied,
    open: to === null,
    text: open.applied === "already" ? base + dt("mute.wasAlready", { off }) : base,
  };
}

function failure(
  target: MuteTarget,
  action: "mute" | "restore",
  at: number,
  detail: string | null,
  ctx: DraftContext,
): MuteFailure {
  const when = ctx.clock.moment(at);
  const key = action === "mute" ? "mute.applyFailed" : "mute.restoreFailed";
  const text = ctx.dt(key, { target: ctx.t(`mute.${target}`), time: when.time });
  return {
    target,
    action,
    when,
    detail,
    text: detail ? `${text} (${detail})` : text,
  };
}
