// Builders shared by the routine and log tests. Each returns a fresh, valid value that a test
// changes only where the change is the point of the test.
import { GENESIS_HASH, hashEntry } from "@/lib/log/chain";
import type { IncidentEvent, IncidentEventType, LoggedEvent } from "@/lib/log/events";
import type { LogDeps, SessionStart } from "@/lib/log/incident-log";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { INITIAL_STATE, type IncidentState } from "@/lib/routine/machine";
import type { PhrasePack, StepNumber } from "@/lib/routine/pack";

export type EventOf<T extends IncidentEventType> = Extract<IncidentEvent, { type: T }>;

const DEFAULT_EVENTS: { [T in IncidentEventType]: EventOf<T> } = {
  "session-started": {
    type: "session-started",
    kinds: ["personal-attack"],
    origin: "https://meet.example.org",
    title: "Coachning – klient",
    platform: "example-meet",
    packId: BUILTIN_PACK.id,
    packVersion: BUILTIN_PACK.source.version,
  },
  "kinds-changed": { type: "kinds-changed", kinds: ["raised-voice"] },
  "call-start-set": { type: "call-start-set", callStartedAt: 1_750_000_000_000 },
  "phrase-said": {
    type: "phrase-said",
    step: 1,
    phraseId: "calm-down",
    text: "Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.",
  },
  "step-advanced": { type: "step-advanced", from: 1, to: 2 },
  "step-back": { type: "step-back", from: 2, to: 1 },
  resolved: { type: "resolved", step: 1 },
  reopened: { type: "reopened", step: 1 },
  terminated: { type: "terminated" },
  "session-ended": { type: "session-ended", outcome: "client-left" },
  "wait-started": { type: "wait-started", deadline: 1_750_000_120_000, durationMs: 120_000 },
  "wait-extended": { type: "wait-extended", deadline: 1_750_000_180_000 },
  "wait-ended": { type: "wait-ended", reason: "continue" },
  "mute-applied": { type: "mute-applied", target: "client-sound", result: "done" },
  "mute-restored": { type: "mute-restored", target: "client-sound", result: "done" },
  "hang-up": { type: "hang-up", result: "done" },
  "screenshot-taken": {
    type: "screenshot-taken",
    evidenceId: "evidence-1",
    sha256: "a".repeat(64),
    width: 1280,
    height: 720,
    origin: "https://meet.example.org",
    title: "Coachning – klient",
  },
  "screenshot-deleted": {
    type: "screenshot-deleted",
    evidenceId: "evidence-1",
    sha256: "a".repeat(64),
  },
  note: { type: "note", text: "Klienten sa att hen vet var jag bor." },
  tag: { type: "tag", tag: "threat-of-violence" },
  "threat-detail": { type: "threat-detail", field: "dialect", value: "skånska" },
  "track-switched": { type: "track-switched", to: "three-steps" },
  "self-harm-detail": { type: "self-harm-detail", field: "phone", value: "070-123 45 67" },
  referral: { type: "referral", to: "primary-care" },
  "emergency-reminder": { type: "emergency-reminder" },
  "emergency-call": { type: "emergency-call", confirmed: true },
  "help-called": { type: "help-called", role: "manager", name: "Anna Berg", channel: "teams" },
  "recording-started": {
    type: "recording-started",
    recordingId: "recording-1",
    mimeType: "video/webm;codecs=vp8,opus",
    sides: "both",
  },
  "recording-chunk": {
    type: "recording-chunk",
    recordingId: "recording-1",
    index: 0,
    sha256: "b".repeat(64),
    bytes: 120_000,
  },
  "recording-stopped": {
    type: "recording-stopped",
    recordingId: "recording-1",
    reason: "coach",
    chunks: 1,
    bytes: 120_000,
  },
};

export function anEvent<T extends IncidentEventType>(
  type: T,
  overrides: Partial<Omit<EventOf<T>, "type">> = {},
): EventOf<T> {
  return { ...structuredClone(DEFAULT_EVENTS[type]), ...overrides } as EventOf<T>;
}

export function aSessionStart(overrides: Partial<SessionStart> = {}): SessionStart {
  return {
    kinds: ["personal-attack"],
    origin: "https://meet.example.org",
    title: "Coachning – klient",
    platform: "example-meet",
    tabId: 7,
    packId: BUILTIN_PACK.id,
    packVersion: BUILTIN_PACK.source.version,
    ...overrides,
  };
}

export function aState(overrides: Partial<IncidentState> = {}): IncidentState {
  return {
    ...structuredClone(INITIAL_STATE),
    status: "active",
    kinds: ["personal-attack"],
    ...overrides,
  };
}

/** An active state standing at `step`, having walked there through the steps. */
export function anActiveStateAt(step: StepNumber, overrides: Partial<IncidentState> = {}) {
  return aState({ step, reached: step, ...overrides });
}

/** A valid pack the test may change freely (the built-in one, deep-copied). */
export function aPack(): PhrasePack {
  return structuredClone(BUILTIN_PACK);
}

/** Hashes events into a well-formed chain, the way the incident log writes it. */
export async function aChain(
  events: readonly IncidentEvent[] = [
    anEvent("session-started"),
    anEvent("phrase-said"),
    anEvent("step-advanced"),
    anEvent("phrase-said", {
      step: 2,
      phraseId: "warn-aggressive",
      text: "Fortsätter du att vara aggressiv/respektlös kommer jag avsluta samtalet",
    }),
    anEvent("session-ended"),
  ],
  sessionId = "session-a",
  firstAt = 1_750_000_000_000,
): Promise<LoggedEvent[]> {
  const chain: LoggedEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (const [seq, event] of events.entries()) {
    const entry = await sealed({ ...event, sessionId, seq, at: firstAt + seq * 1000, prevHash });
    chain.push(entry);
    prevHash = entry.hash;
  }
  return chain;
}

/** An entry with a hash that matches its (possibly forged) content. */
export async function sealed(entry: Omit<LoggedEvent, "hash"> | LoggedEvent): Promise<LoggedEvent> {
  const { hash: _old, ...content } = entry as LoggedEvent;
  return { ...content, hash: await hashEntry(content) } as LoggedEvent;
}

/** Deterministic clock and ids: every call to now() is one second after the last. */
export function fakeDeps(start = 1_750_000_000_000): LogDeps & { ids: string[] } {
  let t = start - 1000;
  let n = 0;
  const ids: string[] = [];
  return {
    ids,
    now: () => {
      t += 1000;
      return t;
    },
    newId: () => {
      n += 1;
      const id = `session-${n}`;
      ids.push(id);
      return id;
    },
  };
}

/** A small seeded PRNG (mulberry32) so "random" sequences are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
