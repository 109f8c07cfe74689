import type { KindRef, StepNumber } from "../routine/pack";

/** How an incident ended, in the routine's terms. */
export type Outcome =
  /** "Klienten har lugnat sig": the client calmed down, the call continues. */
  | "resolved"
  /** Step 3: the coach ended the call. */
  | "terminated"
  /** The client left or the connection dropped before the routine concluded. */
  | "client-left";

export const OUTCOMES: readonly Outcome[] = ["resolved", "terminated", "client-left"];

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
    }
  | { type: "kinds-changed"; kinds: KindRef[] }
  | { type: "call-start-set"; callStartedAt: number }
  | { type: "phrase-said"; step: StepNumber; phraseId: string; text: string }
  | { type: "step-advanced"; from: StepNumber; to: StepNumber }
  | { type: "step-back"; from: StepNumber; to: StepNumber }
  | { type: "resolved"; step: StepNumber }
  | { type: "reopened"; step: StepNumber }
  | { type: "terminated" }
  | { type: "session-ended"; outcome: Outcome };

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
