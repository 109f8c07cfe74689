// npm run bench: figures, not pass/fail. Each figure is printed against its bar in one table and
// written to bench/results.json; a figure over its bar is reported, never an exit code. Runs
// headless Chromium with the development build (.output/chrome-mv3-dev), a fresh profile per scenario
// (the recording scenario alone runs it headed on an Xvfb display of its own, see recording.mjs).
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../scripts/serve.mjs";
import { benchCapture } from "./capture.mjs";
import { benchDraft } from "./draft.mjs";
import { benchHeap } from "./heap.mjs";
import { benchMute } from "./mute.mjs";
import { benchMutePlatforms } from "./mute-platforms.mjs";
import { benchOpenAndCommit } from "./open-commit.mjs";
import { benchRecording } from "./recording.mjs";
import { benchPanelJsSize } from "./size.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// The development build: the benchmark drives the demo meeting on localhost.
const BUILD = join(ROOT, ".output", "chrome-mv3-dev");

function printTable(rows) {
  const verdict = (ok) => (ok === null ? "" : ok === true ? "ok" : ok === false ? "OVER BAR" : ok);
  const table = [
    { figure: "figure", value: "value", bar: "bar", verdict: "verdict" },
    ...rows.map((r) => ({ ...r, verdict: verdict(r.ok) })),
  ];
  const w = (key) => Math.max(...table.map((r) => r[key].length));
  const [wf, wv, wb] = [w("figure"), w("value"), w("bar")];
  for (const [i, r] of table.entries()) {
    const line = `${r.figure.padEnd(wf)}  ${r.value.padStart(wv)}  ${r.bar.padEnd(wb)}  ${r.verdict}`;
    console.log(line.trimEnd());
    if (i === 0) console.log("-".repeat(wf + wv + wb + 6 + "verdict".length));
  }
}

async function main() {
  if (!existsSync(join(BUILD, "manifest.json"))) {
    throw new Error("No build in .output/chrome-mv3-dev: run `npm run build:dev` first");
  }
  const started = performance.now();
  // Every temporary file of the run (build copies, profiles, the bundled draft bench) is in here.
  const tmp = mkdtempSync(join(tmpdir(), "tresteg-bench-"));
  const cleanUp = () => rmSync(tmp, { recursive: true, force: true });
  const onSignal = () => {
    cleanUp();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  // One snapshot of the build for the whole run, so a rebuild meanwhile cannot mix builds.
  const build = join(tmp, "build");
  cpSync(BUILD, build, { recursive: true });
  const server = await serveStatic(ROOT);
  const env = { root: ROOT, build, tmp, server };
  const seconds = {};
  const timed = async (name, run) => {
    const t0 = performance.now();
    const result = await run();
    seconds[name] = Math.round(performance.now() - t0) / 1000;
    return result;
  };
  try {
    // Node-only figures first, while no browser competes for the CPUs.
    const size = await timed("size", () => benchPanelJsSize(env));
    const draft = await timed("draft", () => benchDraft(env));
    const open = await timed("openAndCommit", () => benchOpenAndCommit(env));
    const mute = await timed("mute", () => benchMute(env));
    const mutePerPlatform = await timed("mutePerPlatform", () => benchMutePlatforms(env));
    const capture = await timed("capture", () => benchCapture(env));
    const heap = await timed("heap", () => benchHeap(env));
    const recording = await timed("recording", () => benchRecording(env));
    const parts = [open, mute, mutePerPlatform, capture, recording, draft, size, heap];

    const cpu = cpus();
    const machine = {
      chromium: open.chromium,
      cpus: availableParallelism(),
      cpuModel: cpu[0]?.model?.trim() ?? null,
      memoryGB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
    };
    console.log(`\nTresteg benchmark — ${new Date().toISOString()}`);
    console.log(
      `Chromium ${machine.chromium} (headless) · ${machine.cpus} CPUs (${machine.cpuModel}) · ` +
        `${machine.memoryGB} GB · Node ${machine.node} · ${machine.platform}\n`,
    );
    printTable(parts.flatMap((p) => p.rows));
    const total = Math.round(performance.now() - started) / 1000;
    const results = {
      measuredAt: new Date().toISOString(),
      ...machine,
      ...Object.assign({}, ...parts.map((p) => p.results)),
      benchSeconds: { ...seconds, total },
    };
    writeFileSync(join(ROOT, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${total} s; written to bench/results.json`);
  } finally {
    await server.close();
    cleanUp();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
