import type { MuteTarget, WaitEnd } from "../log/events";
import type { IncidentLog } from "../log/incident-log";
import type { ActionReport, LeaveChoice } from "../messages";
import { WAIT_MS, extendDeadline } from "./wait";
import type { IncidentState } from "../routine/machine";
import type { StepNumber } from "../routine/pack";
import type { MeetingPort } from "../panel/meeting-port";
import type { MeetingTab } from "../panel/meeting-tab";
import type { Run } from "../panel/run";

// The panel shows the countdown itself; a failed alarm only loses the notice for a closed
// panel, so it is reported on the console rather than interrupting the coach.
const alarmFailed = (error: unknown) => console.error("Tresteg: the wait's alarm", error);

export interface WaitDeps {
  log: IncidentLog;
  run: Run;
  port: MeetingPort;
  meetingTab: () => Promise<MeetingTab | null>;
  now: () => number;
  /** What the wait mutes (the settings; all four by default, as the routine says). */
  targets: () => readonly MuteTarget[];
  /** The words on the layer over the client's video, in the panel's language. Without them the
   * meeting page uses the browser's language (the extension's "cover.label"). */
  coverLabel?: () => string;
  /** The worker's alarm that tells the coach the wait is over when the panel is closed. */
  alarms: {
    set(sessionId: string, deadline: number): Promise<void>;
    clear(sessionId: string): Promise<void>;
  };
}

const NO_TAB: ActionReport = { result: "failed", code: { reason: "no-meeting-tab" } };
const tabIdless = (report: ActionReport) => report.code?.reason === "no-meeting-tab";

/**
 * The two-minute wait (routine 000: "Jag väntar två minuter medans du tar på dig kläder (Vi
 * mutar oss själva + klient i ljud och bild."). Muting is done and then logged one by one
 * with what really happened; ending undoes exactly what Tresteg muted, nothing more.
 */
export function createWaitActions(deps: WaitDeps) {
  const { log, run, port } = deps;

  async function apply(
    tabId: number | null,
    target: MuteTarget,
    on: boolean,
  ): Promise<ActionReport> {
    if (tabId === null) return NO_TAB;
    switch (target) {
      case "client-sound":
        return port.muteTab(tabId, !on);
      case "client-picture":
        return port.send(tabId, {
          type: "meeting:cover",
          cover: !on,
          ...(deps.coverLabel ? { label: deps.coverLabel() } : {}),
        });
      case "own-mic":
        return port.send(tabId, {
          type: "meeting:set-own",
          device: "mic",
          want: on ? "on" : "off",
        });
      case "own-camera":
        return port.send(tabId, {
          type: "meeting:set-own",
          device: "camera",
          want: on ? "on" : "off",
        });
      default: {
        const unknown: never = target;
        console.error("Tresteg: no way to mute", unknown);
        return { result: "failed" };
      }
    }
  }

  async function start(sessionId: string) {
    const deadline = deps.now() + WAIT_MS;
    const started = await run("wait", () =>
      log.append(sessionId, { type: "wait-started", deadline, durationMs: WAIT_MS }),
    );
    if (!started) return;
    const tab = await deps.meetingTab();
    const tabId = tab?.tabId ?? null;
    // All at once: the coach said the phrase, the client must not see or hear more. Each is
    // logged as soon as it answers, so the panel shows what is done while a slow one (Jitsi's
    // camera) is still switching, and says it waits for that one.
    const targets = deps.targets();
    let logged: Promise<unknown> = Promise.resolve();
    const each = targets.map((target) =>
      apply(tabId, target, false).then((report) => {
        logged = logged.then(() => logEach(sessionId, "mute-applied", [target], [report]));
        return logged;
      }),
    );
    await deps.alarms.set(sessionId, deadline).catch(alarmFailed);
    await Promise.all(each);
  }

  /** Logs what each mute or restore really did, one entry per target, in order. */
  async function logEach(
    sessionId: string,
    type: "mute-applied" | "mute-restored",
    targets: readonly MuteTarget[],
    reports: ActionReport[],
  ) {
    for (const [i, target] of targets.entries()) {
      const report = reports[i] as ActionReport;
      await run(`${type}:${target}`, () =>
        log.append(sessionId, {
          type,
          target,
          result: report.result,
          ...(report.code ? { code: report.code } : {}),
        }),
      );
    }
  }

  /**
   * The end of watching for the client's picture: logged only when the page did uncover
   * something (covered late, and that was not logged); nothing on the page is nothing to say.
   */
  async function stoppedWatching(sessionId: string, answer: Promise<ActionReport> | null) {
    const report = await answer;
    if (!report || report.result === "already" || tabIdless(report)) return;
    if (report.result === "failed") {
      console.error("Tresteg: the meeting page could not stop watching for the client", report);
      return;
    }
    await logEach(sessionId, "mute-restored", ["client-picture"], [report]);
  }

  async function extend(sessionId: string, deadline: number, addMs = 60_000) {
    const next = extendDeadline(deadline, deps.now(), addMs);
    const entry = await run("wait-extend", () =>
      log.append(sessionId, { type: "wait-extended", deadline: next }),
    );
    if (entry) await deps.alarms.set(sessionId, next).catch(alarmFailed);
  }

  /** Ends the wait with the coach's choice, restores what Tresteg muted, moves the routine. */
  async function end(sessionId: string, reason: WaitEnd, state: IncidentState) {
    const ended = await run("wait-end", () =>
      log.append(sessionId, { type: "wait-ended", reason }),
    );
    if (!ended) return;
    await deps.alarms.clear(sessionId).catch(alarmFailed);
    const tabId = (await deps.meetingTab())?.tabId ?? null;
    // The coach must be heard for a warning or the closing phrase too, so every choice
    // restores; what the coach had muted before Tresteg stays muted.
    const restored = await Promise.all(state.mutedByUs.map((t) => apply(tabId, t, true)));
    // A client's picture not covered yet is still watched for (the camera was off): the
    // watching stops with the wait, so nothing is covered after it.
    const watched =
      !state.mutedByUs.includes("client-picture") && deps.targets().includes("client-picture");
    const unwatched = watched ? apply(tabId, "client-picture", true) : null;
    await logEach(sessionId, "mute-restored", state.mutedByUs, restored);
    await stoppedWatching(sessionId, unwatched);
    const goal: StepNumber | null = reason === "to-warning" ? 2 : reason === "terminate" ? 3 : null;
    for (let step = state.step; goal !== null && step < goal; step++) {
      const from = step as StepNumber;
      const moved = await run("advance", () =>
        log.append(sessionId, { type: "step-advanced", from, to: (from + 1) as StepNumber }),
      );
      if (!moved) break;
    }
  }

  /**
   * Leaves the call through the platform's own control, after the panel's confirmation;
   * `choice` "end-for-all" (the settings, for a coach who is host) ends it for everyone where
   * the page offers that. The entry says which the page did.
   */
  async function hangUp(sessionId: string, choice: LeaveChoice = "leave") {
    const tabId = (await deps.meetingTab())?.tabId ?? null;
    // Only a choice that asks more than leaving is sent: a meeting script of an older
    // version, still running in the tab after an update, leaves on the plain request.
    const request =
      choice === "end-for-all"
        ? ({ type: "meeting:hang-up", choice } as const)
        : ({ type: "meeting:hang-up" } as const);
    const report = tabId === null ? NO_TAB : await port.send(tabId, request);
    return run("hang-up", () =>
      log.append(sessionId, {
        type: "hang-up",
        result: report.result === "failed" ? "failed" : "done",
        ...(report.code ? { code: report.code } : {}),
      }),
    );
  }

  return { start, extend, end, hangUp };
}

export type WaitActions = ReturnType<typeof createWaitActions>;
