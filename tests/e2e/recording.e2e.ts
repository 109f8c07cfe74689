import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensurePulseAudio, ensureX11Tools } from "../../scripts/ensure-chromium.mjs";
import { chainVerifies, launchTresteg, readDb, type Tresteg } from "./harness";
import { PanelPage, until } from "./pages/panel";

// Recording the call in a real Chromium. Chrome gives a tab's stream only when the coach has
// invoked the extension on that tab (its icon, or a keyboard command: activeTab), so the test
// runs Chromium headed on a virtual X display and presses Alt+Shift+V in the meeting window
// with xdotool, as a coach's keyboard would. The meeting has a moving picture and a tone.

const DISPLAY_NUMBER = 80 + Math.floor(Math.random() * 9);
const DISPLAY = `:${DISPLAY_NUMBER}`;
const MEETING = "/tests/e2e/fixtures/recording-meeting.html";

let xvfb: ChildProcess;
let pulse: ChildProcess;
let pulseDir: string;
let xdotool: string;

/**
 * A sound server of the test's own, with a null sink (nothing is heard): Chromium on Linux
 * captures a tab's sound only where one runs. The browser finds it through PULSE_SERVER.
 */
async function startPulseAudio() {
  const pulseaudio = ensurePulseAudio({ install: false });
  pulseDir = await mkdtemp(join(tmpdir(), "tresteg-pulse-"));
  const socket = join(pulseDir, "native");
  pulse = spawn(
    pulseaudio,
    [
      "-n",
      "--daemonize=no",
      "--exit-idle-time=-1",
      "--use-pid-file=no",
      "--load=module-null-sink sink_name=tresteg",
      `--load=module-native-protocol-unix socket=${socket} auth-anonymous=1`,
    ],
    { stdio: "ignore", env: { ...process.env, HOME: pulseDir, XDG_RUNTIME_DIR: pulseDir } },
  );
  await until(
    `the sound server at ${socket}`,
    async () => existsSync(socket),
    (up) => up,
  );
  process.env.PULSE_SERVER = `unix:${socket}`;
}

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
    };
  }, recordingId);
}

beforeAll(async () => {
  await startXvfb();
  await startPulseAudio();
});
afterAll(async () => {
  xvfb?.kill();
  pulse?.kill();
  delete process.env.PULSE_SERVER;
  if (pulseDir) await rm(pulseDir, { recursive: true, force: true });
});

describe("recording the call", () => {
  let app: Tresteg;
  afterAll(async () => {
    await app?.close();
  });

  it("records about 10 s with Alt+Shift+V: a WebM with a picture and a sound, whose hashes are in the chain; the panel closing does not stop it", async () => {
    app = await launchTresteg({ display: DISPLAY });
    const meeting = await app.openMeeting(MEETING);
    await meeting.getByRole("button", { name: "Starta ljud" }).click();
    const tabId = await app.tabIdOf(meeting);
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
    expect(await app.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe("");
  });
});

declare const chrome: typeof import("wxt/browser").Browser;
