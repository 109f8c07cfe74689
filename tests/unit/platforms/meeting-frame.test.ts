import { JSDOM } from "jsdom";
import { afterEach, describe, expect, it } from "vitest";
import { adapterFor } from "@/lib/platforms/index";
import { sentToThisFrame, TO_FRAME, withoutFrameMark } from "@/lib/platforms/frame-mark";
import { answersForTab } from "@/lib/platforms/meeting-frame";

// The same request reaches every frame of a tab; exactly one frame must answer it. Zoom's
// web client holds the meeting in a same-origin iframe#webclient of a shell page; a portal
// embeds a room in an iframe of another origin.

const ZOOM_FOOTER = `
  <footer id="wc-footer">
    <div class="join-audio-container"><button class="join-audio-container__btn" aria-label="audio"><span class="footer-button-base__button-label">Mute</span></button></div>
    <div class="send-video-container"><button class="send-video-container__btn" aria-label="video"><span class="footer-button-base__button-label">Stop Video</span></button></div>
    <div class="footer__leave-btn-container"><button class="footer__leave-btn" aria-label="Leave"></button></div>
  </footer>`;

let dom: JSDOM | undefined;
afterEach(() => dom?.window.close());

function shellWithFrame(meetingInFrame: boolean, topHtml = "") {
  dom = new JSDOM(
    `<body>${topHtml}<iframe id="webclient" class="pwa-webclient__iframe"></iframe></body>`,
    {
      url: "https://app.zoom.us/wc/123/join",
    },
  );
  const top = dom.window as unknown as Window;
  const frame = top.document.querySelector<HTMLIFrameElement>("iframe#webclient");
  const inner = frame?.contentWindow;
  if (!inner) throw new Error("the frame has no window");
  if (meetingInFrame) inner.document.body.innerHTML = ZOOM_FOOTER;
  const adapterOf = (win: Window) => adapterFor(win.location.href, win.document);
  return {
    top: () => answersForTab(top, adapterOf(top)),
    frame: () => answersForTab(inner, adapterOf(inner)),
  };
}

describe("which frame of a tab answers", () => {
  it("Zoom in iframe#webclient: the frame answers, the empty shell stays silent", () => {
    const tab = shellWithFrame(true);
    expect(tab.frame()).toBe(true);
    expect(tab.top()).toBe(false);
  });

  it("a frame without a meeting stays silent; the top frame then answers for the tab", () => {
    const tab = shellWithFrame(false);
    expect(tab.frame()).toBe(false);
    expect(tab.top()).toBe(true);
  });

  it("when the top frame and a frame inside both show controls, only the top answers", () => {
    const tab = shellWithFrame(true, ZOOM_FOOTER);
    expect(tab.top()).toBe(true);
    expect(tab.frame()).toBe(false);
  });
});

describe("a room of another origin embedded in a portal", () => {
  it("the portal stays silent for the Whereby frame it cannot read; a request sent to it answers", () => {
    dom = new JSDOM(
      `<body><iframe src="https://whereby.com/coachrummet" allow="camera; microphone"></iframe></body>`,
      { url: "https://portal.region.se/besok" },
    );
    const portal = dom.window as unknown as Window;
    // jsdom does not load the room; its frame reads as another origin's.
    const frame = portal.document.querySelector("iframe");
    Object.defineProperty(frame, "contentDocument", { get: () => null });
    expect(answersForTab(portal, adapterFor(portal.location.href, portal.document))).toBe(false);
    const marked = { type: "meeting:probe", [TO_FRAME]: true };
    expect(sentToThisFrame(marked)).toBe(true);
    expect(withoutFrameMark(marked)).toEqual({ type: "meeting:probe" });
    expect(sentToThisFrame({ type: "meeting:probe" })).toBe(false);
  });
});
