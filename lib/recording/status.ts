import type { LoggedEvent, RecordingSides, RecordingStop } from "../log/events";

/** One recording of the call as the log tells it: its start, its chunks, and its stop. */
export interface RecordingSummary {
  recordingId: string;
  startedAt: number;
  sides: RecordingSides;
  mimeType: string;
  /** The chunks' entries in the log, in order: their index, hash and size. */
  chunks: Array<{ seq: number; index: number; sha256: string; bytes: number; at: number }>;
  bytes: number;
  stoppedAt: number | null;
  reason: RecordingStop | null;
  /** The whole file's SHA-256 as logged at the stop; null when none was logged. */
  sha256: string | null;
}

/** Every recording in a session's log, in the order they started. */
export function recordingsOf(events: readonly LoggedEvent[]): RecordingSummary[] {
  const byId = new Map<string, RecordingSummary>();
  for (const event of events) {
    if (event.type === "recording-started") {
      byId.set(event.recordingId, {
        recordingId: event.recordingId,
        startedAt: event.at,
        sides: event.sides,
        mimeType: event.mimeType,
        chunks: [],
        bytes: 0,
        stoppedAt: null,
        reason: null,
        sha256: null,
      });
    } else if (event.type === "recording-chunk") {
      const recording = byId.get(event.recordingId);
      if (!recording) continue;
      recording.chunks.push({
        seq: event.seq,
        index: event.index,
        sha256: event.sha256,
        bytes: event.bytes,
        at: event.at,
      });
      recording.bytes += event.bytes;
    } else if (event.type === "recording-stopped") {
      const recording = byId.get(event.recordingId);
      if (!recording || recording.stoppedAt !== null) continue;
      recording.stoppedAt = event.at;
      recording.reason = event.reason;
      recording.sha256 = event.sha256 ?? null;
    }
  }
  return [...byId.values()];
}

/** The recording still running in a session's log (started, not stopped), or null. */
export function runningRecording(events: readonly LoggedEvent[]): RecordingSummary | null {
  return recordingsOf(events).find((r) => r.stoppedAt === null) ?? null;
}

/**
 * Roughly what one minute of recording takes: the recorder's video and audio bit rates
 * (lib/recording/session.ts) with a tenth more for the WebM container.
 */
export const BYTES_PER_MINUTE = Math.round(((1_000_000 + 64_000) / 8) * 60 * 1.1);

/**
 * The minutes of recording the browser's storage quota leaves room for, from
 * navigator.storage.estimate(); null when the browser does not say.
 */
export function roomMinutes(estimate: { quota?: number; usage?: number }): number | null {
  if (estimate.quota === undefined || estimate.usage === undefined) return null;
  return Math.max(0, Math.floor((estimate.quota - estimate.usage) / BYTES_PER_MINUTE));
}
