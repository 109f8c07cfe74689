import type { Page } from "playwright-core";
import type { Browser } from "wxt/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tresteg, launchTresteg, readDb } from "./harness";
import { PanelPage, until } from "./pages/panel";

declare const chrome: typeof Browser;

// The two pages a newcomer meets first: the demo meeting `npm start` opens, on which the
// wait must work as on a real call, and the unknown-platform demo, on which the panel must
// say plainly what it could not do. Both on localhost, where the address names no platform.

const UNDRESSED = "Opassande beteende i videosamtalet – Bar överkropp";
const END = "Jag avslutar samtalet nu! Du är välkommen att återkomma och boka en ny tid.";

type Stored = Record<string, unknown[]> & {
  events: { type: string; target?: string; result?: string }[];
};

let app: Tresteg;
beforeAll(async () => {
  app = await launchTresteg();
});
afterAll(async () => {
  await app?.close();
});

async function open(path: string) {
  const page = await app.openMeeting(path);
  // The page has its media (or has said it has none) before the panel acts on it.
  // (The demo sets data-media; the unknown-platform page leaves data-state "starting".)
  await page.waitForFunction(
    () =>
      document.body.dataset.media !== undefined ||
      (document.body.dataset.state !== undefined && document.body.dataset.state !== "starting"),
  );
  const tabId = await app.tabIdOf(page);
  const panel = new PanelPage(await app.openPanel(tabId));
  return { page, tabId, panel };
}

const tabMuted = (tabId: number) =>
  app.worker.evaluate(async (id) => (await chrome.tabs.get(id)).mutedInfo?.muted ?? false, tabId);

/** What is on top at the centre of the element with this test id: Tresteg's cover or not. */
const coveredAt = (page: Page, testId: string) =>
  page.evaluate((id) => {
    const element = document.querySelector(`[data-testid="${id}"]`);
    if (!element) throw new Error(`no ${id} on the page`);
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return top?.closest("[data-tresteg-cover]") != null;
  }, testId);

/** The coach's own tracks as the demo's self-view plays them. */
const ownTracks = (page: Page) =>
  page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>("[data-testid=self-video]");
    const stream = video?.srcObject as MediaStream | null;
    return Object.fromEntries(
      (stream?.getTracks() ?? []).map((track) => [track.kind, track.enabled]),
    );
  });

function muteResults(panel: PanelPage) {
  return panel.page
    .locator(".mute-status li")
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((li) => [li.getAttribute("data-target"), li.getAttribute("data-result")]),
      ),
    );
}

async function pause(panel: PanelPage) {
  await panel.startAs(UNDRESSED);
  await panel.click("Pausa 2 min");
  return until(
    "all four mutes answered",
    () => muteResults(panel),
    (r) =>
      Object.keys(r).length === 4 &&
      Object.values(r).every((v) => v !== "pending" && v !== "waiting"),
  );
}

describe("the demo meeting", () => {
  it("the demo meeting: the wait covers the client and turns off the coach's mic and camera, and gives them back", async () => {
    const { page, tabId, panel } = await open("/demo/meeting.html");
    expect(await page.evaluate(() => document.body.dataset.media)).toBe("camera");
    await page.getByRole("heading", { name: "Demomöte – Hälsocoach online" }).waitFor();
    expect(await page.locator("#demo-notice").textContent()).toContain("inget skickas någonstans");
    // The client's picture is drawn, not this computer's camera (which the self-view plays).
    const pictures = await page.evaluate(() => {
      const camera = (id: string) => {
        const video = document.querySelector<HTMLVideoElement>(`[data-testid=${id}]`);
        const [track] = (video?.srcObject as MediaStream | null)?.getVideoTracks() ?? [];
        return track ? Boolean(track.getSettings().groupId) : null;
      };
      return { client: camera("remote-video"), self: camera("self-video") };
    });
    expect(pictures).toEqual({ client: false, self: true });
    await expect
      .poll(() => panel.page.getByTestId("meeting").textContent())
      .toContain("Jitsi Meet");

    expect(await pause(panel)).toEqual({
      "client-sound": "done",
      "client-picture": "done",
      "own-mic": "done",
      "own-camera": "done",
    });
    expect(await tabMuted(tabId)).toBe(true);
    expect(await coveredAt(page, "remote-video")).toBe(true);
    expect(await coveredAt(page, "client-tile")).toBe(true);
    // The coach's own tile stays in sight (showing the avatar while the camera is off).
    expect(await coveredAt(page, "self-tile")).toBe(false);
    expect(await page.evaluate(() => ({ ...document.body.dataset }))).toMatchObject({
      mic: "off",
      camera: "off",
    });
    expect(await ownTracks(page)).toEqual({ audio: false, video: false });

    await panel.click("Fortsätt samtalet");
    await until(
      "the tab's sound back",
      () => tabMuted(tabId),
      (muted) => !muted,
    );
    await until(
      "the coach's mic and camera back on",
      () => ownTracks(page),
      (tracks) => tracks.audio === true && tracks.video === true,
    );
    expect(await coveredAt(page, "remote-video")).toBe(false);
    expect(await coveredAt(page, "self-video")).toBe(false);
    expect(await page.locator("[data-tresteg-cover]").count()).toBe(0);
    const restored = await until(
      "four restores logged",
      async () =>
        (await readDb<Stored>(panel.page, "tresteg")).events.filter(
          (e) => e.type === "mute-restored",
        ),
      (r) => r.length === 4,
    );
    expect(restored.map((e) => [e.target, e.result]).sort()).toEqual([
      ["client-picture", "done"],
      ["client-sound", "done"],
      ["own-camera", "done"],
      ["own-mic", "done"],
    ]);
    await panel.click("Klienten har lugnat sig");
    await panel.click("Avsluta incidenten");
    await panel.page.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
    await panel.page.close();
  });
});

describe("the unknown-platform demo", () => {
  it("says plainly what the panel could not do there, and does the rest", async () => {
    const { page, tabId, panel } = await open("/demo/unknown-platform.html");
    await page.getByRole("heading", { name: "Demomöte – okänd videotjänst" }).waitFor();
    await expect
      .poll(() => panel.page.getByTestId("meeting").textContent())
      .toContain("Okänd plattform");

    expect(await pause(panel)).toEqual({
      "client-sound": "done",
      "client-picture": "done",
      "own-mic": "failed",
      "own-camera": "failed",
    });
    const said = await panel.page.locator(".mute-status").textContent();
    expect(said).toContain("Stäng av din mikrofon själv.");
    expect(said).toContain("Stäng av din kamera själv.");
    expect(await tabMuted(tabId)).toBe(true);
    expect(await coveredAt(page, "remote-video")).toBe(true);
    expect(await coveredAt(page, "self-video")).toBe(false);
    // Nothing of the page's own was pressed.
    expect(await page.evaluate(() => ({ ...document.body.dataset }))).toMatchObject({
      mic: "on",
      camera: "on",
    });

    await panel.click("Fortsätt samtalet");
    await panel.click("Nästa steg: Varning →");
    await panel.click("Nästa steg: Avsluta samtalet →");
    await panel.say(END);
    await panel.click("Ja, lägg på");
    const leave = panel.page
      .getByRole("region", { name: "Stegets knappar" })
      .getByTestId("leave-result");
    await leave.waitFor();
    expect(await leave.textContent()).toMatch(/^Kunde inte lämna mötet – lämna själv/);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe("live");
    await panel.click("Avsluta incidenten");
    await panel.page.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
  });
});
