import { afterEach, describe, expect, it } from "vitest";
import { type Frame, coveredPicture, frameOf, sideBySide } from "@/lib/platforms/covered-picture";
import { adapterFor } from "@/lib/platforms/index";
import { coverRemoteVideos, uncoverRemoteVideos } from "@/lib/platforms/page-actions";
import { type FixturePage, openFixture } from "./fixture-page";

const PNG = "data:image/png;base64,iVBORw0KGgo=";

let page: FixturePage | undefined;
afterEach(() => {
  if (page) uncoverRemoteVideos(page.document);
  page?.close();
  page = undefined;
});

/** The Jitsi fixture with the client's video showing a 640×360 frame (jsdom plays nothing). */
function jitsiPlaying() {
  page = openFixture("jitsi");
  const doc = page.document;
  const adapter = adapterFor(page.url, doc);
  for (const video of doc.querySelectorAll("video")) {
    Object.defineProperties(video, {
      readyState: { value: 4 },
      videoWidth: { value: 640 },
      videoHeight: { value: 360 },
    });
  }
  return { doc, adapter, remote: doc.querySelector<HTMLElement>("[data-testid=remote-video]")! };
}

const securityError = () =>
  Object.assign(new Error("Tainted canvases may not be exported."), {
    name: "SecurityError",
  });

describe("the client's picture under the cover", () => {
  it("is not asked for when nothing is covered: the visible tab is the screenshot", () => {
    const { doc, adapter } = jitsiPlaying();
    expect(coveredPicture(doc, adapter, () => PNG)).toEqual({ covered: false });
  });

  it("draws the client's video, not the self-view, while covered", () => {
    const { doc, adapter, remote } = jitsiPlaying();
    coverRemoteVideos(doc, adapter, "Paus");
    let drawn: readonly Frame[] = [];
    const answer = coveredPicture(doc, adapter, (_doc, frames) => {
      drawn = frames;
      return PNG;
    });
    expect(answer).toEqual({ covered: true, png: PNG });
    const self = doc.querySelector("[data-testid=self-video]");
    expect(drawn.map((frame) => frame.source)).toContain(remote);
    expect(drawn.map((frame) => frame.source)).not.toContain(self);
    expect(drawn.every((frame) => frame.width === 640 && frame.height === 360)).toBe(true);
  });

  it("says the video cannot be read when it comes from another site, and gives no picture", () => {
    const { doc, adapter } = jitsiPlaying();
    coverRemoteVideos(doc, adapter, "Paus");
    expect(
      coveredPicture(doc, adapter, () => {
        throw securityError();
      }),
    ).toEqual({ covered: true, failed: { reason: "video-tainted" } });
  });

  it("says there is no picture when the client's video has no frame yet", () => {
    page = openFixture("jitsi");
    const doc = page.document;
    const adapter = adapterFor(page.url, doc);
    coverRemoteVideos(doc, adapter, "Paus");
    expect(coveredPicture(doc, adapter, () => PNG)).toEqual({
      covered: true,
      failed: { reason: "no-remote-video" },
    });
  });

  it("reads a canvas the platform draws the client into (Zoom) at its own size", () => {
    page = openFixture("zoom");
    const canvas = page.document.createElement("canvas");
    canvas.width = 320;
    canvas.height = 180;
    expect(frameOf(canvas)).toEqual({ source: canvas, width: 320, height: 180 });
  });
});

describe("laying several pictures out", () => {
  it.each([
    [[], { width: 0, height: 0, at: [] }],
    [[{ width: 640, height: 360 }], { width: 640, height: 360, at: [{ x: 0, y: 0 }] }],
    [
      [
        { width: 640, height: 360 },
        { width: 320, height: 480 },
      ],
      {
        width: 960,
        height: 480,
        at: [
          { x: 0, y: 0 },
          { x: 640, y: 0 },
        ],
      },
    ],
  ])("places %j side by side, unscaled", (sizes, expected) => {
    expect(sideBySide(sizes)).toEqual(expected);
  });
});
