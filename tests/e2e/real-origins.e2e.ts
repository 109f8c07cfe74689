import type { Frame, Page } from "playwright-core";
import type { Browser } from "wxt/browser";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ActionReport, MeetingRequest, ProbeReport } from "../../lib/messages";
import { launchTresteg, type Tresteg } from "./harness";

// Each platform's rebuilt page at the platform's real address (meet.google.com,
// teams.microsoft.com, app.zoom.us/wc, whereby.com), served over https with a self-signed
// certificate and the hosts mapped to the local server: the manifest's own match patterns put
// the meeting script there, and the adapter is chosen by the real origin. Requests go to the
// whole tab, as chrome.tabs.sendMessage sends them, so every frame gets them and exactly one
// must act. One browser for the whole file.

declare const chrome: typeof Browser;

const FIXTURES = "/tests/e2e/fixtures/platforms";
const LABEL = "Paus – Tresteg har täckt klientens bild";
const ZOOM_PATH = "/wc/12345/";

let tresteg: Tresteg;
let opened = 0;
let page: Page | undefined;

beforeAll(async () => {
  tresteg = await launchTresteg({
    realOrigins: {
      hosts: ["meet.google.com", "teams.microsoft.com", "app.zoom.us", "whereby.com"],
      aliases: { [ZOOM_PATH]: `${FIXTURES}/` },
    },
  });
});

afterEach(async () => {
  await page?.close();
  page = undefined;
});

afterAll(async () => {
  await tresteg?.close();
});

interface Meeting {
  page: Page;
  /** The frame the meeting is in (the page itself, or Zoom's iframe#webclient). */
  frame: Frame;
  tabId: number;
}

async function openAt(url: string, frameUrl?: RegExp): Promise<Meeting> {
  opened += 1;
  const address = `${url}${url.includes("?") ? "&" : "?"}n=${opened}`;
  page = await tresteg.openMeeting(address);
  const frame = frameUrl ? await waitForFrame(page, frameUrl) : page.mainFrame();
  await frame.waitForFunction(() => document.body.dataset.media !== undefined);
  return { page, frame, tabId: await tresteg.tabIdOf(page) };
}

async function waitForFrame(page: Page, url: RegExp): Promise<Frame> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = page.frames().find((frame) => url.test(frame.url()));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no frame at ${url}`);
    await page.waitForTimeout(100);
  }
}

/** Sends a request to the whole tab; retries until a content script listens. */
async function send<R extends ActionReport | ProbeReport = ActionReport>(
  meeting: Meeting,
  request: MeetingRequest,
): Promise<R> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return (await tresteg.worker.evaluate(
        ({ tabId, request }) => chrome.tabs.sendMessage(tabId, request),
        { tabId: meeting.tabId, request },
      )) as R;
    } catch (error) {
      const notYet = /Receiving end does not exist/.test(String(error));
      if (!notYet || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const state = (meeting: Meeting) => meeting.frame.evaluate(() => ({ ...document.body.dataset }));

/**
 * What is on top at several points of a picture: Tresteg's cover, the coach's self-view laid
 * over it (Teams, Zoom and Whereby put it on the stage), or anything else.
 */
const topAt = (meeting: Meeting, testId: string) =>
  meeting.frame.evaluate((testId) => {
    const target = document.querySelector(`[data-testid=${testId}]`);
    const self = document.querySelector("[data-testid=self-video]")?.getBoundingClientRect();
    if (!target) return null;
    const box = target.getBoundingClientRect();
    return [
      [0.5, 0.5],
      [0.1, 0.1],
      [0.9, 0.1],
      [0.1, 0.9],
      [0.9, 0.9],
    ].map(([fx = 0, fy = 0]) => {
      const x = box.x + box.width * fx;
      const y = box.y + box.height * fy;
      if (document.elementFromPoint(x, y)?.closest("[data-tresteg-cover]")) return "cover";
      const onSelf =
        testId !== "self-video" &&
        self !== undefined &&
        x >= self.left &&
        x <= self.right &&
        y >= self.top &&
        y <= self.bottom;
      return onSelf ? "self-view" : "uncovered";
    });
  }, testId);

/** Every point of the client's picture is covered, except where the self-view lies over it. */
async function expectCovered(meeting: Meeting) {
  const points = await topAt(meeting, "remote-video");
  expect(points?.[0]).toBe("cover");
  expect(points).not.toContain("uncovered");
}

const PLATFORMS = [
  {
    name: "Google Meet as host",
    platform: "google-meet",
    url: () => `${tresteg.realOrigin("meet.google.com")}${FIXTURES}/google-meet.html?host=1`,
    frame: undefined,
  },
  {
    name: "Teams",
    platform: "teams",
    url: () => `${tresteg.realOrigin("teams.microsoft.com")}${FIXTURES}/teams.html`,
    frame: undefined,
  },
  {
    name: "Zoom inside its iframe#webclient",
    platform: "zoom",
    url: () => `${tresteg.realOrigin("app.zoom.us")}${ZOOM_PATH}zoom-pwa.html`,
    frame: /\/wc\/12345\/zoom\.html/,
  },
  {
    name: "Whereby",
    platform: "whereby",
    url: () => `${tresteg.realOrigin("whereby.com")}${FIXTURES}/whereby.html`,
    frame: undefined,
  },
] as const;

describe.each(PLATFORMS)("$name at its real origin", ({ platform, url, frame }) => {
  it("the wait: covered, own mic off, camera left as the coach had it, restored, hang-up", async () => {
    // The coach had turned the camera off before: Tresteg changes only the microphone.
    const meeting = await openAt(`${url()}${url().includes("?") ? "&" : "?"}camera=off`, frame);
    expect(await send<ProbeReport>(meeting, { type: "meeting:probe" })).toEqual({
      platform,
      controls: { mic: true, camera: true, hangUp: true },
      remoteVideos: expect.any(Number),
    });

    expect(await send(meeting, { type: "meeting:set-own", device: "mic", want: "off" })).toEqual({
      result: "done",
    });
    expect(await send(meeting, { type: "meeting:set-own", device: "camera", want: "off" })).toEqual(
      { result: "already" },
    );
    // One request to the whole tab toggled once: still off a moment later.
    await meeting.page.waitForTimeout(300);
    expect(await state(meeting)).toMatchObject({ mic: "off", camera: "off" });

    expect(await send(meeting, { type: "meeting:cover", cover: true, label: LABEL })).toEqual({
      result: "done",
    });
    await expectCovered(meeting);
    expect(await topAt(meeting, "self-video")).not.toContain("cover");

    expect(await send(meeting, { type: "meeting:cover", cover: false, label: "" })).toEqual({
      result: "done",
    });
    expect(await topAt(meeting, "remote-video")).not.toContain("cover");
    expect(await send(meeting, { type: "meeting:set-own", device: "mic", want: "on" })).toEqual({
      result: "done",
    });
    expect(await state(meeting)).toMatchObject({ mic: "on", camera: "off" });

    expect(await send(meeting, { type: "meeting:hang-up" })).toEqual({ result: "done" });
    expect((await state(meeting)).call).toBe("left");
  });
});

describe("details of the real pages", () => {
  it("Meet as host: leaving answers 'just leave the call', the call goes on for the client", async () => {
    const meeting = await openAt(
      `${tresteg.realOrigin("meet.google.com")}${FIXTURES}/google-meet.html?host=1&lang=en`,
    );
    expect(await send(meeting, { type: "meeting:hang-up" })).toEqual({ result: "done" });
    expect(await state(meeting)).toMatchObject({ call: "left", endedForAll: "false" });
  });

  it("Teams: after leaving, the hidden copy of the controls reads as no call", async () => {
    const meeting = await openAt(
      `${tresteg.realOrigin("teams.microsoft.com")}${FIXTURES}/teams.html`,
    );
    expect(await send(meeting, { type: "meeting:hang-up" })).toEqual({ result: "done" });
    expect(await meeting.page.locator("#hangup-button").count()).toBe(1);
    expect(await send<ProbeReport>(meeting, { type: "meeting:probe" })).toMatchObject({
      platform: "teams",
      controls: { mic: false, camera: false, hangUp: false },
    });
  });

  it("a Whereby room embedded in the organisation's portal is reached in its frame", async () => {
    const room = `${tresteg.realOrigin("whereby.com")}${FIXTURES}/whereby.html`;
    const meeting = await openAt(
      `${tresteg.baseUrl}${FIXTURES}/whereby-embed.html?room=${encodeURIComponent(room)}`,
      /^https:\/\/whereby\.com\//,
    );
    expect(await send<ProbeReport>(meeting, { type: "meeting:probe" })).toMatchObject({
      platform: "whereby",
      controls: { mic: true, camera: true, hangUp: true },
    });
    expect(await send(meeting, { type: "meeting:set-own", device: "mic", want: "off" })).toEqual({
      result: "done",
    });
    await meeting.page.waitForTimeout(300);
    expect((await state(meeting)).mic).toBe("off");
  });
});
