import type { Page } from "playwright-core";
import type { Browser } from "wxt/browser";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { type Tresteg, launchTresteg } from "./harness";
import { PanelPage, until } from "./pages/panel";

// The readiness line in the real panel beside the platform fixtures, with the real meeting
// script answering the probe: what Tresteg can do on the page before anything happens, and
// the line following the page when it changes. The fixtures are used as they are; a change
// is made from the outside (page.evaluate), as a platform re-rendering its toolbar would.

declare const chrome: typeof Browser;

const FIXTURES = "/tests/e2e/fixtures/platforms";
/** The panel looks again every 5 s while shown; a change must show within that and a probe. */
const REFRESH_WITHIN_MS = 8000;

let app: Tresteg;
let n = 0;

async function openMeeting(name: string) {
  n += 1;
  const page = await app.openMeeting(`${FIXTURES}/${name}.html?n=${n}`);
  await page.waitForFunction(() => document.body.dataset.media !== undefined);
  return { page, tabId: await app.tabIdOf(page) };
}

/** capability → "ready" | "by-hand", from the line's list (rendered, folded or not). */
function statuses(panel: Page) {
  return panel
    .locator("[data-testid=readiness] li[data-capability]")
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((li) => [li.getAttribute("data-capability"), li.getAttribute("data-status")]),
      ),
    );
}

const summary = (panel: Page) =>
  panel.locator("[data-testid=readiness] summary").textContent({ timeout: 10_000 });

const ALL_READY = {
  "client-sound": "ready",
  "client-picture": "ready",
  "own-mic": "ready",
  "own-camera": "ready",
  leave: "ready",
};

beforeAll(async () => {
  app = await launchTresteg();
});
afterAll(async () => {
  await app?.close();
});

describe("the readiness line on a Jitsi meeting", () => {
  let meeting: { page: Page; tabId: number };
  let panel: PanelPage;

  beforeAll(async () => {
    meeting = await openMeeting("jitsi");
    panel = new PanelPage(await app.openPanel(meeting.tabId));
    await panel.page.getByRole("heading", { name: "Starta incident" }).waitFor();
  });

  it("says all five are found, without pressing anything on the page", async () => {
    const before = await meeting.page.evaluate(() => ({ ...document.body.dataset }));
    await until(
      "the line read from the page",
      () => statuses(panel.page),
      (s) => "leave" in s,
    );
    expect(await statuses(panel.page)).toEqual(ALL_READY);
    expect(await summary(panel.page)).toBe(
      "Här kan Tresteg: stänga av klientens ljud ✓ (klart), täcka klientens bild ✓ (klart), " +
        "stänga av din mikrofon ✓ (klart), stänga av din kamera ✓ (klart), lägga på ✓ (klart)",
    );
    // Probing read the page only: mic, camera and call are as they were, nothing covered.
    expect(await meeting.page.evaluate(() => ({ ...document.body.dataset }))).toEqual(before);
    expect(await meeting.page.locator("[data-tresteg-cover]").count()).toBe(0);
    const muted = await app.worker.evaluate(
      async (id) => (await chrome.tabs.get(id)).mutedInfo?.muted ?? false,
      meeting.tabId,
    );
    expect(muted).toBe(false);
  });

  it("folds open to say what was found, and that nothing was tried", async () => {
    await panel.page.locator("[data-testid=readiness] summary").click();
    const list = panel.page.getByRole("list", { name: "Här kan Tresteg" });
    await list.waitFor();
    expect(await list.getByRole("listitem").nth(2).textContent()).toBe(
      "stänga av din mikrofon: klart. Mikrofonknappen hittad i Jitsi Meet. " +
        "Inte provad: Tresteg trycker först i pausen.",
    );
  });

  it("follows the page: its toolbar gone, the three controls are by hand, and back", async () => {
    const gone = Date.now();
    // Whatever this test finds, the next ones start from a page with its toolbar.
    onTestFinished(() =>
      meeting.page.evaluate(() => {
        const removed = (window as unknown as { removedToolbox?: [Element, Element] })
          .removedToolbox;
        if (removed && !removed[0].isConnected) removed[1].append(removed[0]);
      }),
    );
    await meeting.page.evaluate(() => {
      const toolbox = document.getElementById("new-toolbox");
      if (!toolbox?.parentElement) throw new Error("the fixture has no #new-toolbox");
      (window as unknown as { removedToolbox: [Element, Element] }).removedToolbox = [
        toolbox,
        toolbox.parentElement,
      ];
      toolbox.remove();
    });
    await until(
      "the line to show the controls by hand",
      () => statuses(panel.page),
      (s) => s["own-mic"] === "by-hand",
      REFRESH_WITHIN_MS,
    );
    const tookMs = Date.now() - gone;
    console.info(`readiness line followed a removed toolbar in ${tookMs} ms`);
    expect(await statuses(panel.page)).toEqual({
      ...ALL_READY,
      "own-mic": "by-hand",
      "own-camera": "by-hand",
      leave: "by-hand",
    });
    expect(await panel.page.getByRole("list", { name: "Här kan Tresteg" }).textContent()).toContain(
      "Ingen mikrofonknapp hittad i Jitsi Meet just nu.",
    );
    // Said once, politely, beside the line. The status line is written in the render after
    // the one that changed the list (an effect compares the readings), so it is awaited.
    const announced = await until(
      "the change to be announced",
      () => panel.page.getByTestId("readiness-announcement").textContent(),
      (s) => Boolean(s),
      2000,
    );
    expect(announced).toBe(
      "Ändrat på mötessidan: stänga av din mikrofon – för hand, " +
        "stänga av din kamera – för hand, lägga på – för hand",
    );

    await meeting.page.evaluate(() => {
      const [toolbox, parent] = (window as unknown as { removedToolbox: [Element, Element] })
        .removedToolbox;
      parent.append(toolbox);
    });
    await until(
      "the line to show the controls found again",
      () => statuses(panel.page),
      (s) => s["own-mic"] === "ready" && s.leave === "ready",
      REFRESH_WITHIN_MS,
    );
  });

  it("says it in English when the panel speaks English", async () => {
    await panel.click(/Byt språk till engelska/);
    onTestFinished(async () => {
      const back = panel.page.getByRole("button", { name: /Switch language to Swedish/ });
      if ((await back.count()) > 0) await back.click();
    });
    await until(
      "the English line",
      () => summary(panel.page),
      (s) => s?.startsWith("Here Tresteg can:") ?? false,
    );
    expect(await summary(panel.page)).toBe(
      "Here Tresteg can: mute the client's sound ✓ (ready), cover the client's picture ✓ (ready), " +
        "turn off your microphone ✓ (ready), turn off your camera ✓ (ready), hang up ✓ (ready)",
    );
  });

  it("follows the tab to another page: a video page Tresteg does not know", async () => {
    await meeting.page.goto(`${app.baseUrl}${FIXTURES}/no-controls.html?n=${++n}`);
    await until(
      "the line for the unknown page",
      () => statuses(panel.page),
      (s) => s["own-mic"] === "by-hand",
      REFRESH_WITHIN_MS,
    );
    expect(await statuses(panel.page)).toEqual({
      "client-sound": "ready",
      "client-picture": "ready",
      "own-mic": "by-hand",
      "own-camera": "by-hand",
      leave: "by-hand",
    });
    expect(await panel.page.getByRole("list", { name: "Här kan Tresteg" }).textContent()).toContain(
      "Okänd plattform: Tresteg känner inte sidans knappar och trycker inte på dem.",
    );
  });
});

describe("the readiness line on a video page Tresteg does not know", () => {
  it("says from the first look that the mic, camera and leave are by hand", async () => {
    const meeting = await openMeeting("no-controls");
    const panel = await app.openPanel(meeting.tabId);
    await until(
      "the line read from the page",
      () => statuses(panel),
      (s) => "leave" in s,
    );
    expect(await summary(panel)).toBe(
      "Här kan Tresteg: stänga av klientens ljud ✓ (klart), täcka klientens bild ✓ (klart), " +
        "stänga av din mikrofon – för hand, stänga av din kamera – för hand, lägga på – för hand",
    );
    // Nothing changed since the panel opened: nothing is announced.
    expect(await panel.getByTestId("readiness-announcement").textContent()).toBe("");
    await panel.close();
  });
});
