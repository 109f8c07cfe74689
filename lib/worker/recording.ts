import type { Translate } from "../i18n/text";
import type { TrestegDb } from "../log/db";
import type { RecordingStop } from "../log/events";
import { type IncidentLog, openSession, sessionEvents } from "../log/incident-log";
import { recordingBytes, recordingChunks } from "../log/records";
import { noticeUnread } from "../recording/notice";
import { sha256Hex } from "../log/chain";
import { detectPlatform } from "../platforms/detect";
import type {
  OffscreenRequest,
  PlaybackAnswer,
  RuntimeMessages,
  StartAnswer,
  StartRefusal,
} from "../recording/messages";
import { parseRecordingRequest } from "../recording/messages";
import { runningRecording } from "../recording/status";
import type { Settings } from "../settings";

/** The keyboard command that starts a recording (the manifest's `commands`). */
export const RECORD_COMMAND = "record-call";

const OFFSCREEN_PATH = "/offscreen.html";
const BADGE = "REC";

/** The parts of Chrome the worker uses to record; a test passes fakes. */
export interface RecordingBrowser {
  tabCapture?: { getMediaStreamId(options: { targetTabId: number }): Promise<string> };
  offscreen?: {
    createDocument(options: {
      url: string;
      reasons: string[];
      justification: string;
    }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  runtime: {
    getURL(path: string): string;
    getContexts?(filter: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]>;
    sendMessage(message: OffscreenRequest): Promise<unknown>;
    onMessage: RuntimeMessages;
  };
  tabs: {
    get(
      tabId: number,
    ): Promise<{ id?: number; url?: string; title?: string; mutedInfo?: { muted: boolean } }>;
    onRemoved: { addListener(listener: (tabId: number) => void): void };
  };
  action: {
    setBadgeText(details: { text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  };
  storage: {
    session: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(key: string): Promise<void>;
    };
  };
}

export interface RecordingWorkerDeps {
  browser: RecordingBrowser;
  db: TrestegDb;
  log: Pick<IncidentLog, "append" | "startSession">;
  settings: () => Promise<Settings>;
  newId: () => string;
  onError?: (error: unknown) => void;
}

// Chrome's refusal when no icon click or command invoked the extension on the tab.
const NOT_INVOKED = /not been invoked|activeTab/i;

/**
 * Recording the call, from the worker: the only place that can get the meeting tab's stream
 * id (after the coach invoked Tresteg on the tab: its icon or a keyboard command, which grant
 * activeTab) and open the offscreen document that records. It also stops a recording when its
 * tab closes, shows it on the toolbar badge, and finds a recording a crash left unfinished.
 */
export function createRecordingWorker(deps: RecordingWorkerDeps) {
  const { browser } = deps;
  const onError = deps.onError ?? ((error) => console.error("Tresteg: recording", error));
  const offscreenUrl = browser.runtime.getURL(OFFSCREEN_PATH);

  async function offscreenOpen(): Promise<boolean> {
    if (!browser.runtime.getContexts) return false;
    const contexts = await browser.runtime.getContexts({ contextTypes: ["OFFSCREEN_DOCUMENT"] });
    return contexts.some((c) => c.documentUrl?.startsWith(offscreenUrl));
  }

  async function badge(on: boolean) {
    await browser.action.setBadgeText({ text: on ? BADGE : "" });
    if (on) await browser.action.setBadgeBackgroundColor({ color: "#a4161a" });
  }

  /**
   * Starts recording the tab. From the command, an incident is started when none is open,
   * as a screenshot does, so the recording is never lost for want of a click.
   */
  async function start(tabId: number, options: { startIncident: boolean }): Promise<StartAnswer> {
    const settings = await deps.settings();
    if (!settings.recording.allowed) return refuse("not-allowed");
    if (!browser.tabCapture || !browser.offscreen) return refuse("unsupported");
    let session = await openSession(deps.db);
    if (!session && options.startIncident) {
      const tab = await browser.tabs.get(tabId);
      const origin = tab.url ? new URL(tab.url).origin : "";
      const started = await deps.log.startSession({
        kinds: [],
        trigger: "evidence",
        origin,
        title: tab.title ?? "",
        platform: detectPlatform(tab.url),
        tabId,
        packId: settings.pack.id,
        packVersion: settings.pack.source.version,
      });
      if (started.ok) session = started.value;
      else if (started.failure.kind === "already-open") session = started.failure.session;
    }
    if (!session) return refuse("no-session");
    if (runningRecording(await sessionEvents(deps.db, session.id))) return refuse("already");
    if (!(await offscreenOpen())) {
      await browser.offscreen.createDocument({
        url: OFFSCREEN_PATH,
        reasons: ["USER_MEDIA"],
        justification: "Records the meeting tab the coach chose to record, chunk by chunk.",
      });
    }
    const muted = (await browser.tabs.get(tabId)).mutedInfo?.muted === true;
    let streamId: string;
    try {
      streamId = await browser.tabCapture.getMediaStreamId({ targetTabId: tabId });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return refuse(NOT_INVOKED.test(message) ? "not-invoked" : "failed", message);
    }
    const answer = (await browser.runtime.sendMessage({
      target: "offscreen",
      type: "recording:start",
      streamId,
      sessionId: session.id,
      recordingId: deps.newId(),
      playbackMuted: muted,
    })) as StartAnswer | undefined;
    if (!answer?.ok) return answer ?? refuse("failed", "no answer from the recorder");
    await browser.storage.session.set({ recording: { tabId, sessionId: session.id } });
    await badge(true).catch(onError);
    return answer;
  }

  async function stop(sessionId: string, reason: RecordingStop) {
    if (!(await offscreenOpen())) return { stopped: false };
    return browser.runtime.sendMessage({
      target: "offscreen",
      type: "recording:stop",
      sessionId,
      reason,
    });
  }

  async function playback(muted: boolean): Promise<PlaybackAnswer> {
    if (!(await offscreenOpen())) return { result: "none" };
    return (await browser.runtime.sendMessage({
      target: "offscreen",
      type: "recording:playback",
      muted,
    })) as PlaybackAnswer;
  }

  /** The recording has stopped: the badge goes, and the offscreen document is closed. */
  async function ended() {
    await browser.storage.session.remove("recording");
    await badge(false).catch(onError);
    if (await offscreenOpen()) await browser.offscreen?.closeDocument();
  }

  /**
   * A recording the log says is running while no offscreen document records: the browser
   * stopped (a crash, a kill) during it. Its stop is logged as interrupted, with the chunks
   * that were committed and the hash of those chunks together.
   */
  async function recoverInterrupted(): Promise<boolean> {
    if (await offscreenOpen()) return false;
    const session = await openSession(deps.db);
    if (!session) return false;
    const running = runningRecording(await sessionEvents(deps.db, session.id));
    if (!running) return false;
    const chunks = await recordingChunks(deps.db, running.recordingId);
    const whole = await recordingBytes(chunks);
    const result = await deps.log.append(session.id, {
      type: "recording-stopped",
      recordingId: running.recordingId,
      reason: "interrupted",
      chunks: running.chunks.length,
      bytes: running.bytes,
      ...(chunks.length > 0 ? { sha256: await sha256Hex(whole) } : {}),
    });
    await badge(false).catch(onError);
    return result.ok;
  }

  return { start, stop, playback, ended, recoverInterrupted, offscreenOpen };
}

const refuse = (refusal: StartRefusal, message?: string): StartAnswer => ({
  ok: false,
  refusal,
  ...(message ? { message } : {}),
});

export type RecordingWorker = ReturnType<typeof createRecordingWorker>;

/** What the worker tells the coach when the command could not start a recording. */
export function startRefusalKey(refusal: StartRefusal) {
  switch (refusal) {
    case "not-invoked":
      return "recording.notInvoked" as const;
    case "already":
      return "recording.alreadyOn" as const;
    case "unsupported":
      return "recording.needsChrome" as const;
    default:
      return "recording.failed" as const;
  }
}

/**
 * The worker's side of recording: the panel's requests, the keyboard command, a closed tab,
 * the recorder's end, and at start-up a recording a crash left unfinished.
 */
export function registerRecording(
  deps: RecordingWorkerDeps & {
    commands: {
      onCommand: { addListener(l: (command: string, tab?: { id?: number }) => void): void };
    };
    notify: (message: string) => Promise<void>;
    t: Translate;
  },
): RecordingWorker {
  const worker = createRecordingWorker(deps);
  const onError = deps.onError ?? ((error) => console.error("Tresteg: recording", error));
  const { browser } = deps;

  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const request = parseRecordingRequest(message);
    if (!request) return false;
    const answer = (async (): Promise<unknown> => {
      switch (request.type) {
        case "recording:start":
          return worker.start(request.tabId, { startIncident: false });
        case "recording:stop":
          return worker.stop(request.sessionId, request.reason);
        case "recording:playback":
          return worker.playback(request.muted);
        case "recording:ended":
          await worker.ended();
          return null;
        default:
          return null;
      }
    })();
    answer.then(sendResponse, (error: unknown) => {
      onError(error);
      sendResponse({ ok: false, refusal: "failed", message: String(error) });
    });
    return true;
  });

  deps.commands.onCommand.addListener((command, tab) => {
    if (command !== RECORD_COMMAND || tab?.id === undefined) return;
    const tabId = tab.id;
    deps
      .settings()
      .then(async (settings) => {
        // The organisation's notice is read in the panel before the first recording.
        if (noticeUnread(settings)) {
          await deps.notify(deps.t("recording.noticeFirst"));
          return null;
        }
        return worker.start(tabId, { startIncident: true });
      })
      .then(async (answer) => {
        if (answer === null) return;
        if (answer.ok) return;
        console.warn(
          `Tresteg: the recording did not start: ${answer.refusal} ${answer.message ?? ""}`,
        );
        const key = startRefusalKey(answer.refusal);
        await deps.notify(deps.t(key, { message: answer.message ?? answer.refusal }));
      })
      .catch(onError);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    (async () => {
      const { recording } = await browser.storage.session.get("recording");
      const running = recording as { tabId?: number; sessionId?: string } | undefined;
      if (running?.tabId !== tabId || !running.sessionId) return;
      await worker.stop(running.sessionId, "tab-closed");
    })().catch(onError);
  });

  void worker.recoverInterrupted().catch(onError);
  return worker;
}
