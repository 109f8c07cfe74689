import type { MessageKey } from "../i18n/text";
import type { RecordingStop } from "../log/events";
import type { ActionReport } from "../messages";
import type { MeetingPort } from "../panel/meeting-port";
import type { MeetingTab } from "../panel/meeting-tab";
import { inFlightOf } from "../panel/run";
import type { PanelStore } from "../panel/store";
import type { PlaybackAnswer, RecordingRequest, StartAnswer, StartRefusal } from "./messages";

/** What the panel needs of the browser to record: the worker, and the storage estimate. */
export interface PanelRecordingBrowser {
  /** Chrome's tab capture and offscreen documents exist (not in Firefox). */
  supported: boolean;
  send(request: RecordingRequest): Promise<unknown>;
  estimate(): Promise<{ quota?: number; usage?: number }>;
}

/** The panel's words for a start the worker refused. */
export function refusalMessage(
  refusal: StartRefusal,
  message?: string,
): { key: MessageKey; params?: Record<string, string> } {
  switch (refusal) {
    case "not-invoked":
      return { key: "recording.notInvoked" };
    case "already":
      return { key: "recording.alreadyOn" };
    case "unsupported":
      return { key: "recording.needsChrome" };
    case "no-tab-sound":
      return { key: "recording.noTabSound", params: { message: message ?? refusal } };
    case "not-allowed":
    case "no-session":
    case "failed":
      return { key: "recording.failed", params: { message: message ?? refusal } };
    default: {
      const unknown: never = refusal;
      return { key: "recording.failed", params: { message: String(unknown) } };
    }
  }
}

/**
 * "Spela in samtalet" from the panel: asks the worker to record the meeting tab and to stop
 * it. A refusal is said in the panel; nothing is swallowed. The recording itself, and its
 * state, are in the log (lib/recording/status.ts), so every panel shows the same.
 */
export function createRecordingActions(deps: {
  store: PanelStore;
  browser: PanelRecordingBrowser | undefined;
  meetingTab: () => Promise<MeetingTab | null>;
}) {
  const { store } = deps;
  const inFlight = inFlightOf(store);
  const worker = deps.browser;

  async function start() {
    if (!worker?.supported) {
      store.setState({ error: { key: "recording.needsChrome" } });
      return false;
    }
    if (!inFlight.begin("recording")) return false;
    try {
      const tabId = (await deps.meetingTab())?.tabId ?? null;
      if (tabId === null) {
        store.setState({ error: { key: "noMeetingTab" } });
        return false;
      }
      const answer = (await worker.send({ type: "recording:start", tabId })) as
        StartAnswer | undefined;
      if (answer?.ok) return true;
      store.setState({
        error: answer
          ? refusalMessage(answer.refusal, answer.message)
          : { key: "recording.failed", params: { message: "no answer" } },
      });
      return false;
    } catch (error) {
      store.setState({ error: { key: "recording.failed", params: { message: String(error) } } });
      return false;
    } finally {
      inFlight.end("recording");
    }
  }

  /** Stops the session's recording, if one runs, and resolves when its stop is logged. */
  async function stop(sessionId: string, reason: RecordingStop): Promise<void> {
    if (!worker?.supported) return;
    try {
      await worker.send({ type: "recording:stop", sessionId, reason });
    } catch (error) {
      store.setState({ error: { key: "recording.failed", params: { message: String(error) } } });
    }
  }

  async function estimate(): Promise<{ quota?: number; usage?: number }> {
    try {
      return (await worker?.estimate()) ?? {};
    } catch {
      return {};
    }
  }

  return { supported: worker?.supported === true, start, stop, estimate };
}

export type RecordingActions = ReturnType<typeof createRecordingActions>;

/**
 * The meeting port with the wait's sound mute reaching the recording's playback too: while
 * the tab is captured the coach hears the client through the recorder's playback, which the
 * tab's own mute does not silence. The playback always follows the tab's mute; a playback
 * that could not be reached makes the mute failed.
 */
export function withPlaybackMute(
  port: MeetingPort,
  browser: PanelRecordingBrowser | undefined,
): MeetingPort {
  if (!browser?.supported) return port;
  return {
    ...port,
    async muteTab(tabId, muted): Promise<ActionReport> {
      const tab = await port.muteTab(tabId, muted);
      let playback: PlaybackAnswer;
      try {
        playback = ((await browser.send({ type: "recording:playback", muted })) as
          PlaybackAnswer | undefined) ?? { result: "none" };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { result: "failed", code: { reason: "tab-error", error: message.slice(0, 500) } };
      }
      // The playback follows the tab's own mute (a tab the coach had muted is recorded
      // with its playback muted too), so the tab's answer is the mute's answer.
      void playback;
      return tab;
    },
  };
}
