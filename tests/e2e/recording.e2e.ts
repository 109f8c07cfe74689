import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureX11Tools } from "../../scripts/ensure-chromium.mjs";
import { chainVerifies, launchTresteg, readDb, type Tresteg } from "./harness";
import { PanelPage, until } from "./pages/panel";

// Recording the call in a real Chromium. Chrome gives a tab's stream only when the coach has
// invoked the extension on that tab (its icon, or a keyboard command: activeTab), so the test
// runs Chromium headed on a virtual X display and presses Alt+Shift+V in the meeting window
// with xdotool, as a coach's keyboard would. The meeting has a moving picture and a tone.
// The browser keeps its real media prompts here: with --use-fake-ui-for-media-stream, which
// the other tests use, Chromium refuses the tab's sound ("Requested device not found").

const DISPLAY_NUMBER = 80 + Math.floor(Math.random() * 9);
const DISPLAY = `:${DISPLAY_NUMBER}`;
const MEETING = "/tests/e2e/fixtures/recording-meeting.html";

let xvfb: ChildProcess;
let xdotool: string;

async function startXvfb() {
  const tools = ensureX11Tools({ install: false });
  xdotool = tools.xdotool;
  xvfb = spawn(tools.xvfb, [DISPLAY, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"], {
    stdio: "ignore",
  });
  await until(
    `the X display ${DISPLAY}`,
    async () => existsSync(`/tmp/.X11-unix/X${DISPLAY_NUMBER}`),
    (up) => up,
  );
}

/** Presses keys in the window whose title starts like `windowName`, as a keyboard would. */
function key(windowName: string, keys: string) {
  const env = { ...process.env, DISPLAY };
  const found = spawnSync(xdotool, ["search", "--name", windowName], { env, encoding: "utf8" });
  const id = found.stdout.trim().split("\n")[0];
  if (!id) throw new Error(`No window named like "${windowName}" on ${DISPLAY}`);
  spawnSync(xdotool, ["windowfocus", "--sync", id], { env });
  const pressed = spawnSync(xdotool, ["key", "--clearmodifiers", keys], { env, encoding: "utf8" });
  if (pressed.status !== 0) throw new Error(`xdotool key failed: ${pressed.stderr}`);
}

type Row = Record<string, unknown>;
type Stores = { events: Row[]; chunks: Row[]; sessions: Row[] };

/** Every store, read in an extension page; the chunks' blobs come back as their SHA-256. */
async function stores(page: Page): Promise<Stores & { chunkHashes: string[] }> {
  const read = await readDb<Stores>(page, "tresteg");
  const chunkHashes = await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const open = indexedDB.open("tresteg");
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const rows: Array<{ blob: Blob }> = await new Promise((ok) => {
      const req = db.transaction("chunks").objectStore("chunks").getAll();
      req.onsuccess = () => ok(req.result);
    });
    db.close();
    const hex = (b: ArrayBuffer) =>
      Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, "0")).join("");
    return Promise.all(
      rows.map(async (r) => hex(await crypto.subtle.digest("SHA-256", await r.blob.arrayBuffer()))),
    );
  });
  return { ...read, chunkHashes };
}

/** One recording's WebM (its chunks in order), decoded in the page by a <video> element. */
function decode(page: Page, recordingId: string) {
  return page.evaluate(async (recordingId) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const open = indexedDB.open("tresteg");
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const rows: Array<{ recordingId: string; index: number; blob: Blob }> = await new Promise(
      (ok) => {
        const req = db.transaction("chunks").objectStore("chunks").getAll();
        req.onsuccess = () => ok(req.result);
      },
    );
    db.close();
    const mine = rows
      .filter((r) => r.recordingId === recordingId)
      .sort((a, b) => a.index - b.index);
    const file = new Blob(
      mine.map((r) => r.blob),
      { type: "video/webm" },
    );
    const bytes = new Uint8Array(await file.arrayBuffer());
    const digest = await crypto.subtle.digest("SHA-256", bytes);
    const sha256 = Array.from(new Uint8Array(digest), (x) => x.toString(16).padStart(2, "0")).join(
      "",
    );
    // The sound itself, decoded to samples: over one second from the middle of the file, the
    // share of its energy at each frequency (Goertzel's filter), to find the fixture's tone.
    const audio = new AudioContext();
    const rate = audio.sampleRate;
    const samples = (await audio.decodeAudioData(bytes.slice().buffer)).getChannelData(0);
    void audio.close();
    const middle = samples.subarray(Math.floor(samples.length / 2), samples.length / 2 + rate);
    const energy = middle.reduce((sum, x) => sum + x * x, 0);
    const shareAt = (hz: number) => {
      const c = 2 * Math.cos((2 * Math.PI * hz) / rate);
      let [s1, s2] = [0, 0];
      for (const x of middle) [s1, s2] = [x + c * s1 - s2, s1];
      return (s1 * s1 + s2 * s2 - c * s1 * s2) / (middle.length / 2) / energy;
    };
    const scan = Array.from({ length: 50 }, (_, i) => 40 + i * 40).map((hz) => ({
      hz,
      share: shareAt(hz),
    }));
    const loudest = scan.reduce((a, b) => (b.share > a.share ? b : a));
    const sound = {
      rms: Math.sqrt(energy / middle.length),
      loudestHz: loudest.hz,
      share440: shareAt(440),
    };
    const video = document.createElement("video");
    video.muted = true;
    video.src = URL.createObjectURL(file);
    document.body.append(video);
    await new Promise((ok, fail) => {
      video.onloadedmetadata = ok;
      video.onerror = () => fail(new Error(`not decodable: ${video.error?.message}`));
    });
    // A MediaRecorder WebM says its length only once read to the end.
    video.currentTime = 1e6;
    await new Promise((ok) => {
      video.ondurationchange = ok;
      setTimeout(ok, 3000);
    });
    const duration = video.duration;
    video.currentTime = 0;
    await video.play();
    await new Promise((ok) => setTimeout(ok, 1500));
    video.pause();
    const v = video as HTMLVideoElement & {
      webkitDecodedFrameCount: number;
      webkitAudioDecodedByteCount: number;
    };
    return {
      sha256,
      duration,
      width: video.videoWidth,
      height: video.videoHeight,
      framesDecoded: v.webkitDecodedFrameCount,
      audioBytesDecoded: v.webkitAudioDecodedByteCount,
      sound,
    };
  }, recordingId);
}

beforeAll(async () => {
  await startXvfb();
});
afterAll(() => {
  xvfb?.kill();
});

/**
 * Tresteg headed on the test's display with the browser's real media prompts (the fake-UI flag
 * makes Chromium refuse a tab's sound), the microphone allowed as a coach who said yes to it
 * once has it, and the meeting playing its tone.
 */
async function meetingToRecord(app: Tresteg) {
  await app.context.grantPermissions(["microphone"]);
  const meeting = await app.openMeeting(MEETING);
  await meeting.getByRole("button", { name: "Starta ljud" }).click();
  await until(
    "the meeting's tone",
    () => meeting.evaluate(() => document.body.dataset.tone),
    (tone) => tone === "on",
  );
  return { meeting, tabId: await app.tabIdOf(meeting) };
}

const launch = () => launchTresteg({ display: DISPLAY, fakeMediaUi: false });

describe("recording the call", () => {
  let app: Tresteg | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it("records about 10 s with Alt+Shift+V: a WebM with a picture and the meeting's tone, whose hashes are in the chain; the panel closing does not stop it", async () => {
    app = await launch();
    const { tabId } = await meetingToRecord(app);
    // A panel open over the meeting, then closed while recording: the recording goes on.
    const first = new PanelPage(await app.openPanel(tabId));
    await first.page.getByRole("heading", { name: "Starta incident" }).waitFor();

    key("Inspelningsm", "alt+shift+v");
    await first.page.getByTestId("recording-on").waitFor({ timeout: 20_000 });
    expect(await first.page.getByTestId("kinds").textContent()).toBe("Typ ej vald");
    const badge = await app.worker.evaluate(() => chrome.action.getBadgeText({}));
    expect(badge).toBe("REC");
    await first.page.close();

    await new Promise((ok) => setTimeout(ok, 10_000));
    const panel = new PanelPage(await app.openPanel(tabId));
    await panel.page.getByTestId("recording-on").waitFor();
    const during = await stores(panel.page);
    // Chunks kept coming with no panel open: about one every two seconds.
    expect(during.chunks.length).toBeGreaterThanOrEqual(4);
    await panel.page.getByRole("button", { name: "Stoppa inspelningen" }).click();
    const after = await until(
      "the stop logged",
      () => stores(panel.page),
      (s) => s.events.some((e) => e.type === "recording-stopped"),
    );
    const started = after.events.find((e) => e.type === "recording-started") as Row;
    const stopped = after.events.find((e) => e.type === "recording-stopped") as Row;
    expect(started).toMatchObject({
      sides: "both",
      mimeType: expect.stringMatching(/^video\/webm/),
    });
    expect(stopped).toMatchObject({ reason: "coach" });
    const chunkEntries = after.events.filter((e) => e.type === "recording-chunk");
    expect(stopped.chunks).toBe(chunkEntries.length);
    // Every stored chunk's bytes hash to a chunk entry of the chain, and the other way round.
    expect([...after.chunkHashes].sort()).toEqual(chunkEntries.map((e) => e.sha256).sort());
    expect(chainVerifies(after.events)).toBe(true);

    const webm = await decode(panel.page, started.recordingId as string);
    expect(webm.sha256).toBe(stopped.sha256);
    expect(webm.duration).toBeGreaterThan(9);
    expect(webm.duration).toBeLessThan(25);
    expect(webm.width).toBeGreaterThan(0);
    expect(webm.framesDecoded).toBeGreaterThan(0);
    expect(webm.audioBytesDecoded).toBeGreaterThan(0);
    // The client's tone is what is loudest in it (the fake microphone beeps beside it).
    expect(webm.sound.rms).toBeGreaterThan(0.05);
    expect(webm.sound.loudestHz).toBe(440);
    expect(webm.sound.share440).toBeGreaterThan(0.1);
    expect(await app.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe("");
  });

  it("keeps every committed chunk when the browser is killed while recording, and logs the recording interrupted", async () => {
    app = await launch();
    const { tabId } = await meetingToRecord(app);
    const panel = new PanelPage(await app.openPanel(tabId));
    await panel.page.getByRole("heading", { name: "Starta incident" }).waitFor();
    key("Inspelningsm", "alt+shift+v");
    await panel.page.getByTestId("recording-on").waitFor({ timeout: 20_000 });
    const before = await until(
      "three chunks committed",
      () => stores(panel.page),
      (s) => s.events.filter((e) => e.type === "recording-chunk").length >= 3,
    );
    const committed = before.events.filter((e) => e.type === "recording-chunk");

    const killed = await app.killBrowserAndRestart();
    expect(killed).toBeGreaterThan(0);
    const meeting = await app.openMeeting(`${MEETING}?after=kill`);
    const again = new PanelPage(await app.openPanel(await app.tabIdOf(meeting)));
    const after = await until(
      "the interruption logged",
      () => stores(again.page),
      (s) => s.events.some((e) => e.type === "recording-stopped"),
    );
    const chunkEntries = after.events.filter((e) => e.type === "recording-chunk");
    // Every chunk entry committed before the kill is still there, unchanged, its chunk too.
    expect(chunkEntries.slice(0, committed.length)).toEqual(committed);
    expect([...after.chunkHashes].sort()).toEqual(chunkEntries.map((e) => e.sha256).sort());
    expect(chainVerifies(after.events)).toBe(true);
    const started = after.events.find((e) => e.type === "recording-started") as Row;
    const stopped = after.events.find((e) => e.type === "recording-stopped") as Row;
    expect(stopped).toMatchObject({ reason: "interrupted", chunks: chunkEntries.length });
    // What was kept plays: the hash logged at the interruption is the kept chunks' WebM's.
    const webm = await decode(again.page, started.recordingId as string);
    expect(webm.sha256).toBe(stopped.sha256);
    expect(webm.duration).toBeGreaterThan(2 * (committed.length - 1));
    expect(webm.framesDecoded).toBeGreaterThan(0);
    expect(webm.sound.loudestHz).toBe(440);
    expect(await app.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe("");
  });
});

declare const chrome: typeof import("wxt/browser").Browser;
