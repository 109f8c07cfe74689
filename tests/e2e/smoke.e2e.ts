import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchTresteg, PANEL_SIZE, type Tresteg } from "./harness";

describe("smoke: browser, demo meeting and panel", () => {
  let tresteg: Tresteg;
  let meeting: Page;

  beforeAll(async () => {
    tresteg = await launchTresteg();
    meeting = await tresteg.openMeeting();
  });

  afterAll(async () => {
    await tresteg?.close();
  });

  it("loads the extension", () => {
    expect(tresteg.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it("plays the fake camera in the remote participant's video", async () => {
    await meeting.waitForFunction(() => {
      const video = document.querySelector<HTMLVideoElement>("[data-testid=remote-video]");
      return video !== null && video.videoWidth > 0 && !video.paused;
    });
    expect(await meeting.locator("body").getAttribute("data-state")).toBe("live");
  });

  it("opens the panel for the meeting tab in its own narrow window", async () => {
    const tabId = await tresteg.tabIdOf(meeting);
    const panel = await tresteg.openPanel(tabId);
    expect(new URL(panel.url()).searchParams.get("tab")).toBe(String(tabId));
    expect(await panel.title()).toBe("Tresteg");
    await expect.poll(() => panel.locator("body").textContent()).toContain("Tresteg");
    expect(await panel.evaluate(() => window.innerWidth)).toBeLessThanOrEqual(PANEL_SIZE.width);
    await panel.close();
  });

  it("toggles the microphone with the m shortcut", async () => {
    const mic = meeting.getByTestId("mic");
    await meeting.bringToFront();
    expect(await mic.getAttribute("aria-pressed")).toBe("true");
    await meeting.keyboard.press("m");
    expect(await mic.getAttribute("aria-pressed")).toBe("false");
    await meeting.keyboard.press("m");
    expect(await mic.getAttribute("aria-pressed")).toBe("true");
  });

  it("keeps the extension id across a browser restart on the same profile", async () => {
    const before = tresteg.extensionId;
    await tresteg.restart();
    expect(tresteg.extensionId).toBe(before);
    expect(tresteg.worker.url()).toContain(`chrome-extension://${before}/`);
  });
});
