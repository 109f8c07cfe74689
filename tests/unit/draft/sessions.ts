// Realistic incidents for the draft tests: real hash chains (sealed with hashEntry), times a
// coach would see, and screenshots with PNG blobs whose hashes are real.
import type { EvidenceRecord } from "@/lib/evidence/types";
import { GENESIS_HASH, sha256Hex, verifyChain, type ChainVerdict } from "@/lib/log/chain";
import type { SessionRecord } from "@/lib/log/db";
import type { IncidentEvent, LoggedEvent } from "@/lib/log/events";
import { type DraftInput } from "@/lib/draft/build";
import { emptyEdits } from "@/lib/draft/edits";
import type { KindRef } from "@/lib/routine/pack";
import type { EntrySignature } from "@/lib/verify/signatures";
import { anEvent, aPack, sealed } from "../builders";

export const ZONE = "Europe/Stockholm";
/** Saturday 28 March 2026, 14:00:00 in Stockholm (CET, +01:00), the day before the spring change. */
export const T0 = Date.UTC(2026, 2, 28, 13, 0, 0);
export const at = (seconds: number) => T0 + seconds * 1000;

export type Timed = [seconds: number, event: IncidentEvent];

/** A session's log, hashed the way the incident log writes it. */
export async function aLog(timed: Timed[], sessionId = "session-1"): Promise<LoggedEvent[]> {
  const log: LoggedEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (const [seq, [seconds, event]] of timed.entries()) {
    const entry = await sealed({ ...event, sessionId, seq, at: at(seconds), prevHash });
    log.push(entry);
    prevHash = entry.hash;
  }
  return log;
}

/** The summary row that the log implies. */
export function aSessionRecord(events: LoggedEvent[], overrides: Partial<SessionRecord> = {}) {
  const first = events[0];
  const ended = events.findLast((e) => e.type === "session-ended");
  const kinds = events.reduce<KindRef[]>(
    (k, e) => (e.type === "session-started" || e.type === "kinds-changed" ? e.kinds : k),
    [],
  );
  const session: SessionRecord = {
    id: first?.sessionId ?? "session-1",
    status: ended ? "ended" : "open",
    startedAt: first?.at ?? T0,
    endedAt: ended?.at ?? null,
    outcome: ended?.type === "session-ended" ? ended.outcome : null,
    kinds,
    origin: "https://meet.jit.si",
    title: "Coachning – Klient A",
    platform: "jitsi",
    tabId: 7,
    packId: "regionhalsan-hco-utsatthet",
    packVersion: "3.0",
    ...overrides,
  };
  return session;
}

/** A PNG-like blob whose bytes (and so hash) depend on `seed`. */
export function aPng(seed: number, size = 64): Blob {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i++) bytes[i] = (seed * 31 + i * 7) & 0xff;
  return new Blob([bytes], { type: "image/png" });
}

/** A screenshot record and the log entry that goes with it, with a real hash. */
export async function aScreenshot(
  id: string,
  seconds: number,
  overrides: Partial<EvidenceRecord> = {},
): Promise<{ record: EvidenceRecord; event: IncidentEvent }> {
  const png = overrides.png ?? aPng(id.length * 13 + seconds);
  const sha256 = await sha256Hex(new Uint8Array(await png.arrayBuffer()));
  const record: EvidenceRecord = {
    id,
    sessionId: "session-1",
    at: at(seconds),
    png,
    sha256,
    width: 1920,
    height: 1080,
    thumbnail: new Blob([new Uint8Array([1])], { type: "image/jpeg" }),
    origin: "https://meet.jit.si",
    title: "Coachning – Klient A",
    caption: "",
    deletedAt: null,
    ...overrides,
  };
  const event = anEvent("screenshot-taken", {
    evidenceId: id,
    sha256,
    width: 1920,
    height: 1080,
    origin: record.origin,
    title: record.title,
  });
  return { record, event };
}

export const started = (kinds: KindRef[]) =>
  anEvent("session-started", {
    kinds,
    origin: "https://meet.jit.si",
    title: "Coachning – Klient A",
    platform: "jitsi",
  });

export const said = (step: 1 | 2 | 3, phraseId: string) => {
  const phrase = aPack()
    .steps.find((s) => s.number === step)
    ?.phrases.find((p) => p.id === phraseId);
  if (!phrase) throw new Error(`No phrase ${phraseId} in step ${step}`);
  return anEvent("phrase-said", { step, phraseId, text: phrase.text });
};

/** Everything buildDraft needs, from a timed log: verified chain, Swedish, Stockholm. */
export async function aDraftInput(
  timed: Timed[],
  overrides: Partial<DraftInput> = {},
): Promise<DraftInput> {
  const events = overrides.events ?? (await aLog(timed));
  const chain: ChainVerdict = overrides.chain ?? (await verifyChain(events));
  return {
    session: aSessionRecord(events),
    events,
    evidence: [],
    pack: aPack(),
    edits: emptyEdits(),
    chain,
    lang: "sv",
    timeZone: ZONE,
    ...overrides,
  };
}

/**
 * Inappropriate behaviour, undressed: step 1, the two-minute wait with both sides muted (the
 * coach's microphone was already off and stays off; the camera button failed), one screenshot,
 * the client dresses, resolved.
 */
export async function undressedResolved() {
  const shot = await aScreenshot("evidence-1", 50, { caption: "Klienten utan tröja" });
  const timed: Timed[] = [
    [0, started(["inappropriate/undressed"])],
    [5, anEvent("call-start-set", { callStartedAt: at(-600) })],
    [12, said(1, "dress-upper-body")],
    [30, said(1, "wait-two-minutes")],
    [31, anEvent("wait-started", { deadline: at(151), durationMs: 120_000 })],
    [31, anEvent("mute-applied", { target: "client-sound", result: "done" })],
    [31, anEvent("mute-applied", { target: "client-picture", result: "done" })],
    [32, anEvent("mute-applied", { target: "own-mic", result: "already" })],
    [32, anEvent("mute-applied", { target: "own-camera", result: "failed", detail: "no button" })],
    [50, shot.event],
    [156, anEvent("wait-ended", { reason: "continue" })],
    [156, anEvent("mute-restored", { target: "client-sound", result: "done" })],
    [157, anEvent("mute-restored", { target: "client-picture", result: "done" })],
    [170, anEvent("resolved", { step: 1 })],
    [300, anEvent("session-ended", { outcome: "resolved" })],
  ];
  return { timed, evidence: [shot.record] };
}

/** A personal attack that runs through all three steps and is terminated. */
export function personalAttackTerminated(): Timed[] {
  return [
    [0, started(["personal-attack"])],
    [10, said(1, "calm-down")],
    [40, said(1, "is-that-a-threat")],
    [60, anEvent("step-advanced", { from: 1, to: 2 })],
    [65, said(2, "warn-aggressive")],
    [95, said(2, "warn-aggressive")],
    [120, anEvent("step-advanced", { from: 2, to: 3 })],
    [125, said(3, "end-now")],
    [126, anEvent("terminated")],
    [127, anEvent("hang-up", { result: "done" })],
    [200, anEvent("session-ended", { outcome: "terminated" })],
  ];
}

/** A P-256 key pair as an installation makes one, with its public key as exports carry it. */
export async function aSigningKey() {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, [
    "sign",
    "verify",
  ]);
  const spki = new Uint8Array(await crypto.subtle.exportKey("spki", pair.publicKey));
  const { kty, crv, x, y } = await crypto.subtle.exportKey("jwk", pair.publicKey);
  return {
    privateKey: pair.privateKey,
    ref: { fingerprint: await sha256Hex(spki), jwk: { kty, crv, x, y } },
  };
}

/** Each entry's signature, made as the incident log makes it (over the hash's ASCII). */
export async function signaturesOf(
  events: readonly LoggedEvent[],
  key: Awaited<ReturnType<typeof aSigningKey>>,
): Promise<EntrySignature[]> {
  return Promise.all(
    events.map(async (event) => {
      const bytes = await crypto.subtle.sign(
        { name: "ECDSA", hash: "SHA-256" },
        key.privateKey,
        new TextEncoder().encode(event.hash),
      );
      let text = "";
      for (const byte of new Uint8Array(bytes)) text += String.fromCharCode(byte);
      return {
        sessionId: event.sessionId,
        seq: event.seq,
        hash: event.hash,
        key: key.ref.fingerprint,
        signature: btoa(text),
      };
    }),
  );
}
