import type { RecordingStop } from "../log/events";

// The messages between the panel, the worker and the offscreen document that records.
// The panel and the keyboard command ask the worker; only the worker can get the tab's stream
// id and open the offscreen document; the offscreen document records and logs each chunk.

/** The part of `runtime.onMessage` the recorder's two ends listen on (worker and offscreen). */
export interface RuntimeMessages {
  addListener(
    listener: (
      message: unknown,
      sender: unknown,
      sendResponse: (answer: unknown) => void,
    ) => boolean | undefined,
  ): void;
}

/** To the worker, from the panel. */
export type RecordingRequest =
  | { type: "recording:start"; tabId: number }
  | { type: "recording:stop"; sessionId: string; reason: RecordingStop }
  | { type: "recording:playback"; muted: boolean };

/** Why a recording did not start, as a code the panel and the worker's notice word. */
export type StartRefusal =
  | "not-allowed"
  | "unsupported"
  | "no-session"
  | "already"
  | "not-invoked"
  /** The browser would not give the tab's sound ("Requested device not found"). */
  | "no-tab-sound"
  | "failed";

export type StartAnswer = { ok: true } | { ok: false; refusal: StartRefusal; message?: string };

/** What the playback mute did: done, or there is no recording to mute. */
export type PlaybackAnswer = { result: "done" | "none" };

/** From the worker to the offscreen document. */
export type OffscreenRequest =
  | {
      target: "offscreen";
      type: "recording:start";
      streamId: string;
      sessionId: string;
      recordingId: string;
      /** The tab is muted now (the wait): the coach must not hear the playback either. */
      playbackMuted: boolean;
    }
  | { target: "offscreen"; type: "recording:stop"; sessionId: string; reason: RecordingStop }
  | { target: "offscreen"; type: "recording:playback"; muted: boolean }
  | { target: "offscreen"; type: "recording:status" };

/** From the offscreen document to the worker, when a recording has stopped by itself or been stopped. */
export interface RecordingEnded {
  type: "recording:ended";
  sessionId: string;
  recordingId: string;
  reason: RecordingStop;
}

const STOPS: readonly RecordingStop[] = [
  "coach",
  "incident-ended",
  "hang-up",
  "tab-closed",
  "capture-ended",
  "disk-full",
  "storage-error",
  "interrupted",
];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** A message the worker handles, or null (anything else on the runtime is not for it). */
export function parseRecordingRequest(message: unknown): RecordingRequest | RecordingEnded | null {
  if (!isObject(message) || "target" in message) return null;
  switch (message.type) {
    case "recording:start":
      return Number.isInteger(message.tabId)
        ? { type: "recording:start", tabId: message.tabId as number }
        : null;
    case "recording:stop":
    case "recording:ended":
      if (typeof message.sessionId !== "string") return null;
      if (!STOPS.includes(message.reason as RecordingStop)) return null;
      if (message.type === "recording:stop") {
        return {
          type: "recording:stop",
          sessionId: message.sessionId,
          reason: message.reason as RecordingStop,
        };
      }
      return typeof message.recordingId === "string"
        ? {
            type: "recording:ended",
            sessionId: message.sessionId,
            recordingId: message.recordingId,
            reason: message.reason as RecordingStop,
          }
        : null;
    case "recording:playback":
      return typeof message.muted === "boolean"
        ? { type: "recording:playback", muted: message.muted }
        : null;
    default:
      return null;
  }
}
