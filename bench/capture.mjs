// Capture: "Ta en skärmdump av mötet" to the screenshot stored and shown, i.e. a new evidence
// item in the panel whose thumbnail has loaded. The build is a copy with <all_urls> granted
// (a click in the panel grants no activeTab); the demo meeting's viewport is exactly the size
// measured. One fresh browser per size, so both start from an empty session.
import { copyBuild, launch, openPanel, poll, sizeViewport, tabIdOf } from "./browser.mjs";
import { median, quantile, round, row } from "./stats.mjs";

const ROUNDS = 20;
// Chrome allows two captureVisibleTab calls a second per extension; rounds start this far apart.
const MIN_SPACING_MS = 600;

/** In the panel: clicks capture, resolves when a new evidence item shows a loaded thumbnail. */
function timeCapture(button) {
  return new Promise((resolve, reject) => {
    const before = new Set(
      Array.from(document.querySelectorAll(".evidence-item"), (li) => li.dataset.evidenceId),
    );
    let t0 = 0;
    let done = false;
    const finish = (result, error) => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(result);
    };
    const check = () => {
      const fresh = Array.from(document.querySelectorAll(".evidence-item")).find(
        (li) => !before.has(li.dataset.evidenceId),
      );
      const img = fresh?.querySelector("img");
      if (!img) return;
      if (img.complete && img.naturalWidth > 0) {
        finish({
          ms: performance.now() - t0,
          id: fresh.dataset.evidenceId,
          thumb: [img.naturalWidth, img.naturalHeight],
        });
      } else if (!img.dataset.benchWatched) {
        img.dataset.benchWatched = "1";
        img.addEventListener("load", check);
      }
    };
    const timer = setTimeout(() => {
      const alert = document.querySelector("[role=alert]")?.textContent ?? "";
      finish(null, new Error(`No screenshot shown after 10 s. ${alert}`));
    }, 10_000);
    const observer = new MutationObserver(check);
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["src"],
    });
    t0 = performance.now();
    button.click();
  });
}

async function captureAt(size, { grantedBuild, tmp, server }) {
  const app = await launch(grantedBuild, tmp);
  const { context, worker } = app;
  try {
    const meeting = app.start ?? (await context.newPage());
    await meeting.goto(`${server.url}/demo/meeting.html`);
    const tabId = await tabIdOf(worker, meeting);
    const viewport = await sizeViewport(worker, meeting, tabId, size);
    const panel = await openPanel(app, tabId);
    await panel.getByRole("button", { name: "Starta incident: Personangrepp" }).click();
    await panel.locator("#step-heading").waitFor();
    const capture = panel.getByRole("button", { name: "Ta en skärmdump av mötet", exact: true });

    const samples = [];
    let warmUp = 0;
    let thumb = null;
    let last = 0;
    for (let i = 0; i <= ROUNDS; i++) {
      await poll("the capture button enabled", 10_000, async () =>
        (await capture.isEnabled()) ? true : undefined,
      );
      const wait = last + MIN_SPACING_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      last = Date.now();
      const handle = await capture.elementHandle();
      const shot = await panel.evaluate(timeCapture, handle);
      await handle.dispose();
      // Round 0 warms up (first capture, first thumbnail decode); it is kept apart.
      if (i === 0) warmUp = shot.ms;
      else samples.push(shot.ms);
      thumb = shot.thumb;
    }
    // What was stored: the last screenshot's size as recorded in IndexedDB.
    const stored = await panel.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open("tresteg");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction("evidence").objectStore("evidence").getAll();
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              open.result.close();
              const all = req.result;
              const lastShot = all[all.length - 1];
              resolve({
                count: all.length,
                width: lastShot?.width,
                height: lastShot?.height,
                pngBytes: lastShot?.png.size,
              });
            };
          };
        }),
    );
    if (stored.count !== ROUNDS + 1 || stored.width !== size.width) {
      throw new Error(`Stored screenshots are not as taken: ${JSON.stringify(stored)}`);
    }
    return {
      median: median(samples),
      p95: quantile(samples, 0.95),
      max: Math.max(...samples),
      warmUp,
      samples,
      viewport,
      stored,
      thumbnail: thumb,
    };
  } finally {
    await context.close();
  }
}

export async function benchCapture({ build, tmp, server }) {
  const grantedBuild = copyBuild(build, tmp, { grant: ["<all_urls>"] });
  const small = await captureAt({ width: 1280, height: 720 }, { grantedBuild, tmp, server });
  const large = await captureAt({ width: 1920, height: 1080 }, { grantedBuild, tmp, server });
  return {
    rows: [
      row(
        `capture 1280×720: click → stored + shown, median of ${ROUNDS}`,
        `${round(small.median)} ms`,
      ),
      row(
        `capture 1920×1080: click → stored + shown, median of ${ROUNDS}`,
        `${round(large.median)} ms`,
        "≤ 250 ms",
        large.median <= 250,
      ),
    ],
    results: { captureMs: { "1280x720": small, "1920x1080": large } },
  };
}
