import type { HelpChannel, HelpRole } from "../help/contacts";
import type { KindRef, StepNumber } from "../routine/pack";
import type { LogCode } from "./report-code";
import type { Referral, SelfHarmField, Track } from "../routine/self-harm";

/** How an incident ended, in the routine's terms. */
export type Outcome =
  /** "Klienten har lugnat sig": the client calmed down, the call continues. */
  | "resolved"
  /** Step 3: the coach ended the call. */
  | "terminated"
  /** The client left or the connection dropped before the routine concluded. */
  | "client-left"
  /** Övningsläge: the coach ended a practice session; nothing real happened. */
  | "practice-ended"
  /** Nobody ended it: Tresteg closed it, logged, after it had stood open for days. */
  | "left-open";

/** The four things the two-minute wait mutes (routine 000: "Vi mutar oss själva + klient i
 * ljud och bild"). */
export type MuteTarget = "client-sound" | "client-picture" | "own-mic" | "own-camera";
export const MUTE_TARGETS: readonly MuteTarget[] = [
  "client-sound",
  "client-picture",
  "own-mic",
  "own-camera",
];

/** What Tresteg found when it tried: it did it, it was already so, or it could not. */
export type MuteResult = "done" | "already" | "failed";

/** Why a wait ended. */
/** How a wait ended: the coach's choice, early, or with the incident itself (all restore). */
export type WaitEnd = "continue" | "to-warning" | "terminate" | "early" | "incident-ended";

/**
 * Why a recording of the call stopped: the coach, the end of the incident, the hang-up, the
 * meeting tab closed, the browser ended the capture, the disk was full, another storage error,
 * or it was found unfinished after the browser stopped (a crash): the last chunk in flight
 * was lost, every committed one is kept.
 */
export type RecordingStop =
  | "coach"
  | "incident-ended"
  | "hang-up"
  | "tab-closed"
  | "capture-ended"
  | "disk-full"
  | "storage-error"
  | "interrupted";

/** Whose voices a recording holds: both sides, or only the client's (no microphone). */
export type RecordingSides = "both" | "client-only";

/** The handbook's notes for a threat whose author is unknown or hard to identify. */
export type ThreatDetailField = "time" | "sounds" | "gender" | "age" | "dialect" | "words";
export const THREAT_DETAIL_FIELDS: readonly ThreatDetailField[] = [
  "time",
  "sounds",
  "gender",
  "age",
  "dialect",
  "words",
];

/**
 * Everything a click can put in the log. Each variant is what happened, not a setter: the step
 * machine replays them into the panel's state.
 */
export type IncidentEvent =
  | {
      type: "session-started";
      kinds: KindRef[];
      origin: string;
      title: string;
      platform: string;
      packId: string;
      packVersion: string;
      /** "evidence": a screenshot with no incident open started it; the kind comes later. */
      trigger?: "evidence";
      /** A practice session: everything in it is training, never a real incident. */
      practice?: true;
      /**
       * The key that signs this incident's entries (lib/log/signing.ts): its fingerprint, and
       * `new` on the first incident after the key was made (first use, or a reinstall), so a
       * change of key is in the log itself. Absent on entries from before signing.
       */
      signingKey?: { fingerprint: string; new?: true };
    }
  | { type: "kinds-changed"; kinds: KindRef[] }
  | { type: "call-start-set"; callStartedAt: number }
  | { type: "phrase-said"; step: StepNumber; phraseId: string; text: string }
  | { type: "step-advanced"; from: StepNumber; to: StepNumber }
  | { type: "step-back"; from: StepNumber; to: StepNumber }
  /**
   * "Klienten har lugnat sig". `track: "self-harm"` when it was said in the handbook's
   * self-harm guidance, where the three steps were not in use; older entries have no track.
   */
  | { type: "resolved"; step: StepNumber; track?: "self-harm" }
  | { type: "reopened"; step: StepNumber }
  | { type: "terminated" }
  | { type: "session-ended"; outcome: Outcome }
  // The two-minute wait. The deadline is data: the countdown is computed from it.
  | { type: "wait-started"; deadline: number; durationMs: number }
  | { type: "wait-extended"; deadline: number }
  | { type: "wait-ended"; reason: WaitEnd }
  // What each did, with a code that says why; `detail` is the sentence older entries carry
  // instead (they are hashed evidence: shown as written, never rewritten).
  | {
      type: "mute-applied";
      target: MuteTarget;
      result: MuteResult;
      code?: LogCode;
      detail?: string;
    }
  | {
      type: "mute-restored";
      target: MuteTarget;
      result: MuteResult;
      code?: LogCode;
      detail?: string;
    }
  | { type: "hang-up"; result: "done" | "failed"; code?: LogCode; detail?: string }
  // Evidence: the entry carries the screenshot's hash, so the chain covers the image.
  | {
      type: "screenshot-taken";
      evidenceId: string;
      sha256: string;
      width: number;
      height: number;
      origin: string;
      title: string;
      /** Taken from the page's videos while Tresteg covered the client. */
      underCover?: true;
    }
  | { type: "screenshot-deleted"; evidenceId: string; sha256: string }
  | { type: "note"; text: string }
  | { type: "tag"; tag: string }
  | { type: "threat-detail"; field: ThreatDetailField; value: string }
  // The self-harm track (handbook, "Att tänka på vid suicidhot").
  | { type: "track-switched"; to: Track }
  | { type: "self-harm-detail"; field: SelfHarmField; value: string }
  | { type: "referral"; to: Referral }
  // Handbook 002: "Tillkalla polis 112 om situationen är akut". The first click shows the
  // reminder, and only the coach's own confirmation logs the call. Older entries of
  // "emergency-call" carry no `confirmed`: they were logged when the reminder was shown.
  | { type: "emergency-reminder" }
  | { type: "emergency-call"; confirmed?: true }
  // Guideline 001 §4: "Påkalla hjälp". Tresteg opened the contact's channel; it sent nothing.
  | { type: "help-called"; role: HelpRole; name: string; channel: HelpChannel }
  // Handbook 002: "spela in samtalet om det blir hotfullt". Each chunk's hash is its own
  // entry, written in the same transaction as the chunk, so the chain covers the recording.
  | {
      type: "recording-started";
      recordingId: string;
      mimeType: string;
      sides: RecordingSides;
    }
  | { type: "recording-chunk"; recordingId: string; index: number; sha256: string; bytes: number }
  | {
      type: "recording-stopped";
      recordingId: string;
      reason: RecordingStop;
      /** Chunks committed, and their bytes, when it stopped. */
      chunks: number;
      bytes: number;
      /** SHA-256 of the whole WebM (the chunks in order); absent when it could not be read. */
      sha256?: string;
    };

export type IncidentEventType = IncidentEvent["type"];

/** An event as stored: its place in the session's chain, its time and its hashes. */
export type LoggedEvent = IncidentEvent & {
  sessionId: string;
  /** 0 for the first entry of a session, then 1, 2, … without gaps. */
  seq: number;
  /** Epoch milliseconds, taken when the click was handled. */
  at: number;
  /** SHA-256 (hex) of the previous entry, or GENESIS_HASH for the first. */
  prevHash: string;
  /** SHA-256 (hex) of this entry's content and prevHash. */
  hash: string;
};
