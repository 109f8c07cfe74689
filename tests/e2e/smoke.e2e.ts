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

  it("plays the drawn client on the stage and the fake camera in the self-view", async () => {
    await meeting.waitForFunction(() =>
      ["remote-video", "self-video"].every((id) => {
        const video = document.querySelector<HTMLVideoElement>(`[data-testid=${id}]`);
        return video !== null && video.videoWidth > 0 && !video.paused;
      }),
    );
    expect(await meeting.locator("body").getAttribute("data-call")).toBe("live");
    expect(await meeting.locator("body").getAttribute("data-media")).toBe("camera");
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
    // Jitsi's mute button is pressed (toggled) while the microphone is muted.
    const mic = meeting.getByTestId("mic");
    await meeting.bringToFront();
    expect(await mic.getAttribute("aria-pressed")).toBe("false");
    await meeting.keyboard.press("m");
    expect(await mic.getAttribute("aria-pressed")).toBe("true");
    expect(await meeting.locator("body").getAttribute("data-mic")).toBe("off");
    await meeting.keyboard.press("m");
    expect(await mic.getAttribute("aria-pressed")).toBe("false");
    expect(await meeting.locator("body").getAttribute("data-mic")).toBe("on");
  });

  it("keeps the extension id across a browser restart on the same profile", async () => {
    const before = tresteg.extensionId;
    await tresteg.restart();
    expect(tresteg.extensionId).toBe(before);
    expect(tresteg.worker.url()).toContain(`chrome-extension://${before}/`);
  });
});
