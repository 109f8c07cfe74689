import { describe, expect, it } from "vitest";
import { findRemoteVideos, flipsHorizontally, looksLikeSelfView } from "@/lib/platforms/videos";

function pageWith(html: string): Document {
  const doc = document.implementation.createHTMLDocument("möte");
  doc.body.innerHTML = html;
  return doc;
}

/**
 * Gives a video a stream whose track reports these settings: a camera reports its device's
 * groupId; a canvas track in Chromium a deviceId but no groupId; a remote track neither.
 */
function playStream(video: HTMLVideoElement, settings: MediaTrackSettings) {
  const track = { kind: "video", getSettings: () => settings };
  Object.defineProperty(video, "srcObject", {
    value: { getVideoTracks: () => [track] },
    configurable: true,
  });
}

describe("telling the coach's self-view from the client's video", () => {
  it.each([
    ["matrix(-1, 0, 0, 1, 0, 0)", true],
    ["scaleX(-1)", true],
    ["scale(-1, 1)", true],
    ["rotateY(180deg)", true],
    ["matrix3d(-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)", true],
    ["none", false],
    ["matrix(1, 0, 0, 1, 0, 0)", false],
    ["matrix(-1, 0, 0, -1, 0, 0)", false],
    ["scaleY(-1)", false],
  ])("reads the transform %s as mirrored: %s", (transform, mirrored) => {
    expect(flipsHorizontally(transform)).toBe(mirrored);
  });

  it("sees a mirrored video, or one inside a mirrored tile, as the self-view", () => {
    const doc = pageWith(`
      <video id="own" style="transform: scaleX(-1)"></video>
      <div style="transform: scaleX(-1)"><div><video id="tile"></video></div></div>
      <video id="client"></video>`);
    const video = (id: string) => doc.getElementById(id) as HTMLElement;
    expect(looksLikeSelfView(video("own"))).toBe(true);
    expect(looksLikeSelfView(video("tile"))).toBe(true);
    expect(looksLikeSelfView(video("client"))).toBe(false);
  });

  it("sees a video named local, self or preview as the self-view", () => {
    const doc = pageWith(`
      <video id="localVideo"></video>
      <div class="tile self-view"><video id="b"></video></div>
      <video id="client" class="participant-video"></video>`);
    expect(looksLikeSelfView(doc.getElementById("localVideo") as HTMLElement)).toBe(true);
    expect(looksLikeSelfView(doc.getElementById("b") as HTMLElement)).toBe(true);
    expect(looksLikeSelfView(doc.getElementById("client") as HTMLElement)).toBe(false);
  });

  it("sees a video playing this computer's camera as the self-view", () => {
    const doc = pageWith(`<video id="a"></video><video id="b"></video><video id="c"></video>`);
    const [own, client, drawn] = [...doc.querySelectorAll("video")];
    playStream(own as HTMLVideoElement, { deviceId: "41b4e9", groupId: "317132" });
    playStream(client as HTMLVideoElement, {});
    playStream(drawn as HTMLVideoElement, { deviceId: "h3IyxNp8ZHE6" });
    expect(findRemoteVideos(doc)).toEqual({ surfaces: [client, drawn], unsure: false });
  });

  it("is unsure, and keeps every video, when nothing tells them apart", () => {
    const doc = pageWith(`<video></video><video></video>`);
    expect(findRemoteVideos(doc)).toEqual({
      surfaces: [...doc.querySelectorAll("video")],
      unsure: true,
    });
  });

  it("finds no client when the only video is the coach's own", () => {
    const doc = pageWith(`<video class="local"></video>`);
    expect(findRemoteVideos(doc)).toEqual({ surfaces: [], unsure: false });
  });

  it("trusts the platform's marks over the generic hints", () => {
    const doc = pageWith(`
      <div class="preview-stage"><video id="client"></video></div>
      <video id="own"></video>`);
    const found = findRemoteVideos(doc, {
      isRemote: (video) => video.id === "client",
      isSelf: (video) => video.id === "own",
    });
    expect(found).toEqual({ surfaces: [doc.getElementById("client")], unsure: false });
  });
});
