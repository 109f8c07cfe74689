import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sha256Hex, verifyChain } from "@/lib/log/chain";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog, sessionEvents } from "@/lib/log/incident-log";
import { addChunk } from "@/lib/log/records";
import { ROUTINE_SETTINGS } from "@/lib/settings";
import {
  createRecordingWorker,
  RECORD_COMMAND,
  type RecordingBrowser,
  registerRecording,
} from "@/lib/worker/recording";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { translator } from "@/lib/i18n/messages";
import { aSessionStart } from "../builders";

/** Chrome as the worker sees it; `captureError` is what getMediaStreamId throws, if anything. */
function aBrowser(options: { offscreenOpen?: boolean; captureError?: string } = {}) {
  const badge: string[] = [];
  const sent: unknown[] = [];
  const browser: RecordingBrowser = {
    tabCapture: {
      getMediaStreamId: async () => {
        if (options.captureError) throw new Error(options.captureError);
        return "stream-1";
      },
    },
    offscreen: { createDocument: async () => undefined, closeDocument: async () => undefined },
    runtime: {
      getURL: (path) => `chrome-extension://tresteg${path}`,
      getContexts: async () =>
        options.offscreenOpen ? [{ documentUrl: "chrome-extension://tresteg/offscreen.html" }] : [],
      sendMessage: async (message) => {
        sent.push(message);
        return { ok: true };
      },
      onMessage: { addListener: () => undefined },
    },
    tabs: {
      get: async (tabId) => ({ id: tabId, url: "https://meet.jit.si/Rum", title: "Rum" }),
      onRemoved: { addListener: () => undefined },
    },
    action: {
      setBadgeText: async ({ text }) => {
        badge.push(text);
      },
      setBadgeBackgroundColor: async () => undefined,
    },
    storage: {
      session: { get: async () => ({}), set: async () => undefined, remove: async () => undefined },
    },
  };
  return { browser, badge, sent };
}

describe("the worker's side of recording", () => {
  let db: TrestegDb;
  beforeEach(() => {
    db = new TrestegDb(`worker-recording-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  const worker = (browser: RecordingBrowser, recording = ROUTINE_SETTINGS.recording) =>
    createRecordingWorker({
      browser,
      db,
      log: createIncidentLog(db),
      settings: async () => ({ ...ROUTINE_SETTINGS, recording }),
      newId: () => "r-new",
    });

  it("does not record from Alt+Shift+V until the coach has read the organisation's notice in the panel", async () => {
    const { browser, sent } = aBrowser();
    let onCommand: (command: string, tab?: { id?: number }) => void = () => undefined;
    const notified: string[] = [];
    const read: { value: string | null } = { value: null };
    const packNotice = { sv: "Spela in bara vid hot.", en: "Record only when threatened." };
    registerRecording({
      browser,
      db,
      log: createIncidentLog(db),
      settings: async () => ({
        ...ROUTINE_SETTINGS,
        pack: { ...BUILTIN_PACK, recordingNotice: packNotice },
        own: { ...ROUTINE_SETTINGS.own, recordingNoticeRead: read.value },
      }),
      newId: () => "r-new",
      commands: { onCommand: { addListener: (listener) => void (onCommand = listener) } },
      notify: async (message) => void notified.push(message),
      t: translator("sv"),
      onError: (error) => {
        throw error;
      },
    });
    onCommand(RECORD_COMMAND, { id: 7 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(notified).toEqual([translator("sv")("recording.noticeFirst")]);
    expect(sent).toEqual([]);
    expect(await db.sessions.count()).toBe(0);

    // Once confirmed (in the panel, in either language), the command records.
    read.value = packNotice.en;
    onCommand(RECORD_COMMAND, { id: 7 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(notified).toHaveLength(1);
    expect(sent.length).toBeGreaterThan(0);
  });

  it("finds a recording a crash left unfinished and logs its stop, with the committed chunks' hash", async () => {
    const log = createIncidentLog(db);
    const started = await log.startSession(aSessionStart());
    if (!started.ok) throw new Error("no session");
    const sessionId = started.value.id;
    await log.append(sessionId, {
      type: "recording-started",
      recordingId: "r-1",
      mimeType: "video/webm",
      sides: "both",
    });
    for (const [index, bytes] of [[1, 2], [3]].entries()) {
      const blob = new Blob([new Uint8Array(bytes)]);
      const sha256 = await sha256Hex(new Uint8Array(bytes));
      const chunk = {
        recordingId: "r-1",
        index,
        sessionId,
        at: index,
        sha256,
        bytes: bytes.length,
        blob,
      };
      await log.append(
        sessionId,
        { type: "recording-chunk", recordingId: "r-1", index, sha256, bytes: bytes.length },
        { alsoWrite: () => addChunk(db, chunk) },
      );
    }
    const { browser, badge } = aBrowser({ offscreenOpen: false });
    expect(await worker(browser).recoverInterrupted()).toBe(true);
    const events = await sessionEvents(db, sessionId);
    expect(events.at(-1)).toMatchObject({
      type: "recording-stopped",
      recordingId: "r-1",
      reason: "interrupted",
      chunks: 2,
      bytes: 3,
      sha256: await sha256Hex(new Uint8Array([1, 2, 3])),
    });
    expect((await verifyChain(events)).ok).toBe(true);
    expect(badge).toEqual([""]);
  });

  it("leaves a recording alone while its offscreen document still records (the worker only slept)", async () => {
    const log = createIncidentLog(db);
    const started = await log.startSession(aSessionStart());
    if (!started.ok) throw new Error("no session");
    await log.append(started.value.id, {
      type: "recording-started",
      recordingId: "r-1",
      mimeType: "video/webm",
      sides: "both",
    });
    const { browser } = aBrowser({ offscreenOpen: true });
    expect(await worker(browser).recoverInterrupted()).toBe(false);
    expect((await sessionEvents(db, started.value.id)).at(-1)?.type).toBe("recording-started");
  });

  it("refuses to record when the organisation turned recording off, asking nothing of the tab", async () => {
    const { browser, sent } = aBrowser();
    const answer = await worker(browser, { allowed: false, notice: null }).start(7, {
      startIncident: true,
    });
    expect(answer).toEqual({ ok: false, refusal: "not-allowed" });
    expect(sent).toEqual([]);
    expect(await db.sessions.count()).toBe(0);
  });

  it("says the extension was not invoked on the tab when Chrome refuses the stream id", async () => {
    const { browser, badge } = aBrowser({
      captureError:
        "Extension has not been invoked for the current page (see activeTab permission). Chrome pages cannot be captured.",
    });
    const answer = await worker(browser).start(7, { startIncident: true });
    expect(answer).toMatchObject({ ok: false, refusal: "not-invoked" });
    expect(badge).toEqual([]);
  });

  it("from the command with no incident open, starts one and asks the offscreen document to record the tab", async () => {
    const { browser, sent, badge } = aBrowser();
    expect(await worker(browser).start(7, { startIncident: true })).toEqual({ ok: true });
    const [session] = await db.sessions.toArray();
    expect(session).toMatchObject({ origin: "https://meet.jit.si", tabId: 7, kinds: [] });
    expect(sent).toEqual([
      {
        target: "offscreen",
        type: "recording:start",
        streamId: "stream-1",
        sessionId: session?.id,
        recordingId: "r-new",
        playbackMuted: false,
      },
    ]);
    expect(badge).toEqual(["REC"]);
  });
});
