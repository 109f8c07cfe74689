import { afterEach, describe, expect, it, vi } from "vitest";
import type { IncidentEvent, IncidentEventType, Outcome } from "@/lib/log/events";
import {
  INITIAL_STATE,
  type IncidentState,
  type IncidentStatus,
  type Refusal,
  replay,
  type Transition,
  transition,
} from "@/lib/routine/machine";
import type { StepNumber } from "@/lib/routine/pack";
import { anActiveStateAt, anEvent, seededRandom } from "../builders";

function expectRefused(result: Transition, refusal: Refusal) {
  expect(result).toEqual({ ok: false, refusal });
}

function nextState(result: Transition): IncidentState {
  if (!result.ok) throw new Error(`expected the event to be accepted, refused: ${result.refusal}`);
  return result.state;
}

/** Applies events that must all be accepted. */
function walk(state: IncidentState, ...events: IncidentEvent[]): IncidentState {
  return events.reduce((s, e) => nextState(transition(s, e)), state);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const clamp = (n: number) => Math.min(3, Math.max(1, n)) as StepNumber;

/** The event of each type that would be the natural next click for a state at `step`. */
function naturalEvent(type: IncidentEventType, state: IncidentState): IncidentEvent {
  const s = state.step;
  switch (type) {
    case "phrase-said":
      return anEvent("phrase-said", { step: s, phraseId: `phrase-${s}` });
    case "step-advanced":
      return anEvent("step-advanced", { from: s, to: clamp(s + 1) });
    case "step-back":
      return anEvent("step-back", { from: s, to: clamp(s - 1) });
    case "resolved":
      return anEvent("resolved", { step: s });
    case "reopened":
      return anEvent("reopened", { step: s });
    case "session-ended": {
      const outcome: Outcome =
        state.status === "resolved"
          ? "resolved"
          : state.status === "terminated"
            ? "terminated"
            : "client-left";
      return anEvent("session-ended", { outcome });
    }
    default:
      return anEvent(type);
  }
}

const STATES: Record<string, IncidentState> = {
  none: INITIAL_STATE,
  "active@1": anActiveStateAt(1),
  "active@2": anActiveStateAt(2),
  "active@3": anActiveStateAt(3),
  "resolved@2": anActiveStateAt(2, { status: "resolved" }),
  "terminated@3": anActiveStateAt(3, { status: "terminated" }),
  "ended@2": anActiveStateAt(2, { status: "ended", outcome: "client-left" }),
};
const COLUMNS = Object.keys(STATES);

// What each event does in each situation: the status it leads to, or why it is refused.
// Columns: none, active@1, active@2, active@3, resolved@2, terminated@3, ended@2.
// "→status" means accepted, leading to that status; a bare name is the refusal.
type Cell = `→${IncidentStatus}` | Refusal;
// prettier-ignore
const TABLE: Record<IncidentEventType, Cell[]> = {
  "session-started": ["→active",     "already-started", "already-started", "already-started", "already-started", "already-started", "already-started"],
  "kinds-changed":   ["not-started", "→active",         "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  "call-start-set":  ["not-started", "→active",         "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  "phrase-said":     ["not-started", "→active",         "→active",         "→active",         "not-active",      "not-active",      "ended"],
  "step-advanced":   ["not-started", "→active",         "→active",         "last-step",       "not-active",      "not-active",      "ended"],
  "step-back":       ["not-started", "first-step",      "→active",         "→active",         "not-active",      "not-active",      "ended"],
  resolved:          ["not-started", "→resolved",       "→resolved",       "→resolved",       "not-active",      "not-active",      "ended"],
  reopened:          ["not-started", "not-resolved",    "not-resolved",    "not-resolved",    "→active",         "not-resolved",    "ended"],
  terminated:        ["not-started", "terminate-before-step-3", "terminate-before-step-3", "→terminated", "not-active", "not-active", "ended"],
  "session-ended":   ["not-started", "→ended",          "→ended",          "→ended",          "→ended",          "→ended",          "ended"],
  "wait-started":    ["not-started", "→active",         "→active",         "→active",         "not-active",      "not-active",      "ended"],
  "wait-extended":   ["not-started", "no-wait",         "no-wait",         "no-wait",         "no-wait",         "no-wait",         "ended"],
  "wait-ended":      ["not-started", "no-wait",         "no-wait",         "no-wait",         "no-wait",         "no-wait",         "ended"],
  "mute-applied":    ["not-started", "→active",         "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  "mute-restored":   ["not-started", "→active",         "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  "hang-up":         ["not-started", "→active",         "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  "screenshot-taken": ["not-started", "→active",        "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  "screenshot-deleted": ["not-started", "→active",      "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  note:              ["not-started", "→active",         "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  tag:               ["not-started", "→active",         "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  "threat-detail":   ["not-started", "→active",         "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  "track-switched":  ["not-started", "→active",         "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  "self-harm-detail": ["not-started", "→active",        "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  referral:          ["not-started", "→active",         "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  "emergency-reminder": ["not-started", "→active",     "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  "emergency-call":  ["not-started", "→active",         "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  // Calling for help is logged from the draft's checklist too, after the end.
  "help-called":     ["not-started", "→active",         "→active",         "→active",         "→resolved",       "→terminated",     "→ended"],
  // A recording's entries only while the incident is open: it is stopped before the end.
  "recording-started": ["not-started", "→active",       "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  "recording-chunk": ["not-started", "→active",         "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
  "recording-stopped": ["not-started", "→active",       "→active",         "→active",         "→resolved",       "→terminated",     "ended"],
};

const CASES = Object.entries(TABLE).flatMap(([type, cells]) =>
  cells.map((cell, i) => [type as IncidentEventType, COLUMNS[i] as string, cell] as const),
);

describe("the step machine, event by situation", () => {
  it("covers every event type in every situation", () => {
    expect(CASES).toHaveLength(30 * COLUMNS.length);
  });

  it.each(CASES)("%s in %s: %s", (type, column, expected) => {
    const state = deepFreeze(structuredClone(STATES[column] as IncidentState));
    const result = transition(state, naturalEvent(type, state));
    if (expected.startsWith("→")) {
      expect(result.ok && result.state.status).toBe(expected.slice(1));
    } else {
      expectRefused(result, expected as Refusal);
    }
  });
});

describe("starting a session", () => {
  it("starts in step 1 with the chosen kinds and nothing said", () => {
    const state = walk(INITIAL_STATE, anEvent("session-started", { kinds: ["raised-voice"] }));
    expect(state).toEqual({
      status: "active",
      step: 1,
      kinds: ["raised-voice"],
      reached: 1,
      outcome: null,
      callStartedAt: null,
      wait: null,
      mutedByUs: [],
      track: null,
      practice: false,
    });
  });

  it("refuses to start without a kind of exposure", () => {
    expectRefused(transition(INITIAL_STATE, anEvent("session-started", { kinds: [] })), "no-kinds");
  });

  it("does not share the kinds list with the event it came from", () => {
    const event = anEvent("session-started", { kinds: ["raised-voice"] });
    const state = walk(INITIAL_STATE, event);
    event.kinds.push("personal-attack");
    expect(state.kinds).toEqual(["raised-voice"]);
  });
});

describe("changing the kinds", () => {
  it("replaces the kinds and keeps the routine where it is", () => {
    const before = anActiveStateAt(2);
    const after = walk(before, anEvent("kinds-changed", { kinds: ["inappropriate/undressed"] }));
    expect(after).toEqual({ ...before, kinds: ["inappropriate/undressed"] });
  });

  it("refuses to leave a session with no kinds", () => {
    expectRefused(
      transition(anActiveStateAt(1), anEvent("kinds-changed", { kinds: [] })),
      "no-kinds",
    );
  });
});

describe("noting when the call started", () => {
  it("records the time, and a later correction replaces it", () => {
    const state = walk(
      anActiveStateAt(1),
      anEvent("call-start-set", { callStartedAt: 1000 }),
      anEvent("call-start-set", { callStartedAt: 2000 }),
    );
    expect(state.callStartedAt).toBe(2000);
    expect(state.status).toBe("active");
  });
});

describe("saying a phrase", () => {
  it.each<[StepNumber]>([[1], [2], [3]])("accepts a phrase said in the current step %i", (step) => {
    const before = anActiveStateAt(step);
    const result = transition(before, anEvent("phrase-said", { step, phraseId: "x" }));
    expect(result).toEqual({ ok: true, state: before });
  });

  it.each<[StepNumber, StepNumber]>([
    [1, 2],
    [1, 3],
    [2, 1],
    [2, 3],
    [3, 1],
    [3, 2],
  ])("refuses a phrase of step %i said while in step %i", (phraseStep, current) => {
    const result = transition(
      anActiveStateAt(current),
      anEvent("phrase-said", { step: phraseStep }),
    );
    expectRefused(result, "wrong-step");
  });
});

describe("moving between steps", () => {
  it.each<[string, IncidentEvent, StepNumber, Refusal]>([
    [
      "skipping from 1 straight to 3",
      anEvent("step-advanced", { from: 1, to: 3 }),
      1,
      "wrong-step",
    ],
    [
      "advancing from a step the coach is not in",
      anEvent("step-advanced", { from: 2, to: 3 }),
      1,
      "wrong-step",
    ],
    [
      "an 'advance' that goes backwards",
      anEvent("step-advanced", { from: 2, to: 1 }),
      2,
      "wrong-step",
    ],
    ["advancing past step 3", anEvent("step-advanced", { from: 3, to: 3 }), 3, "last-step"],
    ["jumping back from 3 to 1", anEvent("step-back", { from: 3, to: 1 }), 3, "wrong-step"],
    [
      "going back from a step the coach is not in",
      anEvent("step-back", { from: 3, to: 2 }),
      2,
      "wrong-step",
    ],
    ["a 'back' that goes forwards", anEvent("step-back", { from: 2, to: 3 }), 2, "wrong-step"],
    ["going back from step 1", anEvent("step-back", { from: 1, to: 1 }), 1, "first-step"],
  ])("refuses %s", (_name, event, step, refusal) => {
    expectRefused(transition(anActiveStateAt(step), event), refusal);
  });

  it("remembers the highest step reached after going back", () => {
    const states: IncidentState[] = [];
    let state = anActiveStateAt(1);
    for (const event of [
      anEvent("step-advanced", { from: 1, to: 2 }),
      anEvent("step-advanced", { from: 2, to: 3 }),
      anEvent("step-back", { from: 3, to: 2 }),
      anEvent("step-back", { from: 2, to: 1 }),
      anEvent("step-advanced", { from: 1, to: 2 }),
    ]) {
      state = walk(state, event);
      states.push(state);
    }
    expect(states.map((s) => [s.step, s.reached])).toEqual([
      [2, 2],
      [3, 3],
      [2, 3],
      [1, 3],
      [2, 3],
    ]);
  });
});

describe("ending the call (step 3)", () => {
  it.each<[StepNumber]>([[1], [2]])("refuses to terminate in step %i, before step 3", (step) => {
    expectRefused(
      transition(anActiveStateAt(step), anEvent("terminated")),
      "terminate-before-step-3",
    );
  });

  it("terminates in step 3 after calming down and warning", () => {
    const state = walk(
      INITIAL_STATE,
      anEvent("session-started"),
      anEvent("phrase-said", { step: 1 }),
      anEvent("step-advanced", { from: 1, to: 2 }),
      anEvent("phrase-said", { step: 2, phraseId: "warn-aggressive" }),
      anEvent("step-advanced", { from: 2, to: 3 }),
      anEvent("phrase-said", { step: 3, phraseId: "end-now" }),
      anEvent("terminated"),
    );
    expect(state).toMatchObject({ status: "terminated", step: 3, reached: 3, outcome: null });
  });

  it("refuses to terminate after stepping back from 3 to 2", () => {
    const state = walk(anActiveStateAt(3), anEvent("step-back", { from: 3, to: 2 }));
    expectRefused(transition(state, anEvent("terminated")), "terminate-before-step-3");
  });

  it("accepts nothing that continues the routine once terminated", () => {
    const terminated = anActiveStateAt(3, { status: "terminated" });
    expectRefused(transition(terminated, anEvent("phrase-said", { step: 3 })), "not-active");
    expectRefused(transition(terminated, anEvent("terminated")), "not-active");
    expectRefused(transition(terminated, anEvent("reopened", { step: 3 })), "not-resolved");
  });
});

describe("the client calming down", () => {
  it.each<[StepNumber]>([[1], [2], [3]])("resolves in step %i and keeps the step", (step) => {
    const state = walk(anActiveStateAt(step), anEvent("resolved", { step }));
    expect(state).toMatchObject({ status: "resolved", step });
  });

  it("refuses a resolve marked for another step", () => {
    expectRefused(transition(anActiveStateAt(2), anEvent("resolved", { step: 1 })), "wrong-step");
  });

  it("reopens where it was resolved, with everything said kept", () => {
    const before = walk(
      anActiveStateAt(1),
      anEvent("phrase-said", { phraseId: "calm-down" }),
      anEvent("step-advanced", { from: 1, to: 2 }),
    );
    const resolved = walk(before, anEvent("resolved", { step: 2 }));
    expect(resolved.status).toBe("resolved");
    const reopened = walk(resolved, anEvent("reopened", { step: 2 }));
    expect(reopened).toEqual(before);
  });

  it("refuses a reopen marked for another step", () => {
    const resolved = anActiveStateAt(2, { status: "resolved" });
    expectRefused(transition(resolved, anEvent("reopened", { step: 3 })), "wrong-step");
  });

  it("refuses phrases and step moves while resolved", () => {
    const resolved = anActiveStateAt(2, { status: "resolved" });
    expectRefused(transition(resolved, anEvent("phrase-said", { step: 2 })), "not-active");
    expectRefused(transition(resolved, anEvent("step-advanced", { from: 2, to: 3 })), "not-active");
  });
});

describe("ending the session", () => {
  const situations: Record<string, IncidentState> = {
    "mid-routine": anActiveStateAt(2),
    resolved: anActiveStateAt(2, { status: "resolved" }),
    terminated: anActiveStateAt(3, { status: "terminated" }),
    "practice mid-routine": anActiveStateAt(2, { practice: true }),
    "practice resolved": anActiveStateAt(2, { status: "resolved", practice: true }),
    "practice terminated": anActiveStateAt(3, { status: "terminated", practice: true }),
  };
  const OUTCOME_RULES: [string, Outcome, boolean][] = [
    ["mid-routine", "client-left", true],
    ["mid-routine", "resolved", false],
    ["mid-routine", "terminated", false],
    ["resolved", "resolved", true],
    ["resolved", "client-left", false],
    ["resolved", "terminated", false],
    ["terminated", "terminated", true],
    ["terminated", "resolved", false],
    ["terminated", "client-left", false],
    // "Avsluta övningen" is practice's own end, never a real incident's.
    ["mid-routine", "practice-ended", false],
    ["resolved", "practice-ended", false],
    ["terminated", "practice-ended", false],
    ["practice mid-routine", "practice-ended", true],
    ["practice resolved", "practice-ended", true],
    ["practice terminated", "practice-ended", true],
    ["practice mid-routine", "client-left", true],
  ];

  it.each(OUTCOME_RULES)("%s, ended as %s: accepted %s", (situation, outcome, accepted) => {
    const result = transition(
      situations[situation] as IncidentState,
      anEvent("session-ended", { outcome }),
    );
    if (accepted) {
      expect(result.ok && result.state).toMatchObject({ status: "ended", outcome });
    } else {
      expectRefused(result, "outcome-mismatch");
    }
  });

  it("knows a practice session from its first entry", () => {
    const started = transition(INITIAL_STATE, anEvent("session-started", { practice: true }));
    expect(started.ok && started.state.practice).toBe(true);
    const real = transition(INITIAL_STATE, anEvent("session-started"));
    expect(real.ok && real.state.practice).toBe(false);
  });

  it("accepts nothing after the session ended", () => {
    const ended = walk(anActiveStateAt(2), anEvent("session-ended", { outcome: "client-left" }));
    const attempts: IncidentEvent[] = [
      anEvent("kinds-changed"),
      anEvent("call-start-set"),
      anEvent("phrase-said", { step: 2 }),
      anEvent("step-advanced", { from: 2, to: 3 }),
      anEvent("step-back", { from: 2, to: 1 }),
      anEvent("resolved", { step: 2 }),
      anEvent("reopened", { step: 2 }),
      anEvent("terminated"),
      anEvent("session-ended", { outcome: "client-left" }),
    ];
    for (const event of attempts) expectRefused(transition(ended, event), "ended");
    expectRefused(transition(ended, anEvent("session-started")), "already-started");
  });
});

describe("purity", () => {
  it("never changes the state it is given", () => {
    const state = deepFreeze(
      anActiveStateAt(2, { kinds: ["personal-attack"], callStartedAt: 1000 }),
    );
    const copy = structuredClone(state);
    for (const type of Object.keys(TABLE) as IncidentEventType[]) {
      transition(state, naturalEvent(type, state));
    }
    expect(state).toEqual(copy);
  });

  it("leaves the initial state untouched after a whole session", () => {
    const copy = structuredClone(INITIAL_STATE);
    walk(
      INITIAL_STATE,
      anEvent("session-started"),
      anEvent("phrase-said"),
      anEvent("step-advanced"),
      anEvent("phrase-said", { step: 2 }),
    );
    expect(INITIAL_STATE).toEqual(copy);
  });
});

/** A long, legal session: at each point one of the events the machine accepts, chosen by seed. */
function aLegalSequence(seed: number, length: number): IncidentEvent[] {
  const random = seededRandom(seed);
  const kinds = [
    ["personal-attack"],
    ["inappropriate/undressed"],
    ["raised-voice", "meet-outside"],
  ];
  const events: IncidentEvent[] = [anEvent("session-started")];
  let state = walk(INITIAL_STATE, events[0] as IncidentEvent);
  while (events.length < length - 1) {
    const candidates: IncidentEvent[] = (Object.keys(TABLE) as IncidentEventType[])
      .filter((t) => t !== "session-ended")
      .map((t) => naturalEvent(t, state))
      .map((e) =>
        e.type === "kinds-changed"
          ? { ...e, kinds: kinds[Math.floor(random() * kinds.length)] as string[] }
          : e.type === "call-start-set"
            ? { ...e, callStartedAt: Math.floor(random() * 1e12) }
            : e,
      )
      .filter((e) => transition(state, e).ok);
    const event = candidates[Math.floor(random() * candidates.length)] as IncidentEvent;
    events.push(event);
    state = walk(state, event);
  }
  events.push(naturalEvent("session-ended", state));
  return events;
}

describe("replaying a log", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("rebuilds the same state from the same events", () => {
    const events = [
      anEvent("session-started"),
      anEvent("phrase-said"),
      anEvent("step-advanced"),
      anEvent("resolved", { step: 2 }),
    ];
    const first = replay(events);
    const second = replay(structuredClone(events));
    expect(second).toEqual(first);
    expect(first.state).toMatchObject({ status: "resolved", step: 2, reached: 2 });
    expect(first.refused).toEqual([]);
  });

  it.each([1, 2, 3, 42, 2025])(
    "replays a long legal session (seed %i) identically, whenever it runs",
    (seed) => {
      const events = aLegalSequence(seed, 300);
      vi.useFakeTimers({ now: new Date("2025-08-19T08:00:00Z") });
      const first = replay(events);
      vi.setSystemTime(new Date("2027-08-19T23:59:00Z"));
      const second = replay(structuredClone(events));
      expect(second).toEqual(first);
      expect(first.refused).toEqual([]);
      expect(first.state.status).toBe("ended");
      expect(first.state).toEqual(walk(INITIAL_STATE, ...events));
    },
  );

  it("exercises every kind of event in the random sessions", () => {
    const types = new Set(
      [1, 2, 3, 42, 2025].flatMap((s) => aLegalSequence(s, 300).map((e) => e.type)),
    );
    expect([...types].sort()).toEqual(Object.keys(TABLE).sort());
  });

  it("reports a refused entry by index and carries on without it", () => {
    const { state, refused } = replay([
      anEvent("session-started"),
      anEvent("terminated"),
      anEvent("phrase-said", { step: 2 }),
      anEvent("phrase-said", { step: 1, phraseId: "calm-down" }),
      anEvent("step-advanced", { from: 1, to: 2 }),
    ]);
    expect(refused).toEqual([
      { index: 1, refusal: "terminate-before-step-3" },
      { index: 2, refusal: "wrong-step" },
    ]);
    expect(state).toMatchObject({ status: "active", step: 2, reached: 2 });
  });

  it("reports an entry before the session started", () => {
    expect(replay([anEvent("phrase-said"), anEvent("session-started")]).refused).toEqual([
      { index: 0, refusal: "not-started" },
    ]);
  });

  it("replays nothing into the initial state", () => {
    expect(replay([])).toEqual({ state: INITIAL_STATE, refused: [] });
  });
});

describe("the two-minute wait", () => {
  const waiting = () =>
    walk(anActiveStateAt(1), anEvent("wait-started", { deadline: 2_000, durationMs: 120_000 }));

  it("keeps the deadline as data, so the countdown can be computed after a restart", () => {
    expect(waiting().wait).toEqual({ deadline: 2_000 });
  });

  it("refuses a second wait while one runs, and moves the deadline when extended", () => {
    expectRefused(transition(waiting(), anEvent("wait-started")), "wait-running");
    expect(walk(waiting(), anEvent("wait-extended", { deadline: 3_000 })).wait).toEqual({
      deadline: 3_000,
    });
  });

  it("ends the wait", () => {
    expect(walk(waiting(), anEvent("wait-ended", { reason: "early" })).wait).toBeNull();
  });

  it.each<[string, IncidentEvent]>([
    ["a step forward", anEvent("step-advanced", { from: 1, to: 2 })],
    ["a step back", anEvent("step-back", { from: 2, to: 1 })],
    ["calming down", anEvent("resolved", { step: 1 })],
    ["termination", anEvent("terminated")],
  ])("refuses %s while the wait runs: the wait's own choice moves the routine", (_, event) => {
    const inStep2 = walk(
      anActiveStateAt(2),
      anEvent("wait-started", { deadline: 2_000, durationMs: 120_000 }),
    );
    const at = event.type === "step-advanced" || event.type === "resolved" ? waiting() : inStep2;
    expectRefused(transition(at, event), "during-wait");
    // Once the wait has ended, the same move is taken.
    const after = walk(at, anEvent("wait-ended", { reason: "continue" }));
    if (event.type !== "terminated") expect(transition(after, event).ok).toBe(true);
  });

  it("ends the wait with the incident, then the incident", () => {
    const state = walk(
      waiting(),
      anEvent("wait-ended", { reason: "incident-ended" }),
      anEvent("session-ended", { outcome: "client-left" }),
    );
    expect(state).toMatchObject({ status: "ended", wait: null, outcome: "client-left" });
  });

  it("remembers only what Tresteg itself muted, and forgets it once restored", () => {
    const state = walk(
      waiting(),
      anEvent("mute-applied", { target: "client-sound", result: "done" }),
      anEvent("mute-applied", { target: "own-mic", result: "already" }),
      anEvent("mute-applied", { target: "own-camera", result: "failed" }),
      anEvent("mute-applied", { target: "client-picture", result: "done" }),
    );
    expect(state.mutedByUs).toEqual(["client-sound", "client-picture"]);
    const restored = walk(
      state,
      anEvent("mute-restored", { target: "client-sound", result: "done" }),
      anEvent("mute-restored", { target: "client-picture", result: "failed" }),
    );
    expect(restored.mutedByUs).toEqual(["client-picture"]);
  });
});

describe("the self-harm track", () => {
  it("follows the kinds until the coach switches, and remembers the switch", () => {
    const state = walk(anActiveStateAt(1), anEvent("track-switched", { to: "three-steps" }));
    expect(state.track).toBe("three-steps");
    expect(walk(state, anEvent("track-switched", { to: "self-harm" })).track).toBe("self-harm");
  });

  it("keeps the self-harm track when the client calms down there", () => {
    const state = walk(anActiveStateAt(1), anEvent("resolved", { step: 1, track: "self-harm" }));
    expect(state).toMatchObject({ status: "resolved", track: "self-harm", reached: 1 });
  });

  it("records the 112 reminder without moving the routine", () => {
    const before = anActiveStateAt(1);
    expect(walk(before, anEvent("emergency-reminder"))).toEqual(before);
  });

  it("records details, referrals and the 112 call without moving the routine", () => {
    const before = anActiveStateAt(2);
    const after = walk(
      before,
      anEvent("self-harm-detail", { field: "name", value: "Kim" }),
      anEvent("referral", { to: "psychiatry" }),
      anEvent("emergency-call"),
    );
    expect(after).toEqual(before);
  });
});
