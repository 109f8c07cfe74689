import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchTresteg, readDb, type Tresteg } from "./harness";
import { PanelPage, until } from "./pages/panel";

// What the cover does on its own during the two-minute wait, told by the meeting script as it
// happens and logged by the worker: put back after the page removed it, lost when the page
// shows the client above it, and the client's picture covered when the camera comes on. On
// the rebuilt Jitsi and Meet fixtures (their headers say what each part follows), in real
// Chromium, with the log in IndexedDB.

const FIXTURES = "/tests/e2e/fixtures/platforms";
const UNDRESSED = "Opassande beteende i videosamtalet – Bar överkropp";
const REAPPLIED =
  "Klientens bild: täckt igen efter att mötessidan tagit bort, flyttat eller dolt täckningen";
const LOST =
  "Klientens bild: kunde inte hållas täckt – mötessidan visade klientens bild över täckningen";
const COVERED_LATE = "Klientens bild: täckt när kameran slogs på";

type Stored = Record<string, unknown[]> & {
  events: { sessionId: string; type: string; target?: string; result?: string; code?: unknown }[];
};

let app: Tresteg;
let n = 0;
const pages: Page[] = [];

async function openMeeting(name: string, query = "") {
  n += 1;
  const page = await app.openMeeting(`${FIXTURES}/${name}.html?n=${n}${query}`);
  pages.push(page);
  await page.waitForFunction(() => document.body.dataset.media !== undefined);
  return { page, tabId: await app.tabIdOf(page) };
}

const pictureLine = (panel: PanelPage) =>
  panel.page.locator(".mute-status li[data-target=client-picture]");

async function pauseOn(name: string, query = "", before?: (page: Page) => Promise<unknown>) {
  const meeting = await openMeeting(name, query);
  if (before) await before(meeting.page);
  const panel = new PanelPage(await app.openPanel(meeting.tabId));
  pages.push(panel.page);
  await panel.startAs(UNDRESSED);
  await panel.click("Pausa 2 min");
  await until(
    "the client's picture answered",
    () => pictureLine(panel).getAttribute("data-result"),
    (r) => r === "done" || r === "failed",
  );
  return { meeting, panel };
}

/** Ends the incident calmly (after the wait, if one runs), so the next panel starts afresh. */
async function endIncident(panel: PanelPage) {
  const wait = panel.page.getByRole("button", { name: "Fortsätt samtalet", exact: true });
  // A panel just opened may not have drawn the incident yet: wait for the wait's button or
  // the step's, whichever the incident shows, before choosing.
  await panel.page
    .getByRole("button", { name: /^(Fortsätt samtalet|Klienten har lugnat sig)$/ })
    .first()
    .waitFor();
  if (await wait.count()) await wait.click();
  await panel.click("Klienten har lugnat sig");
  await panel.click("Avsluta incidenten");
  await panel.page.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
}

/** What is on top at the centre and near the corners of an element of the meeting page. */
const onTop = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const target = document.querySelector(selector);
    if (!target) return null;
    const box = target.getBoundingClientRect();
    return [
      [0.5, 0.5],
      [0.2, 0.2],
      [0.8, 0.2],
      [0.2, 0.8],
      [0.8, 0.8],
    ].map(([fx, fy]) => {
      const top = document.elementFromPoint(box.x + box.width * fx!, box.y + box.height * fy!);
      return top?.closest("[data-tresteg-cover]") ? "cover" : (top?.id ?? top?.tagName ?? "");
    });
  }, selector);
/** Meet hides the client's video while the camera is off (the tile shows the avatar). */
const hideMeetPicture = (page: Page) =>
  page.evaluate(() => {
    document.querySelector<HTMLElement>("[data-testid=remote-video]")!.style.display = "none";
  });
const allCover = (tops: string[] | null) => tops !== null && tops.every((top) => top === "cover");

/** The client-picture entries the worker logged from the cover's own reports. */
async function coverChanges(reader: Parameters<typeof readDb>[0]) {
  const { events } = await readDb<Stored>(reader, "tresteg");
  return events
    .filter((e) => e.type === "mute-applied" && e.target === "client-picture")
    .map((e) => ({ result: e.result, code: e.code }));
}

beforeAll(async () => {
  app = await launchTresteg();
});
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close().catch(() => {});
});
afterAll(async () => {
  await app?.close();
});

describe("a cover the meeting page removes during the wait", () => {
  it("is put back on top, and the log and the wait box say so, with the panel open or closed", async () => {
    const { meeting, panel } = await pauseOn("jitsi");
    expect(allCover(await onTop(meeting.page, "#largeVideoWrapper"))).toBe(true);

    await meeting.page.evaluate(() =>
      document.querySelectorAll("[data-tresteg-cover]").forEach((layer) => layer.remove()),
    );
    await until(
      "the cover back on the client's picture",
      () => onTop(meeting.page, "#largeVideoWrapper"),
      allCover,
    );
    expect(allCover(await onTop(meeting.page, "[data-testid=client-tile]"))).toBe(true);
    await until(
      "the log entry in the timeline",
      () => panel.timeline(),
      (lines) => lines.some((line) => line.endsWith(REAPPLIED)),
    );
    expect(await pictureLine(panel).getAttribute("data-result")).toBe("done");
    expect(await panel.page.getByTestId("note-client-picture").textContent()).toBe(
      "Mötessidan tog bort, flyttade eller dolde täckningen; Tresteg lade tillbaka den, och den ligger överst.",
    );

    // The panel closed: the worker logs it still. The page hides the layer this time.
    await panel.page.close();
    await meeting.page.evaluate(() =>
      document
        .querySelectorAll<HTMLElement>("[data-tresteg-cover]")
        .forEach((layer) => layer.style.setProperty("display", "none", "important")),
    );
    await until("the cover shown again", () => onTop(meeting.page, "#largeVideoWrapper"), allCover);
    // Within a few seconds of the first, so told with the window's count once it has passed.
    const changes = await until(
      "the second entry in the log",
      () => coverChanges(app.worker),
      (c) =>
        c.filter((e) => (e.code as { reason?: string })?.reason === "cover-reapplied").length === 2,
      15_000,
    );
    expect(changes.slice(-2)).toEqual([
      { result: "done", code: { reason: "cover-reapplied", count: 1 } },
      { result: "done", code: { reason: "cover-reapplied", count: 1 } },
    ]);

    const reopened = new PanelPage(await app.openPanel(meeting.tabId));
    pages.push(reopened.page);
    await endIncident(reopened);
  });

  it("says it could not be kept when the page shows the client above it, and tells the coach", async () => {
    const { meeting, panel } = await pauseOn("jitsi");
    // The page lifts the client's video into the browser's top layer, above any z-index.
    await meeting.page.evaluate(() => {
      const wrapper = document.querySelector<HTMLElement>("#largeVideoWrapper")!;
      wrapper.setAttribute("popover", "manual");
      wrapper.style.inset = "0";
      wrapper.showPopover();
    });
    await until(
      "the lost cover in the timeline",
      () => panel.timeline(),
      (lines) => lines.some((line) => line.endsWith(LOST)),
    );
    const line = pictureLine(panel);
    expect(await line.getAttribute("data-result")).toBe("failed");
    expect(await line.textContent()).toContain("Klientens bild: kunde inte döljas");
    expect(await panel.page.getByTestId("reason-client-picture").textContent()).toBe(
      "Tresteg kunde inte hålla täckningen överst: mötessidan visar klientens bild över den.",
    );
    expect(await line.locator(".self-mute").textContent()).toBe(
      "Dölj klientens bild själv (minimera fönstret).",
    );

    // The page lets go: the cover is on top again, and the line turns back.
    await meeting.page.evaluate(() =>
      document.querySelector<HTMLElement>("#largeVideoWrapper")!.hidePopover(),
    );
    await until(
      "the line done again",
      () => line.getAttribute("data-result"),
      (r) => r === "done",
    );
    expect(allCover(await onTop(meeting.page, "#largeVideoWrapper"))).toBe(true);
    await endIncident(panel);
  });
});

describe("the client's camera off when the wait starts", () => {
  it("on Jitsi: covers the client's tile when the camera comes on, and the line and log say so", async () => {
    const { meeting, panel } = await pauseOn("jitsi", "&client-camera=off");
    expect(await pictureLine(panel).getAttribute("data-result")).toBe("done");
    await meeting.page.evaluate(() =>
      (window as unknown as { Fixture: { clientCamera(s: string): void } }).Fixture.clientCamera(
        "on",
      ),
    );
    await until(
      "the client's tile covered",
      () => onTop(meeting.page, "[data-testid=client-tile]"),
      allCover,
    );
    await until(
      "the log entry in the timeline",
      () => panel.timeline(),
      (lines) => lines.some((line) => line.endsWith(COVERED_LATE)),
    );
    expect(await panel.page.getByTestId("note-client-picture").textContent()).toBe(
      "Klientens kamera slogs på, och Tresteg täckte bilden.",
    );
    await endIncident(panel);
  });

  it("on Meet, where the picture is gone while the camera is off: turns from failed to done", async () => {
    const { meeting, panel } = await pauseOn("google-meet", "", hideMeetPicture);
    const line = pictureLine(panel);
    expect(await line.getAttribute("data-result")).toBe("failed");
    expect(await panel.page.getByTestId("reason-client-picture").textContent()).toBe(
      "Hittade ingen video från klienten att täcka över.",
    );

    await meeting.page.evaluate(() => {
      document.querySelector<HTMLElement>("[data-testid=remote-video]")!.style.display = "";
    });
    await until(
      "the line done",
      () => line.getAttribute("data-result"),
      (r) => r === "done",
    );
    expect(allCover(await onTop(meeting.page, "[data-testid=remote-video]"))).toBe(true);
    expect(await panel.timeline()).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`${COVERED_LATE}$`))]),
    );
    expect(await panel.page.getByTestId("reason-client-picture").count()).toBe(0);

    // The wait ends: the cover goes, and nothing is covered after it.
    await panel.click("Fortsätt samtalet");
    await until(
      "the cover gone",
      () => meeting.page.locator("[data-tresteg-cover]").count(),
      (count) => count === 0,
    );
    await endIncident(panel);
  });

  it("stops watching when the wait ends with the picture never covered", async () => {
    const { meeting, panel } = await pauseOn("google-meet", "", hideMeetPicture);
    expect(await pictureLine(panel).getAttribute("data-result")).toBe("failed");
    await panel.click("Fortsätt samtalet");
    await panel.page
      .getByRole("region", { name: "Två minuters paus" })
      .waitFor({ state: "detached" });
    // The restore is sent after the end is logged: give it a moment to reach the page.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = await coverChanges(panel.page);
    await meeting.page.evaluate(() => {
      document.querySelector<HTMLElement>("[data-testid=remote-video]")!.style.display = "";
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await meeting.page.locator("[data-tresteg-cover]").count()).toBe(0);
    expect(await coverChanges(panel.page)).toEqual(before);
    await endIncident(panel);
  });
});
