import type { TrestegDb } from "../log/db";
import type { RecordingStop } from "../log/events";
import type { IncidentLog } from "../log/incident-log";
import { mediaRecorderSource, recordingMix, tabStream } from "./capture";
import type {
  OffscreenRequest,
  PlaybackAnswer,
  RecordingEnded,
  RuntimeMessages,
  StartAnswer,
} from "./messages";
import { createRecording, type Recording } from "./session";

/** The runtime messaging the offscreen document has (it has no other extension API). */
export interface OffscreenRuntime {
  onMessage: RuntimeMessages;
  sendMessage(message: RecordingEnded): Promise<unknown>;
}

// How long a capture that ended by itself waits before it stops: the worker hears that the
// meeting tab closed at about the same moment, and its "tab closed" is the truer reason.
const CAPTURE_ENDED_GRACE_MS = 700;

/**
 * The recording in the offscreen document: starts on the worker's word with the tab's stream
 * id, plays the client's sound back to the coach (mutable by the wait), and stops on any
 * request or when the capture ends. One recording at a time.
 */
export function recordingHost(deps: {
  runtime: OffscreenRuntime;
  db: TrestegDb;
  log: Pick<IncidentLog, "append">;
  now: () => number;
  newId: () => string;
}) {
  let current: { recording: Recording; setPlaybackMuted: (muted: boolean) => void } | null = null;

  async function start(
    request: Extract<OffscreenRequest, { type: "recording:start" }>,
  ): Promise<StartAnswer> {
    if (current) return { ok: false, refusal: "already" };
    let tab: MediaStream;
    try {
      tab = await tabStream(request.streamId);
    } catch (error) {
      const notFound = (error as { name?: string }).name === "NotFoundError";
      return {
        ok: false,
        refusal: notFound ? "no-tab-sound" : "failed",
        message: String(error),
      };
    }
    const mix = await recordingMix(tab, request.playbackMuted);
    const recording = createRecording({
      db: deps.db,
      log: deps.log,
      sessionId: request.sessionId,
      recordingId: request.recordingId,
      now: deps.now,
      source: mediaRecorderSource(mix.stream, mix.sides),
    });
    const started = await recording.start();
    if (!started.ok) {
      mix.close();
      return { ok: false, refusal: "failed", message: JSON.stringify(started.failure) };
    }
    current = { recording, setPlaybackMuted: mix.setPlaybackMuted };
    recording.onStopped((summary) => {
      mix.close();
      if (current?.recording === recording) current = null;
      void deps.runtime
        .sendMessage({
          type: "recording:ended",
          sessionId: request.sessionId,
          recordingId: request.recordingId,
          reason: summary.reason,
        })
        .catch(() => undefined);
    });
    for (const track of tab.getVideoTracks()) {
      track.addEventListener("ended", () => {
        setTimeout(() => void recording.stop("capture-ended"), CAPTURE_ENDED_GRACE_MS);
      });
    }
    return { ok: true };
  }

  async function stop(sessionId: string, reason: RecordingStop) {
    if (!current || current.recording.sessionId !== sessionId) return { stopped: false };
    const summary = await current.recording.stop(reason);
    return { stopped: true, ...summary };
  }

  function playback(muted: boolean): PlaybackAnswer {
    if (!current) return { result: "none" };
    current.setPlaybackMuted(muted);
    return { result: "done" };
  }

  deps.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const request = message as OffscreenRequest;
    if (request?.target !== "offscreen") return false;
    const answer = (async () => {
      switch (request.type) {
        case "recording:start":
          return start(request);
        case "recording:stop":
          return stop(request.sessionId, request.reason);
        case "recording:playback":
          return playback(request.muted);
        case "recording:status":
          return current
            ? { sessionId: current.recording.sessionId, recordingId: current.recording.recordingId }
            : null;
        default:
          return null;
      }
    })();
    answer.then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, refusal: "failed", message: String(error) }),
    );
    // Chrome keeps the channel open for an asynchronous answer only when told so.
    return true;
  });
}
