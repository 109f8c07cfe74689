// The side panel's JS heap after loading a heavy session: 1,000 log entries made by clicks,
// then a new panel opened on it (as after closing and reopening), garbage collected, measured.
// Screenshots are left out: their images are Blobs outside the JS heap.
import { copyBuild, launch, openPanel, sayCalmDown, tabIdOf } from "./browser.mjs";

const ENTRIES = 1000;
const BAR_MB = 15;

export async function benchHeap({ build, tmp, server }) {
  const app = await launch(copyBuild(build, tmp), tmp);
  try {
    const meeting = app.start ?? (await app.context.newPage());
    await meeting.goto(`${server.url}/demo/meeting.html`);
    const tabId = await tabIdOf(app.worker, meeting);
    let panel = await openPanel(app, tabId);
    await panel.getByRole("button", { name: "Starta incident: Personangrepp" }).click();
    await panel.waitForSelector('button[data-phrase-id="calm-down"]');
    // The clicks, in the page: each waits until the panel shows the phrase said again.
    await sayCalmDown(panel, ENTRIES - 1);
    await panel.close();
    panel = await openPanel(app, tabId);
    await panel.waitForFunction(
      (n) => document.querySelector("#said-calm-down")?.textContent?.includes(`Sagt ${n} gånger`),
      ENTRIES - 1,
    );
    const cdp = await app.context.newCDPSession(panel);
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    const mb = usedSize / 2 ** 20;
    return {
      rows: [
        {
          figure: `panel JS heap with a ${ENTRIES}-entry session open`,
          value: `${mb.toFixed(2)} MB`,
          bar: `≤ ${BAR_MB} MB`,
          ok: mb <= BAR_MB,
        },
      ],
      results: { panelHeapMB: { used: mb, entries: ENTRIES } },
    };
  } finally {
    await app.context.close();
  }
}
