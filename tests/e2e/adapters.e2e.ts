import type { Page } from "playwright-core";
import type { Browser } from "wxt/browser";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../lib/i18n/messages";
import { entryReason } from "../../lib/log/describe";
import type { ActionReport, MeetingRequest, ProbeReport } from "../../lib/messages";
import { launchTresteg, type Tresteg } from "./harness";

// The meeting content script on each platform's fixture page, driven the way the panel drives
// it: messages from the extension's worker (chrome.tabs.sendMessage), with every assertion on
// the page's real state. The fixtures are served from 127.0.0.1, where the address says
// nothing, so each adapter is chosen by recognising the page.

declare const chrome: typeof Browser;

const LABEL = "Paus – Tresteg har täckt klientens bild";

/** What the Swedish panel says about a report. */
const inSwedish = (report: ActionReport) => entryReason(report, translator("sv"));
const FIXTURES = "/tests/e2e/fixtures/platforms";

let tresteg: Tresteg;
let opened = 0;

/** A fixture page in its own window, with its tab id, live and playing. */
class FixtureMeeting {
  constructor(
    readonly page: Page,
    readonly tabId: number,
  ) {}

  static async open(name: string, query = "") {
    opened += 1;
    const separator = query ? "&" : "?";
    const page = await tresteg.openMeeting(
      `${FIXTURES}/${name}.html${query}${separator}n=${opened}`,
    );
    await page.waitForFunction(() => document.body.dataset.media !== undefined);
    return new FixtureMeeting(page, await tresteg.tabIdOf(page));
  }

  /** Sends a request as the panel does; retries until the content script is listening. */
  async send<R extends ActionReport | ProbeReport = ActionReport>(request: MeetingRequest) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        return (await tresteg.worker.evaluate(
          ({ tabId, request }) => chrome.tabs.sendMessage(tabId, request),
          { tabId: this.tabId, request },
        )) as R;
      } catch (error) {
        const notYet = /Receiving end does not exist/.test(String(error));
        if (!notYet || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  state() {
    return this.page.evaluate(() => ({ ...document.body.dataset }));
  }

  /** What is on top at the centre of the element with this test id. */
  topAt(testId: string) {
    return this.page.evaluate((testId) => {
      const target = document.querySelector(`[data-testid=${testId}]`);
      if (!target) return { found: false, cover: false, isTarget: false, label: "" };
      const box = target.getBoundingClientRect();
      const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      const cover = top?.closest("[data-tresteg-cover]") ?? null;
      return {
        found: true,
        cover: cover !== null,
        isTarget: top === target,
        label: cover?.textContent ?? "",
      };
    }, testId);
  }

  /** The cover layer's box against the client video's box, in CSS pixels. */
  coverOffset() {
    return this.page.evaluate(() => {
      const video = document.querySelector("[data-testid=remote-video]");
      const layer = video?.nextElementSibling;
      if (!video || !layer?.hasAttribute("data-tresteg-cover")) return null;
      const a = video.getBoundingClientRect();
      const b = layer.getBoundingClientRect();
      return Math.max(
        Math.abs(a.x - b.x),
        Math.abs(a.y - b.y),
        Math.abs(a.width - b.width),
        Math.abs(a.height - b.height),
      );
    });
  }

  close() {
    return this.page.close();
  }
}

const PLATFORMS = [
  { fixture: "jitsi", platform: "jitsi" },
  { fixture: "self-hosted-jitsi", platform: "jitsi" },
  { fixture: "google-meet", platform: "google-meet" },
  { fixture: "teams", platform: "teams" },
  { fixture: "zoom", platform: "zoom" },
  { fixture: "whereby", platform: "whereby" },
] as const;

let meeting: FixtureMeeting | undefined;

beforeAll(async () => {
  tresteg = await launchTresteg();
});

afterEach(async () => {
  await meeting?.close();
  meeting = undefined;
});

afterAll(async () => {
  await tresteg?.close();
});

describe.each(PLATFORMS)("the two-minute wait on $fixture", ({ fixture, platform }) => {
  it("mutes the coach, covers the client only, and undoes exactly that", async () => {
    meeting = await FixtureMeeting.open(fixture);
    expect(await meeting.send<ProbeReport>({ type: "meeting:probe" })).toEqual({
      platform,
      controls: { mic: true, camera: true, hangUp: true },
      remoteVideos: expect.any(Number),
    });

    for (const device of ["mic", "camera"] as const) {
      const report = await meeting.send({ type: "meeting:set-own", device, want: "off" });
      expect(report).toEqual({ result: "done" });
      expect((await meeting.state())[device]).toBe("off");
    }

    expect(await meeting.send({ type: "meeting:cover", cover: true, label: LABEL })).toEqual({
      result: "done",
    });
    expect(await meeting.topAt("remote-video")).toMatchObject({ cover: true, label: LABEL });
    // With the camera off Jitsi shows the coach's avatar in the self-view tile, its video
    // hidden (Thumbnail.tsx, display-avatar-only): the tile is what must stay uncovered.
    const self = fixture.includes("jitsi") ? "self-tile" : "self-video";
    expect(await meeting.topAt(self)).toMatchObject({ cover: false, isTarget: true });
    expect(await meeting.send({ type: "meeting:cover", cover: true, label: LABEL })).toEqual({
      result: "already",
    });

    expect(await meeting.send({ type: "meeting:cover", cover: false, label: "" })).toEqual({
      result: "done",
    });
    expect(await meeting.topAt("remote-video")).toMatchObject({ cover: false, isTarget: true });

    for (const device of ["mic", "camera"] as const) {
      const report = await meeting.send({ type: "meeting:set-own", device, want: "on" });
      expect(report).toEqual({ result: "done" });
      expect((await meeting.state())[device]).toBe("on");
    }
  });

  it("answers already when the coach had muted before", async () => {
    meeting = await FixtureMeeting.open(fixture, "?mic=off&camera=off");
    for (const device of ["mic", "camera"] as const) {
      const report = await meeting.send({ type: "meeting:set-own", device, want: "off" });
      expect(report).toEqual({ result: "already" });
      expect((await meeting.state())[device]).toBe("off");
    }
  });

  it("hangs up through the platform's leave control", async () => {
    meeting = await FixtureMeeting.open(fixture);
    expect(await meeting.send({ type: "meeting:hang-up" })).toEqual({ result: "done" });
    expect((await meeting.state()).call).toBe("left");
  });
});

describe("in English and on pages that need more", () => {
  it.each(["zoom", "google-meet"])("reads %s's labels in English", async (fixture) => {
    meeting = await FixtureMeeting.open(fixture, "?lang=en");
    const report = await meeting.send({ type: "meeting:set-own", device: "mic", want: "off" });
    expect(report).toEqual({ result: "done" });
    expect((await meeting.state()).mic).toBe("off");
  });

  it("presses Meet's Ctrl+D when the page ignores scripted clicks", async () => {
    meeting = await FixtureMeeting.open("google-meet", "?clicks=trusted-only");
    const report = await meeting.send({ type: "meeting:set-own", device: "mic", want: "off" });
    expect(report).toEqual({ result: "done" });
    expect((await meeting.state()).mic).toBe("off");
  });

  it("keeps the cover on the client's video when the layout changes", async () => {
    meeting = await FixtureMeeting.open("google-meet");
    await meeting.send({ type: "meeting:cover", cover: true, label: LABEL });
    expect(await meeting.coverOffset()).toBeLessThan(1);
    await meeting.page.evaluate(() => {
      const grid = document.querySelector<HTMLElement>(".grid");
      if (grid) grid.style.gridTemplateColumns = "1fr 2fr";
    });
    await meeting.page.waitForTimeout(400);
    expect(await meeting.coverOffset()).toBeLessThan(1);
    expect(await meeting.topAt("remote-video")).toMatchObject({ cover: true });
    expect(await meeting.topAt("self-video")).toMatchObject({ cover: false, isTarget: true });
  });
});

describe("a video page Tresteg does not know", () => {
  it("covers the client, tells the self-view by its camera, and asks the coach for the rest", async () => {
    meeting = await FixtureMeeting.open("no-controls");
    expect((await meeting.state()).media).toBe("camera");
    expect(await meeting.send<ProbeReport>({ type: "meeting:probe" })).toEqual({
      platform: "generic",
      controls: { mic: false, camera: false, hangUp: false },
      remoteVideos: 1,
    });
    const mic = await meeting.send({ type: "meeting:set-own", device: "mic", want: "off" });
    expect(mic).toEqual({
      result: "failed",
      code: { reason: "self-service", control: "mic", want: "off" },
    });
    expect(inSwedish(mic)).toBe("Stäng av din mikrofon själv");
    const camera = await meeting.send({ type: "meeting:set-own", device: "camera", want: "off" });
    expect(camera).toEqual({
      result: "failed",
      code: { reason: "self-service", control: "camera", want: "off" },
    });
    expect(inSwedish(camera)).toBe("Stäng av din kamera själv");
    expect(await meeting.state()).toMatchObject({ mic: "on", camera: "on" });

    expect(await meeting.send({ type: "meeting:cover", cover: true, label: LABEL })).toEqual({
      result: "done",
    });
    expect(await meeting.topAt("remote-video")).toMatchObject({ cover: true });
    expect(await meeting.topAt("self-video")).toMatchObject({ cover: false, isTarget: true });

    const hangUp = await meeting.send({ type: "meeting:hang-up" });
    expect(hangUp.result).toBe("failed");
    expect((await meeting.state()).call).toBe("live");
  });

  it("ignores messages that are not Tresteg's protocol", async () => {
    meeting = await FixtureMeeting.open("google-meet");
    await meeting.send({ type: "meeting:probe" });
    const answer = await tresteg.worker.evaluate(
      ({ tabId }) =>
        chrome.tabs
          .sendMessage(tabId, { type: "meeting:set-own", device: "mic", want: "mute" })
          .then(
            (value) => ({ answered: true, value }),
            (error: unknown) => ({ answered: false, value: String(error) }),
          ),
      { tabId: meeting.tabId },
    );
    // Chrome either rejects (no answer) or resolves with nothing; never with a report.
    expect(answer.answered ? answer.value : undefined).toBeUndefined();
    expect((await meeting.state()).mic).toBe("on");
  });
});
