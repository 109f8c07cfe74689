import type { Lang } from "../i18n/text";
import type { ChainBreak } from "../log/chain";
import type {
  IncidentEventType,
  MuteTarget,
  Outcome,
  ThreatDetailField,
  WaitEnd,
} from "../log/events";
import type { KindRef, StepNumber } from "../routine/pack";
import type { Referral, SelfHarmField } from "../routine/self-harm";
import type { ChecklistItem, Requirement } from "./checklist";
import type { Moment } from "./clock";
import type { FactField } from "./facts";

/**
 * An incident draft: everything the deviation report (MedControl) and a police report need,
 * built from the log and the coach's edits, already worded in one language and one time zone
 * so that every renderer only lays it out. Plain data: it serialises to JSON as it is.
 */
export interface IncidentDraft {
  sessionId: string;
  lang: Lang;
  /** IANA name of the zone every local time is given in. */
  timeZone: string;
  /** A practice session ("Övning"): marked in every export, never mixed with real ones. */
  practice: boolean;
  status: "open" | "ended";
  /** The incident's day, "2026-03-28", and as words, "lördag 28 mars 2026". */
  date: string;
  dateText: string;
  call: CallTimes;
  unit: string;
  channel: Channel;
  kinds: Array<{ ref: KindRef; label: string }>;
  tags: Array<{ tag: string; label: string }>;
  timeline: TimelineEntry[];
  mutes: MuteSummary;
  screenshots: ScreenshotEntry[];
  actions: ActionsTaken;
  /** The handbook's self-harm guidance, when the incident used it; null otherwise. */
  selfHarm: SelfHarmSection | null;
  coach: CoachText;
  police: { requirement: Requirement; reportNumber: string | null };
  checklist: ChecklistItem[];
  routine: RoutineRef;
  integrity: Integrity;
}

export interface CallTimes {
  /** Guideline 001 §4.1: tracing needs the exact time the call came in. */
  started: Moment;
  startSource: "edited" | "logged" | "session-start";
  /** When the incident was started in Tresteg. */
  incidentStarted: Moment;
  /** When the session was ended; null while it is open. */
  ended: Moment | null;
}

export interface Channel {
  medium: "video-call";
  platform: string;
  platformName: string;
  origin: string;
  title: string;
}

export interface TimelineEntry {
  seq: number;
  type: IncidentEventType;
  when: Moment;
  text: string;
  /** False from the entry where the chain breaks on. */
  verified: boolean;
}

export interface WaitPeriod {
  started: Moment;
  plannedMs: number;
  ended: Moment | null;
  reason: WaitEnd | null;
  durationMs: number | null;
  /** Not ended when the session ended (or the session is still open). */
  open: boolean;
  text: string;
}

export interface MutePeriod {
  target: MuteTarget;
  from: Moment;
  to: Moment | null;
  /** To its restore, or to the session's end for a period still open then. */
  durationMs: number | null;
  /** "already": it was off before Tresteg tried. */
  applied: "done" | "already";
  open: boolean;
  text: string;
}

export interface MuteFailure {
  target: MuteTarget;
  action: "mute" | "restore";
  when: Moment;
  /** Why, in the draft's language; an older entry's sentence as it was written. */
  detail: string | null;
  text: string;
}

export interface MuteSummary {
  waits: WaitPeriod[];
  periods: MutePeriod[];
  failures: MuteFailure[];
}

export type FileCheck = "not-checked" | "matches" | "differs" | "missing";

export interface ScreenshotEntry {
  /** 1, 2, … in the order taken, deleted ones included, so numbers match the log. */
  number: number;
  evidenceId: string;
  /** The seq of its "screenshot-taken" entry; null when the log has none. */
  seq: number | null;
  taken: Moment;
  width: number;
  height: number;
  /** Size of the PNG in bytes; null when the file is gone. */
  bytes: number | null;
  /** SHA-256 as logged (or as stored, when the log has no entry). */
  sha256: string;
  /** The stored record's hash equals the logged one; null when one of them is missing. */
  recordMatchesLog: boolean | null;
  origin: string;
  title: string;
  caption: string;
  /** Taken from the page's videos while Tresteg covered the client (the wait). */
  underCover: boolean;
  deleted: Moment | null;
  /** "screenshots/01-140512.png" for a screenshot whose file is kept; null otherwise. */
  fileName: string | null;
  /** Whether the file's bytes were hashed at export and found equal to the log. */
  fileCheck: FileCheck;
  fileSha256: string | null;
}

export interface PhraseUse {
  phraseId: string;
  /** As logged: the words the coach said, verbatim from the routine. */
  text: string;
  times: Moment[];
}

export interface StepSummary {
  number: StepNumber;
  title: string;
  reached: boolean;
  phrases: PhraseUse[];
}

export interface ActionsTaken {
  /**
   * The three steps were in use: false for a threat against themselves handled only in the
   * handbook's guidance, where the steps, and the highest one, say nothing.
   */
  threeSteps: boolean;
  highestStep: StepNumber;
  steps: StepSummary[];
  waitCount: number;
  resolved: Moment[];
  terminated: Moment | null;
  hangUp: { when: Moment; result: "done" | "failed"; text: string } | null;
  outcome: Outcome | null;
  outcomeText: string;
}

/** Handbook 002, "Att tänka på vid suicidhot": what the coach documented, referred and called. */
export interface SelfHarmSection {
  details: Array<{ seq: number; when: Moment; field: SelfHarmField; label: string; value: string }>;
  referrals: Array<{ seq: number; when: Moment; to: Referral; label: string }>;
  emergency: Array<{
    seq: number;
    when: Moment;
    /** "logged-as-called": an older entry, logged when the reminder was shown. */
    stage: "reminder" | "called" | "logged-as-called";
    text: string;
  }>;
  /** The details hold the client's name, phone number or address. */
  identifies: boolean;
}

export interface CoachText {
  description: string;
  actions: string;
  notes: Array<{ seq: number; when: Moment; text: string }>;
  threatDetails: Array<{
    seq: number;
    when: Moment;
    field: ThreatDetailField;
    label: string;
    value: string;
  }>;
  /** Null unless the coach added it. */
  clientIdentity: string | null;
  identityText: string;
}

export interface RoutineRef {
  documentId: string;
  title: string;
  organisation: string;
  /** The version the session was logged with. */
  version: string;
  validFrom: string;
  validTo: string;
  packId: string;
  packName: string;
  /** The pack's current version, when it differs from the logged one. */
  currentVersion: string | null;
  text: string;
}

export type ChainStatus =
  | { ok: true; count: number }
  | { ok: false; count: number; breakSeq: number; reason: ChainBreak["reason"] };

export interface Integrity {
  algorithm: "SHA-256";
  chain: ChainStatus;
  chainText: string;
  /** The hash of the log's last entry, as stored; null for an empty log. */
  headHash: string | null;
  /**
   * The stored chain head's length and hash agree with the log (a cut-off tail shows here);
   * null when no head was given.
   */
  summaryMatches: boolean | null;
  summaryText: string | null;
  /**
   * Where the report's headline facts come from: the chain's own entries, or the summary row
   * when the chain has no first entry; and the fields where the row disagrees with the chain.
   */
  facts: { source: "chain" | "row"; rowDiffers: FactField[]; text: string | null };
  /** The entries' signatures; null when they were not checked (no verdict given). */
  signatures: SignatureCheck | null;
  /** The signing key, as every export carries it; null when the installation has none. */
  publicKey: { fingerprint: string; jwk: JsonWebKey } | null;
  /** The chain's length and last hash, for the deviation report (an outside timestamp). */
  anchor: { length: number; headHash: string | null; text: string };
  statement: string;
}

export interface SignatureCheck {
  ok: boolean;
  fingerprint: string | null;
  namedKey: string | null;
  /** The first entry says its key was new (first use, or a reinstall). */
  newKey: boolean;
  verified: number;
  unsigned: number[];
  invalid: number[];
  otherKey: number[];
  orphans: number[];
  /** Every finding as a sentence, in order; warnings first. */
  lines: Array<{ text: string; warning: boolean }>;
}
