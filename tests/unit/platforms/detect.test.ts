import { describe, expect, it } from "vitest";
import { detectPlatform } from "@/lib/platforms/detect";
import { adapterFor, recognisePage } from "@/lib/platforms/index";

function pageWith(html: string, head = ""): Document {
  const doc = document.implementation.createHTMLDocument("möte");
  doc.head.innerHTML = head;
  doc.body.innerHTML = html;
  return doc;
}

const JITSI_PAGE = `<div id="react"><div id="largeVideoContainer"></div>
  <span id="localVideoContainer"></span></div>`;
const EMPTY_PAGE = "<main><video></video><button>Mikrofon</button></main>";

describe("which platform a meeting page is", () => {
  it.each([
    ["https://meet.google.com/abc-defg-hij", "google-meet"],
    ["https://teams.microsoft.com/v2/", "teams"],
    ["https://teams.live.com/meet/9312", "teams"],
    ["https://teams.cloud.microsoft/", "teams"],
    ["https://us02web.zoom.us/wc/join/8123", "zoom"],
    ["https://app.zoom.us/wc/8123/start", "zoom"],
    ["https://zoom.us/j/8123", "generic"],
    ["https://whereby.com/coachrummet", "whereby"],
    ["https://region.whereby.com/coach", "whereby"],
    ["https://meet.jit.si/Coachning", "jitsi"],
    ["https://8x8.vc/vpaas/room", "jitsi"],
    ["https://video.regionexempel.se/rum", "generic"],
    ["not a url", "generic"],
    ["chrome-extension://abcdefghijklmnop/practice.html", "practice"],
    ["moz-extension://0a1b2c3d-aaaa-bbbb-cccc-0123456789ab/practice.html", "practice"],
    ["chrome-extension://abcdefghijklmnop/sidepanel.html", "generic"],
    ["https://evil.example/practice.html", "generic"],
  ])("tells %s by its address: %s", (url, platform) => {
    expect(detectPlatform(url)).toBe(platform);
  });

  it("tells the organisation's own platform by its configured origin", () => {
    expect(
      detectPlatform("https://video.regionexempel.se/rum", ["https://video.regionexempel.se"]),
    ).toBe("own");
  });

  it.each([
    ["jitsi-meet's app bundle", "", `<script src="libs/app.bundle.min.js?v=7123"></script>`],
    ["lib-jitsi-meet", "", `<script src="/libs/lib-jitsi-meet.min.js?v=7123"></script>`],
    ["Jitsi's layout", JITSI_PAGE, ""],
    [
      "Jitsi's toolbox",
      `<div id="largeVideoContainer"></div><div class="toolbox-button"></div>`,
      "",
    ],
  ])("recognises self-hosted Jitsi by %s", (_what, body, head) => {
    expect(recognisePage(pageWith(body, head))).toBe("jitsi");
  });

  it.each([
    ["google-meet", `<button jsname="CQylAd"></button>`],
    [
      "google-meet",
      `<button data-is-muted="false" aria-label="Stäng av mikrofonen (ctrl + d)"></button>`,
    ],
    ["teams", `<button id="microphone-button" data-state="mic"></button>`],
    ["zoom", `<button class="join-audio-container__btn"></button>`],
    ["whereby", `<button class="VideoToolbar-item VideoToolbar-item--mic"></button>`],
  ])("recognises %s by its own markup", (platform, body) => {
    expect(recognisePage(pageWith(body))).toBe(platform);
  });

  it("recognises nothing on a page without any platform's marks", () => {
    expect(recognisePage(pageWith(EMPTY_PAGE))).toBeNull();
  });

  it("goes by the address first: a known origin is never re-read from the page", () => {
    expect(adapterFor("https://meet.google.com/abc-defg-hij", pageWith(JITSI_PAGE)).id).toBe(
      "google-meet",
    );
  });

  it("uses the Jitsi adapter for a self-hosted Jitsi the address does not tell", () => {
    const page = pageWith(JITSI_PAGE);
    expect(detectPlatform("http://localhost:8443/rum")).toBe("generic");
    expect(adapterFor("http://localhost:8443/rum", page).id).toBe("jitsi");
    const own = ["https://video.regionexempel.se"];
    expect(adapterFor("https://video.regionexempel.se/rum", page, own).id).toBe("jitsi");
  });

  it("treats an unrecognised own platform and any other page as generic", () => {
    const own = ["https://video.regionexempel.se"];
    const page = pageWith(EMPTY_PAGE);
    const ownAdapter = adapterFor("https://video.regionexempel.se/rum", page, own);
    expect(ownAdapter.id).toBe("own");
    expect(ownAdapter.mic).toBeNull();
    expect(adapterFor("https://example.org/call", page).id).toBe("generic");
  });
});
