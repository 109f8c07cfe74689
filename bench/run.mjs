// npm run bench: figures, not pass/fail. Each figure is printed against its bar and written to
// bench/results.json. Runs headless Chromium with the built extension (.output/chrome-mv3).
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions, ensureChromium } from "../scripts/ensure-chromium.mjs";
import { serveStatic } from "../scripts/serve.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BUILD = join(ROOT, ".output", "chrome-mv3");

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
const round = (x) => Math.round(x * 100) / 100;

async function main() {
  if (!existsSync(join(BUILD, "manifest.json"))) {
    throw new Error("No build in .output/chrome-mv3: run `npx wxt build` first");
  }
  // The floor: an empty page of the same extension. It is added to a copy of the build so the
  // shipped extension carries no benchmark page.
  const extDir = mkdtempSync(join(tmpdir(), "tresteg-bench-ext-"));
  cpSync(BUILD, extDir, { recursive: true });
  writeFileSync(join(extDir, "blank.html"), "<!doctype html><html><body></body></html>");
  const profile = mkdtempSync(join(tmpdir(), "tresteg-bench-profile-"));
  const server = await serveStatic(ROOT);
  const context = await chromium.launchPersistentContext(
    profile,
    chromiumLaunchOptions(ensureChromium(), extDir, { headless: true }),
  );
  try {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent("serviceworker");
    const id = new URL(worker.url()).host;
    const meeting = context.pages()[0] ?? (await context.newPage());
    await meeting.goto(`${server.url}/demo/meeting.html`);
    const tabId = await worker.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id,
      meeting.url(),
    );
    const panelUrl = `chrome-extension://${id}/sidepanel.html?tab=${tabId}`;
    const blankUrl = `chrome-extension://${id}/blank.html`;

    // Cold open to interactive: a new page each time, the panel interactive when its first
    // start button is enabled; alternated with the floor so drift hits both alike.
    const openOnce = async (url, ready, state = "visible") => {
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(url, { waitUntil: "commit" });
      await page.waitForSelector(ready, { state });
      const ms = performance.now() - t0;
      await page.close();
      return ms;
    };
    await openOnce(panelUrl, "button.kind:not([disabled])"); // warm the disk cache once
    const panelOpen = [];
    const blankOpen = [];
    for (let i = 0; i < 20; i++) {
      blankOpen.push(await openOnce(blankUrl, "body", "attached"));
      panelOpen.push(await openOnce(panelUrl, "button.kind:not([disabled])"));
    }

    // Phrase click to its committed entry, shown: the panel marks a phrase said only from the
    // log as read back from IndexedDB, so this includes the commit and the re-render.
    const panel = await context.newPage();
    await panel.goto(panelUrl);
    await panel.getByRole("button", { name: "Starta incident: Personangrepp" }).click();
    await panel.waitForSelector("button.phrase");
    const commit = await panel.evaluate(async (n) => {
      const button = document.querySelector('button[data-phrase-id="calm-down"]');
      const status = document.getElementById("said-calm-down");
      const times = [];
      for (let i = 1; i <= n; i++) {
        const want = i === 1 ? /^✓ Sagt \d/ : new RegExp(`Sagt ${i} gånger`);
        const t0 = performance.now();
        await new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (want.test(status.textContent) && !button.hasAttribute("aria-busy")) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
          button.click();
        });
        times.push(performance.now() - t0);
      }
      return times;
    }, 200);

    const panelMedian = quantile(panelOpen, 0.5);
    const blankMedian = quantile(blankOpen, 0.5);
    const rows = [
      {
        figure: "panel cold open → interactive, median of 20",
        value: `${round(panelMedian)} ms`,
        bar: `≤ 1.3 × floor (${round(blankMedian * 1.3)} ms)`,
        ok: panelMedian <= blankMedian * 1.3,
      },
      {
        figure: "  floor: empty extension page, median of 20",
        value: `${round(blankMedian)} ms`,
        bar: "",
        ok: null,
      },
      {
        figure: "  ratio panel / floor",
        value: `${round(panelMedian / blankMedian)} ×`,
        bar: "≤ 1.3 ×",
        ok: panelMedian / blankMedian <= 1.3,
      },
      {
        figure: "phrase click → committed + shown, p50 of 200",
        value: `${round(quantile(commit, 0.5))} ms`,
        bar: "",
        ok: null,
      },
      {
        figure: "phrase click → committed + shown, p95 of 200",
        value: `${round(quantile(commit, 0.95))} ms`,
        bar: "≤ 10 ms",
        ok: quantile(commit, 0.95) <= 10,
      },
    ];
    const width = Math.max(...rows.map((r) => r.figure.length));
    console.log(`\nTresteg benchmark — ${new Date().toISOString()}, headless Chromium\n`);
    for (const r of rows) {
      const verdict = r.ok === null ? "" : r.ok ? "  ok" : "  OVER BAR";
      console.log(`${r.figure.padEnd(width)}  ${r.value.padStart(10)}  ${r.bar}${verdict}`);
    }
    const results = {
      measuredAt: new Date().toISOString(),
      chromium: context.browser()?.version() ?? null,
      panelOpenMs: { median: panelMedian, samples: panelOpen },
      floorOpenMs: { median: blankMedian, samples: blankOpen },
      panelOverFloor: panelMedian / blankMedian,
      phraseCommitMs: {
        p50: quantile(commit, 0.5),
        p95: quantile(commit, 0.95),
        max: Math.max(...commit),
        n: commit.length,
      },
    };
    writeFileSync(join(ROOT, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
    console.log("\nwritten to bench/results.json");
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(extDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
