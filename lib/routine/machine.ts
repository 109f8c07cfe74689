import type { IncidentEvent, MuteTarget, Outcome } from "../log/events";
import { isCoverChange } from "../log/report-code";
import type { KindRef, StepNumber } from "./pack";
import type { Track } from "./self-harm";

/**
 * The three-step routine as a pure state machine (routine 000, "Trestegsinformation").
 * `transition(state, event)` returns the next state or a refusal with its reason; the panel
 * rebuilds its state by replaying the log through it, so it must never look at the clock or
 * anything else outside its arguments.
 */
export type IncidentStatus =
  /** No session yet. */
  | "none"
  /** The routine is running at `step`. */
  | "active"
  /** The client calmed down and the call continues; the coach may reopen if it flares up. */
  | "resolved"
  /** The coach ended the call in step 3. */
  | "terminated"
  /** The session is closed; nothing more is logged. */
  | "ended";

export interface IncidentState {
  status: IncidentStatus;
  step: StepNumber;
  kinds: KindRef[];
  /** The highest step reached. */
  reached: StepNumber;
  outcome: Outcome | null;
  callStartedAt: number | null;
  /** The running two-minute wait: its deadline, from which the countdown is computed. */
  wait: { deadline: number } | null;
  /** What Tresteg itself muted and has not restored: only these are undone at the end. */
  mutedByUs: MuteTarget[];
  /** The coach's explicit choice of guidance; null means it follows the kinds. */
  track: Track | null;
  /** A practice session (Övningsläge): it can be ended as practice from wherever it stands. */
  practice: boolean;
}

export type Refusal =
  | "not-started"
  | "already-started"
  | "not-active"
  | "ended"
  | "no-kinds"
  | "last-step"
  | "first-step"
  | "wrong-step"
  | "terminate-before-step-3"
  | "not-resolved"
  | "outcome-mismatch"
  | "wait-running"
  | "no-wait"
  /** The routine does not move during the wait: the wait's own choices end it first. */
  | "during-wait"
  /** Refused by the panel, not the log: a real incident is never started on the practice meeting. */
  | "practice-page";

export type Transition = { ok: true; state: IncidentState } | { ok: false; refusal: Refusal };

export const INITIAL_STATE: IncidentState = {
  status: "none",
  step: 1,
  kinds: [],
  reached: 1,
  outcome: null,
  callStartedAt: null,
  wait: null,
  mutedByUs: [],
  track: null,
  practice: false,
};

const ok = (state: IncidentState): Transition => ({ ok: true, state });
const refuse = (refusal: Refusal): Transition => ({ ok: false, refusal });

function requireActive(state: IncidentState): Refusal | null {
  switch (state.status) {
    case "none":
      return "not-started";
    case "ended":
      return "ended";
    case "resolved":
    case "terminated":
      return "not-active";
    case "active":
      return null;
    default: {
      const unknown: never = state.status;
      throw new Error(`Unknown status ${String(unknown)}`);
    }
  }
}

/**
 * During the two-minute wait the routine stays where it is: the wait ends first, with the
 * coach's choice (continue, warning, terminate), and that choice moves the routine.
 */
function requireNoWait(state: IncidentState): Refusal | null {
  return state.wait ? "during-wait" : null;
}

function requireOpen(state: IncidentState): Refusal | null {
  if (state.status === "none") return "not-started";
  if (state.status === "ended") return "ended";
  return null;
}

/** The outcome a session's end must carry, given where the routine stands. */
function outcomeAllowed(state: IncidentState, outcome: Outcome): boolean {
  // "Avsluta övningen": practice ends as practice wherever it stands, and only practice does.
  if (outcome === "practice-ended") return state.practice;
  // Closed by Tresteg after standing open for days, wherever the routine stood.
  if (outcome === "left-open") return state.status !== "none" && state.status !== "ended";
  switch (state.status) {
    case "resolved":
      return outcome === "resolved";
    case "terminated":
      return outcome === "terminated";
    case "active":
      // Ending mid-routine: the client left. Calming down and terminating have their own events.
      return outcome === "client-left";
    default:
      return false;
  }
}

export function transition(state: IncidentState, event: IncidentEvent): Transition {
  switch (event.type) {
    case "session-started": {
      if (state.status !== "none") return refuse("already-started");
      // A screenshot taken before any incident starts one without a kind: the evidence must
      // not be lost while the coach has no hand free to choose (the kind is added after).
      if (event.kinds.length === 0 && event.trigger !== "evidence") return refuse("no-kinds");
      return ok({
        ...INITIAL_STATE,
        status: "active",
        kinds: [...event.kinds],
        practice: event.practice === true,
      });
    }
    case "kinds-changed": {
      const blocked = requireOpen(state);
      if (blocked) return refuse(blocked);
      if (event.kinds.length === 0) return refuse("no-kinds");
      return ok({ ...state, kinds: [...event.kinds] });
    }
    case "call-start-set": {
      const blocked = requireOpen(state);
      if (blocked) return refuse(blocked);
      return ok({ ...state, callStartedAt: event.callStartedAt });
    }
    case "phrase-said": {
      const blocked = requireActive(state);
      if (blocked) return refuse(blocked);
      if (event.step !== state.step) return refuse("wrong-step");
      // What was said, and when, is read from the log itself (lib/routine/follow.ts).
      return ok(state);
    }
    case "step-advanced": {
      const blocked = requireActive(state) ?? requireNoWait(state);
      if (blocked) return refuse(blocked);
      if (event.from !== state.step) return refuse("wrong-step");
      if (state.step === 3) return refuse("last-step");
      if (event.to !== state.step + 1) return refuse("wrong-step");
      const step = event.to;
      return ok({ ...state, step, reached: Math.max(step, state.reached) as StepNumber });
    }
    case "step-back": {
      const blocked = requireActive(state) ?? requireNoWait(state);
      if (blocked) return refuse(blocked);
      if (event.from !== state.step) return refuse("wrong-step");
      if (state.step === 1) return refuse("first-step");
      if (event.to !== state.step - 1) return refuse("wrong-step");
      return ok({ ...state, step: event.to });
    }
    case "resolved": {
      const blocked = requireActive(state) ?? requireNoWait(state);
      if (blocked) return refuse(blocked);
      if (event.step !== state.step) return refuse("wrong-step");
      // Calming down in the handbook's guidance keeps that guidance: the track stays itself.
      return ok({ ...state, status: "resolved", track: event.track ?? state.track });
    }
    case "reopened": {
      const blocked = requireOpen(state);
      if (blocked) return refuse(blocked);
      if (state.status !== "resolved") return refuse("not-resolved");
      if (event.step !== state.step) return refuse("wrong-step");
      return ok({ ...state, status: "active" });
    }
    case "terminated": {
      const blocked = requireActive(state) ?? requireNoWait(state);
      if (blocked) return refuse(blocked);
      // Routine 000, step 3: the call is ended only after calming down and a warning.
      if (state.step !== 3) return refuse("terminate-before-step-3");
      return ok({ ...state, status: "terminated" });
    }
    case "session-ended": {
      const blocked = requireOpen(state);
      if (blocked) return refuse(blocked);
      if (!outcomeAllowed(state, event.outcome)) return refuse("outcome-mismatch");
      return ok({ ...state, status: "ended", outcome: event.outcome });
    }
    case "wait-started": {
      const blocked = requireActive(state);
      if (blocked) return refuse(blocked);
      if (state.wait) return refuse("wait-running");
      return ok({ ...state, wait: { deadline: event.deadline } });
    }
    case "wait-extended": {
      const blocked = requireOpen(state);
      if (blocked) return refuse(blocked);
      if (!state.wait) return refuse("no-wait");
      return ok({ ...state, wait: { deadline: event.deadline } });
    }
    case "wait-ended": {
      const blocked = requireOpen(state);
      if (blocked) return refuse(blocked);
      if (!state.wait) return refuse("no-wait");
      return ok({ ...state, wait: null });
    }
    case "mute-applied": {
      const blocked = requireOpen(state);
      if (blocked) return refuse(blocked);
      // What the cover told on its own belongs to a running wait; once it ended (and the
      // picture was uncovered) a late report is not logged.
      if (isCoverChange(event.code) && !state.wait) return refuse("no-wait");
      const ours = event.result === "done" && !state.mutedByUs.includes(event.target);
      return ok(ours ? { ...state, mutedByUs: [...state.mutedByUs, event.target] } : state);
    }
    case "mute-restored": {
      const blocked = requireOpen(state);
      if (blocked) return refuse(blocked);
      if (event.result === "failed") return ok(state);
      return ok({ ...state, mutedByUs: state.mutedByUs.filter((t) => t !== event.target) });
    }
    case "track-switched": {
      const blocked = requireOpen(state);
      return blocked ? refuse(blocked) : ok({ ...state, track: event.to });
    }
    case "help-called": {
      // Calling for help is logged also from the draft's checklist, after the incident ended.
      return state.status === "none" ? refuse("not-started") : ok(state);
    }
    case "recording-started":
    case "recording-chunk":
    case "recording-stopped":
    case "hang-up":
    case "self-harm-detail":
    case "referral":
    case "emergency-reminder":
    case "emergency-call":
    case "screenshot-taken":
    case "screenshot-deleted":
    case "note":
    case "tag":
    case "threat-detail": {
      // Facts recorded while the session is open; they do not move the routine.
      const blocked = requireOpen(state);
      return blocked ? refuse(blocked) : ok(state);
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Replays a session's log. A refused entry cannot come from the panel (it checks before
 * writing), so one found here is reported rather than silently skipped.
 */
export function replay(events: readonly IncidentEvent[]): {
  state: IncidentState;
  refused: { index: number; refusal: Refusal }[];
} {
  let state = INITIAL_STATE;
  const refused: { index: number; refusal: Refusal }[] = [];
  events.forEach((event, index) => {
    const next = transition(state, event);
    if (next.ok) state = next.state;
    else refused.push({ index, refusal: next.refusal });
  });
  return { state, refused };
}
