// Recording the call: the key press (Alt+Shift+V) to the first chunk committed to IndexedDB,
// the bytes a minute of a moving 1280×720 meeting takes, the browser's extra CPU while it
// records, and the phrase commit while it records. A tab's stream needs the extension
// invoked on the tab (a command), so this scenario alone runs Chromium headed on its own
// Xvfb display and presses the keys with xdotool, with the browser's real media prompts
// (the fake-UI flag makes Chromium refuse a tab's sound), as tests/e2e/recording.e2e.ts does.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { ensureX11Tools } from "../scripts/ensure-chromium.mjs";
import { launch, openPanel, poll, sayCalmDown, sizeViewport, tabIdOf } from "./browser.mjs";
import { quantile, round, row } from "./stats.mjs";

const MEETING = "/tests/e2e/fixtures/recording-meeting.html";
const RECORD_MS = 60_000;
const CPU_WINDOW_MS = 20_000;
const PHRASES = 200;
// Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ; 100 on every Linux Chromium runs on).
const TICKS = 100;

/** Every process whose parent chain reaches `root` (the browser's helpers), with `root`. */
function processTree(root) {
  const parents = new Map();
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      parents.set(pid, stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {
      // ended
    }
  }
  const tree = new Set([String(root)]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

/** CPU ms used by the browser's process tree, per pid. */
function cpuOfTree(root) {
  const times = new Map();
  for (const pid of processTree(root)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      times.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS);
    } catch {
      // ended
    }
  }
  return times;
}

/** Share of one core used by the browser's processes over `ms` (new processes count from 0). */
async function coreShare(root, ms) {
  const before = cpuOfTree(root);
  const t0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuOfTree(root);
  const wall = performance.now() - t0;
  let used = 0;
  for (const [pid, t] of after) used += t - (before.get(pid) ?? 0);
  return used / wall;
}

/** The browser's own process (the one of this profile without --type=). */
function browserPid(profile) {
  const found = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        return (
          args.includes(`--user-data-dir=${profile}`) && !args.some((a) => a.startsWith("--type="))
        );
      } catch {
        return false;
      }
    });
  if (found.length !== 1) throw new Error(`${found.length} browser processes for ${profile}`);
  return Number(found[0]);
}

async function startXvfb() {
  const tools = ensureX11Tools({ install: false });
  const number = 90 + Math.floor(Math.random() * 9);
  const xvfb = spawn(
    tools.xvfb,
    [`:${number}`, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
    {
      stdio: "ignore",
    },
  );
  await poll(`the X display :${number}`, 10_000, async () =>
    existsSync(`/tmp/.X11-unix/X${number}`) ? true : undefined,
  );
  return { display: `:${number}`, xdotool: tools.xdotool, stop: () => xvfb.kill() };
}

/** Alt+Shift+V in the meeting's window, as the coach's keyboard would press it. */
function pressRecord({ display, xdotool }) {
  const env = { ...process.env, DISPLAY: display };
  const found = spawnSync(xdotool, ["search", "--name", "Inspelningsm"], { env, encoding: "utf8" });
  const id = found.stdout.trim().split("\n")[0];
  if (!id) throw new Error(`No meeting window on ${display}`);
  spawnSync(xdotool, ["windowfocus", "--sync", id], { env });
  const t0 = Date.now();
  const pressed = spawnSync(xdotool, ["key", "--clearmodifiers", "alt+shift+v"], { env });
  if (pressed.status !== 0) throw new Error(`xdotool key failed: ${pressed.stderr}`);
  return t0;
}

/** In an extension page: waits for the first chunk in IndexedDB, polling every 5 ms. */
function firstChunkSeen() {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 20_000;
    const look = () => {
      const open = indexedDB.open("tresteg");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const names = Array.from(db.objectStoreNames);
        if (!names.includes("chunks")) {
          db.close();
          return setTimeout(look, 5);
        }
        const req = db.transaction("chunks").objectStore("chunks").count();
        req.onsuccess = () => {
          db.close();
          if (req.result > 0) resolve(Date.now());
          else if (Date.now() > deadline) reject(new Error("No chunk committed after 20 s"));
          else setTimeout(look, 5);
        };
        req.onerror = () => reject(req.error);
      };
    };
    look();
  });
}

/** The log's recording entries and the recorded picture's size, read in an extension page. */
function recordingResult() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("tresteg");
    open.onerror = () => reject(open.error);
    open.onsuccess = async () => {
      const db = open.result;
      const all = (store) =>
        new Promise((ok, fail) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
      const events = (await all("events")).filter((e) => e.type.startsWith("recording-"));
      const chunks = (await all("chunks")).sort((a, b) => a.index - b.index);
      db.close();
      const video = document.createElement("video");
      video.muted = true;
      video.src = URL.createObjectURL(
        new Blob(
          chunks.map((c) => c.blob),
          { type: "video/webm" },
        ),
      );
      await new Promise((ok, fail) => {
        video.onloadedmetadata = ok;
        video.onerror = () => fail(new Error("the recording does not decode"));
      });
      resolve({ events, width: video.videoWidth, height: video.videoHeight });
    };
  });
}

export async function benchRecording({ build, tmp, server }) {
  const x = await startXvfb();
  try {
    const app = await launch(build, tmp, { display: x.display, fakeMediaUi: false });
    const { context, worker } = app;
    try {
      // The microphone allowed before, as a coach who said yes once has it: both sides recorded.
      await context.grantPermissions(["microphone"]);
      const meeting = app.start ?? (await context.newPage());
      await meeting.goto(`${server.url}${MEETING}`);
      const tabId = await tabIdOf(worker, meeting);
      const viewport = await sizeViewport(worker, meeting, tabId, { width: 1280, height: 720 });
      await meeting.getByRole("button", { name: "Starta ljud" }).click();
      const panel = await openPanel(app, tabId);
      await panel.getByRole("button", { name: "Starta incident: Personangrepp" }).click();
      await panel.waitForSelector('button[data-phrase-id="calm-down"]');
      const root = browserPid(app.profile);

      // The moving meeting with its tone and the incident open, not recording: the floor.
      const idleShare = await coreShare(root, CPU_WINDOW_MS);
      // The phrase commit in this same browser, not recording, paced as a person clicks.
      const floor = await sayCalmDown(panel, PHRASES, { paced: true });

      const seen = panel.evaluate(firstChunkSeen);
      const pressedAt = pressRecord(x);
      const firstChunkMs = (await seen) - pressedAt;
      const recordingFrom = Date.now();
      const recordingShare = await coreShare(root, CPU_WINDOW_MS);

      // The phrase commit while it records, paced as a person clicks (as in the open-commit bench).
      const commit = await sayCalmDown(panel, PHRASES, { paced: true, from: PHRASES });

      const rest = RECORD_MS - (Date.now() - recordingFrom);
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
      await panel.getByRole("button", { name: "Stoppa inspelningen" }).click();
      await poll("the recording's stop logged", 20_000, async () => {
        const { events } = await panel.evaluate(recordingResult);
        return events.some((e) => e.type === "recording-stopped") ? true : undefined;
      });
      const result = await panel.evaluate(recordingResult);
      const started = result.events.find((e) => e.type === "recording-started");
      const stopped = result.events.find((e) => e.type === "recording-stopped");
      if (stopped.reason !== "coach") throw new Error(`The recording stopped: ${stopped.reason}`);
      const minutes = (stopped.at - started.at) / 60_000;
      const bytesPerMinute = stopped.bytes / minutes;
      const extraShare = recordingShare - idleShare;
      const p95 = quantile(commit, 0.95);
      const size = `${result.width}×${result.height}`;
      return {
        rows: [
          row("recording: Alt+Shift+V → first chunk committed", `${Math.round(firstChunkMs)} ms`),
          row(
            `recording: bytes per minute, moving meeting at ${size} with sound`,
            `${round(bytesPerMinute / 1e6)} MB`,
          ),
          row(
            `recording: extra CPU while recording (${CPU_WINDOW_MS / 1000} s vs not recording)`,
            `${Math.round(extraShare * 100)} % of a core`,
            "≤ 15 % of a core",
            extraShare <= 0.15,
          ),
          row(
            `recording: phrase click → committed + shown while recording, p95 of ${PHRASES}`,
            `${round(p95)} ms`,
            "≤ 10 ms",
            p95 <= 10,
          ),
          row(
            `  same browser (headed), not recording, p95 of ${PHRASES}`,
            `${round(quantile(floor, 0.95))} ms`,
          ),
        ],
        results: {
          recording: {
            firstChunkMs,
            bytesPerMinute,
            recordedMs: stopped.at - started.at,
            bytes: stopped.bytes,
            chunks: stopped.chunks,
            sides: started.sides,
            picture: { width: result.width, height: result.height },
            viewport,
            coreShare: { notRecording: idleShare, recording: recordingShare, extra: extraShare },
            phraseCommitNotRecording: {
              p50: quantile(floor, 0.5),
              p95: quantile(floor, 0.95),
              max: Math.max(...floor),
              n: floor.length,
              samples: floor,
            },
            phraseCommitWhileRecording: {
              p50: quantile(commit, 0.5),
              p95,
              max: Math.max(...commit),
              n: commit.length,
              samples: commit,
            },
          },
        },
      };
    } finally {
      await context.close();
    }
  } finally {
    x.stop();
  }
}
