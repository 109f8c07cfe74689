import type { Page } from "playwright-core";
import type { Browser } from "wxt/browser";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ActionReport, MeetingRequest } from "../../lib/messages";
import { launchTresteg, type Tresteg } from "./harness";
import { PanelPage, until } from "./pages/panel";

// The two-minute wait and the hang-up on the rebuilt Jitsi fixtures (jitsi-meet's own DOM,
// see the fixtures' headers), from the coach's panel in real Chromium: the narrow layout
// without the settings wrappers, the coach as moderator, the slow camera, the client's camera
// off at the start, and a self-hosted Jitsi the address does not name.

declare const chrome: typeof Browser;

const FIXTURES = "/tests/e2e/fixtures/platforms";
const UNDRESSED = "Opassande beteende i videosamtalet – Bar överkropp";
const END = "Jag avslutar samtalet nu! Du är välkommen att återkomma och boka en ny tid.";

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

function muteResults(panel: PanelPage) {
  return panel.page
    .locator(".mute-status li")
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((li) => [li.getAttribute("data-target"), li.getAttribute("data-result")]),
      ),
    );
}

const settled = (r: Record<string, string | null>) =>
  Object.keys(r).length === 4 && Object.values(r).every((v) => v !== "pending" && v !== "waiting");

async function pauseOn(name: string, query = "") {
  const meeting = await openMeeting(name, query);
  const panel = new PanelPage(await app.openPanel(meeting.tabId));
  pages.push(panel.page);
  await panel.startAs(UNDRESSED);
  await panel.click("Pausa 2 min");
  return { meeting, panel };
}

/** Ends the incident calmly (after the wait, if one runs), so the next panel starts afresh. */
async function endIncident(panel: PanelPage) {
  const wait = panel.page.getByRole("button", { name: "Fortsätt samtalet", exact: true });
  if (await wait.count()) await wait.click();
  await panel.click("Klienten har lugnat sig");
  await panel.click("Avsluta incidenten");
  await panel.page.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
}

const meetingState = (page: Page) => page.evaluate(() => ({ ...document.body.dataset }));

/**
 * Whether every sample point of the client's picture (the stage and the client's tile, at
 * their centre and near their corners) has Tresteg's cover on top, and the self-view none.
 */
const coverage = (page: Page) =>
  page.evaluate(() => {
    const onTop = (selector: string) => {
      const target = document.querySelector(selector);
      if (!target) return null;
      const box = target.getBoundingClientRect();
      return [
        [0.5, 0.5],
        [0.2, 0.2],
        [0.8, 0.2],
        [0.2, 0.8],
      ].map(([fx, fy]) => {
        const top = document.elementFromPoint(box.x + box.width * fx!, box.y + box.height * fy!);
        return top?.closest("[data-tresteg-cover]") ? "cover" : (top?.id ?? top?.tagName ?? "");
      });
    };
    return {
      // The stage's centre, clear of the filmstrip at its right.
      stage: onTop("#largeVideoWrapper")?.slice(0, 1),
      tile: onTop("[data-testid=client-tile]"),
      // The coach's own tile (its video is hidden while the camera is off).
      self: onTop("#localVideoContainer"),
    };
  });

/** Sends a request to the meeting page as the panel does. */
function send(tabId: number, request: MeetingRequest) {
  return app.worker.evaluate(({ tabId, request }) => chrome.tabs.sendMessage(tabId, request), {
    tabId,
    request,
  }) as Promise<ActionReport>;
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

describe("Jitsi in its narrow layout, the coach as moderator", () => {
  it("mutes and covers, restores only what Tresteg changed, and leaves through the hang-up menu", async () => {
    const { meeting, panel } = await pauseOn("jitsi", "&layout=narrow&role=moderator&mic=off");
    expect(await meeting.page.locator(".audio-preview, .video-preview").count()).toBe(0);
    const results = await until("all four mutes logged", () => muteResults(panel), settled);
    expect(results).toEqual({
      "client-sound": "done",
      "client-picture": "done",
      "own-mic": "already",
      "own-camera": "done",
    });
    expect(await meetingState(meeting.page)).toMatchObject({ mic: "off", camera: "off" });
    const covered = await coverage(meeting.page);
    expect(covered.stage).toEqual(["cover"]);
    expect(covered.tile).toEqual(["cover", "cover", "cover", "cover"]);
    expect(covered.self).not.toContain("cover");

    await panel.click("Fortsätt samtalet");
    await until(
      "the camera back on",
      () => meetingState(meeting.page),
      (s) => s.camera === "on",
    );
    // The coach had muted the microphone before: it stays muted.
    expect(await meetingState(meeting.page)).toMatchObject({ mic: "off", camera: "on" });
    expect(await meeting.page.locator("[data-tresteg-cover]").count()).toBe(0);

    expect(await send(meeting.tabId, { type: "meeting:hang-up" })).toEqual({ result: "done" });
    expect(await meetingState(meeting.page)).toMatchObject({ call: "left" });
    expect((await meetingState(meeting.page)).ended).toBeUndefined();
    await endIncident(panel);
  });

  it("ends the meeting for everyone when the setting says so", async () => {
    const meeting = await openMeeting("jitsi", "&layout=narrow&role=moderator");
    const panel = new PanelPage(await app.openPanel(meeting.tabId));
    pages.push(panel.page);
    // The coach chooses it in the settings, as a coach would.
    await panel.click("Inställningar");
    const choice = panel.page
      .getByRole("group", { name: "Lägg på som värd" })
      .getByRole("radio", { name: "Avsluta mötet för alla, där plattformen erbjuder det" });
    await choice.check();
    await until(
      "the choice stored",
      () => app.worker.evaluate(() => chrome.storage.local.get("hostLeave")),
      (stored) => stored.hostLeave === "end-for-all",
    );
    await panel.click(/Tillbaka$/);

    await panel.startAs("Personangrepp");
    await panel.click("Nästa steg: Varning →");
    await panel.click("Nästa steg: Avsluta samtalet →");
    await panel.say(END);
    await panel.page
      .getByRole("group", { name: "Lägg på i mötet nu?" })
      .getByRole("button", { name: "Ja, lägg på" })
      .click();
    await panel.page
      .getByText("Du har lämnat mötet. Incidenten är avslutad – här är utkastet.")
      .waitFor();
    // The page's End meeting for all item was the one clicked (the fixture records it).
    expect(await meetingState(meeting.page)).toMatchObject({ call: "left", ended: "all" });
    // The draft says what Tresteg chose and what the page showed, no more.
    await until(
      "the hang-up in the draft",
      () => panel.page.locator("main").textContent(),
      (text) =>
        (text ?? "").includes(
          "klart (Tresteg valde mötets ”avsluta för alla”, och mötet stängdes på din skärm)",
        ),
    );
  });

  it("presses M and V when the toolbar's buttons cannot be told, and checks them on the self-view", async () => {
    const meeting = await openMeeting("jitsi", "&layout=narrow");
    await meeting.page.evaluate(() => {
      for (const id of ["mic", "camera"]) {
        document.querySelector(`[data-testid=${id}]`)?.setAttribute("aria-label", "Stumm");
      }
      document.querySelector<HTMLElement>("[data-testid=raise-hand]")?.focus();
    });
    for (const device of ["mic", "camera"] as const) {
      const report = await send(meeting.tabId, { type: "meeting:set-own", device, want: "off" });
      expect(report).toEqual({ result: "done" });
    }
    expect(await meetingState(meeting.page)).toMatchObject({ mic: "off", camera: "off" });
  });
});

describe("Jitsi's slow camera", () => {
  it("says it waits for the camera, then that it is off", async () => {
    const { meeting, panel } = await pauseOn("jitsi", "&camera-delay=1800");
    const camera = panel.page.locator(".mute-status li[data-target=own-camera]");
    await until(
      "the camera waited for",
      () => camera.getAttribute("data-result"),
      (r) => r === "waiting",
    );
    expect(await camera.textContent()).toBe("Egen kamera: väntar på mötet …");
    expect(await muteResults(panel)).toMatchObject({ "own-mic": "done", "client-picture": "done" });
    await until(
      "the camera off",
      () => camera.getAttribute("data-result"),
      (r) => r === "done",
    );
    expect(await meetingState(meeting.page)).toMatchObject({ camera: "off" });
    await endIncident(panel);
  });
});

describe("the client's camera off when the wait starts", () => {
  it("covers the stage at once and the client's tile when the camera comes back", async () => {
    const meeting = await openMeeting("jitsi", "&client-camera=off");
    const report = await send(meeting.tabId, {
      type: "meeting:cover",
      cover: true,
      label: "Paus",
    });
    expect(report).toEqual({ result: "done", code: { reason: "client-camera-off" } });
    await meeting.page.evaluate(() =>
      (window as unknown as { Fixture: { clientCamera(s: string): void } }).Fixture.clientCamera(
        "on",
      ),
    );
    await until(
      "the client's tile covered",
      async () => (await coverage(meeting.page)).tile,
      (tile) => tile?.every((top) => top === "cover") ?? false,
    );
    expect((await coverage(meeting.page)).stage).toEqual(["cover"]);
  });
});

describe("a self-hosted Jitsi", () => {
  it("is named Jitsi Meet in the panel, and the wait works on it", async () => {
    const { panel } = await pauseOn("self-hosted-jitsi");
    expect(await panel.page.getByTestId("meeting").textContent()).toContain("Jitsi Meet");
    expect(await panel.page.getByTestId("meeting").textContent()).not.toContain("Okänd plattform");
    const results = await until("all four mutes logged", () => muteResults(panel), settled);
    expect(Object.values(results)).toEqual(["done", "done", "done", "done"]);
    await endIncident(panel);
  });
});
