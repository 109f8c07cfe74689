import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { COVER_ATTRIBUTE, isCovered } from "@/lib/platforms/cover";
import { genericAdapter } from "@/lib/platforms/generic";
import { adapterFor } from "@/lib/platforms/index";
import { coverRemoteVideos, uncoverRemoteVideos } from "@/lib/platforms/page-actions";
import { type FixtureName, type FixturePage, openFixture } from "./fixture-page";
import { inWords } from "./in-words";

const LABEL = "Paus – klienten visas inte";

let page: FixturePage | undefined;
afterEach(() => {
  if (page) uncoverRemoteVideos(page.document);
  page?.close();
  page = undefined;
});

function open(fixture: FixtureName) {
  page = openFixture(fixture);
  return { doc: page.document, adapter: adapterFor(page.url, page.document) };
}

const layers = (doc: Document) => [...doc.querySelectorAll<HTMLElement>(`[${COVER_ATTRIBUTE}]`)];
const layerAfter = (element: Element | null) =>
  element?.nextElementSibling?.hasAttribute(COVER_ATTRIBUTE) ? element.nextElementSibling : null;
const byTestId = (doc: Document, id: string) => doc.querySelector(`[data-testid=${id}]`);

// no-controls tells its self-view only by the camera track, which jsdom has not: see
// videos.test.ts and the browser tests.
describe.each(["jitsi", "self-hosted-jitsi", "google-meet", "teams", "zoom", "whereby"] as const)(
  "covering the client on %s",
  (fixture) => {
    it("lays the labelled layer over the client's video and leaves the self-view", () => {
      const { doc, adapter } = open(fixture);
      expect(coverRemoteVideos(doc, adapter, LABEL)).toEqual({ result: "done" });
      // Jitsi's whole stage is covered (LargeVideo.web.tsx): the large video is inside it.
      const picture = byTestId(doc, "stage") ?? byTestId(doc, "remote-video");
      const layer = layerAfter(picture);
      expect(layer?.textContent).toBe(LABEL);
      expect(layer?.getAttribute("aria-label")).toBe(LABEL);
      expect(layerAfter(byTestId(doc, "self-video"))).toBeNull();
    });

    it("covers once, however often it is asked, and uncovers completely", () => {
      const { doc, adapter } = open(fixture);
      coverRemoteVideos(doc, adapter, LABEL);
      const count = layers(doc).length;
      expect(coverRemoteVideos(doc, adapter, LABEL)).toEqual({ result: "already" });
      expect(layers(doc)).toHaveLength(count);
      expect(uncoverRemoteVideos(doc)).toEqual({ result: "done" });
      expect(layers(doc)).toHaveLength(0);
      expect(isCovered(doc)).toBe(false);
      expect(uncoverRemoteVideos(doc)).toEqual({ result: "already" });
    });
  },
);

describe("covering on pages Tresteg cannot read", () => {
  function pageWith(html: string): Document {
    const doc = document.implementation.createHTMLDocument("möte");
    doc.body.innerHTML = html;
    return doc;
  }

  afterEach(() => vi.useRealTimers());

  it("fails and says so when there is no video of the client", () => {
    const doc = pageWith(`<video style="transform: scaleX(-1)"></video>`);
    expect(inWords(coverRemoteVideos(doc, genericAdapter(), LABEL))).toEqual({
      result: "failed",
      detail: "Hittade ingen video från klienten att täcka över.",
    });
    expect(layers(doc)).toHaveLength(0);
    expect(uncoverRemoteVideos(doc)).toEqual({ result: "already" });
  });

  it("covers every video, and says so, when none can be told from the coach's own", () => {
    const doc = pageWith(`<video id="a"></video><video id="b"></video>`);
    expect(inWords(coverRemoteVideos(doc, genericAdapter(), LABEL))).toEqual({
      result: "done",
      detail: "Kunde inte skilja klientens video från din egen, så alla videor är övertäckta.",
    });
    expect(layers(doc)).toHaveLength(2);
    uncoverRemoteVideos(doc);
  });

  it("ignores hidden videos", () => {
    const doc = pageWith(`<video id="a"></video><div hidden><video id="b"></video></div>`);
    coverRemoteVideos(doc, genericAdapter(), LABEL);
    expect(layers(doc)).toHaveLength(1);
    uncoverRemoteVideos(doc);
  });

  it("shows the label as text, never as markup", () => {
    const doc = pageWith(`<video></video>`);
    coverRemoteVideos(doc, genericAdapter(), `<img src=x onerror="alert(1)">`);
    const [layer] = layers(doc);
    expect(layer?.textContent).toBe(`<img src=x onerror="alert(1)">`);
    expect(layer?.querySelector("img")).toBeNull();
    uncoverRemoteVideos(doc);
  });

  describe("during the wait", () => {
    beforeEach(() => vi.useFakeTimers());

    it("covers a video of the client that appears later", () => {
      const doc = pageWith(`<video style="transform: scaleX(-1)"></video><video id="a"></video>`);
      coverRemoteVideos(doc, genericAdapter(), LABEL);
      const later = doc.createElement("video");
      doc.body.append(later);
      vi.advanceTimersByTime(300);
      expect(layerAfter(later)).not.toBeNull();
      expect(layers(doc)).toHaveLength(2);
      uncoverRemoteVideos(doc);
    });

    it("puts back a layer the page removed, and drops layers of videos that left", () => {
      const doc = pageWith(`<video id="a"></video><div><video id="b"></video></div>`);
      coverRemoteVideos(doc, genericAdapter(), LABEL);
      layerAfter(doc.getElementById("a"))?.remove();
      doc.getElementById("b")?.parentElement?.remove();
      vi.advanceTimersByTime(300);
      expect(layerAfter(doc.getElementById("a"))).not.toBeNull();
      expect(layers(doc)).toHaveLength(1);
      uncoverRemoteVideos(doc);
    });

    it("stops following the page once uncovered", () => {
      const doc = pageWith(`<video id="a"></video>`);
      coverRemoteVideos(doc, genericAdapter(), LABEL);
      uncoverRemoteVideos(doc);
      doc.body.append(doc.createElement("video"));
      vi.advanceTimersByTime(1_000);
      expect(layers(doc)).toHaveLength(0);
    });
  });
});

describe("covering Jitsi's whole stage", () => {
  it("covers the stage that holds the large video and its blurred background canvas", () => {
    const { doc, adapter } = open("jitsi");
    expect(coverRemoteVideos(doc, adapter, LABEL)).toEqual({ result: "done" });
    const stage = byTestId(doc, "stage");
    expect(layerAfter(stage)).not.toBeNull();
    expect(stage?.contains(byTestId(doc, "stage-background"))).toBe(true);
    // The client's tile in the filmstrip has a layer of its own; the large video needs none.
    expect(layerAfter(doc.querySelector("[id^=remoteVideo_]"))).not.toBeNull();
    expect(layerAfter(byTestId(doc, "remote-video"))).toBeNull();
    expect(layerAfter(byTestId(doc, "self-video"))).toBeNull();
  });

  it("covers the stage while the client's camera is off, and the client's tile when it comes back", async () => {
    page = openFixture("jitsi", "?client-camera=off");
    const doc = page.document;
    const adapter = adapterFor(page.url, doc);
    const report = coverRemoteVideos(doc, adapter, LABEL);
    expect(inWords(report)).toEqual({
      result: "done",
      detail: "Klientens kamera är av just nu; Tresteg täcker bilden när den kommer tillbaka.",
    });
    expect(layerAfter(byTestId(doc, "stage"))).not.toBeNull();
    const tileVideo = doc.querySelector("[id^=remoteVideo_]");
    expect(layerAfter(tileVideo)).toBeNull();
    (page.window as unknown as { Fixture: { clientCamera(s: string): void } }).Fixture.clientCamera(
      "on",
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(layerAfter(tileVideo)).not.toBeNull();
  });
});

describe("claiming covered only when the cover is on top", () => {
  /** The Jitsi page with a layout: each covered surface a 400×300 box at the top left. */
  function laidOut(top: (layer: Element | null, surface: Element) => Element | null) {
    const { doc, adapter } = open("jitsi");
    const box = { x: 0, y: 0, left: 0, top: 0, width: 400, height: 300, right: 400, bottom: 300 };
    for (const element of doc.querySelectorAll<HTMLElement>("video, #largeVideoContainer")) {
      element.getBoundingClientRect = () => ({ ...box, toJSON: () => box }) as DOMRect;
    }
    const stage = byTestId(doc, "stage")!;
    doc.elementFromPoint = () => top(layerAfter(stage), stage);
    return { doc, adapter, stage };
  }

  it("fails, and leaves nothing on the page, when the page keeps the picture above the cover", () => {
    const { doc, adapter } = laidOut((_layer, stage) => stage.querySelector("#largeVideo"));
    expect(inWords(coverRemoteVideos(doc, adapter, LABEL))).toEqual({
      result: "failed",
      detail:
        "Mötessidan lägger något över Tresteg täckning, så klientens bild syns. Dölj klientens bild själv.",
    });
    expect(layers(doc)).toHaveLength(0);
    expect(isCovered(doc)).toBe(false);
  });

  it("lifts a layer the page draws part of the picture above, and then claims it", () => {
    const { doc, adapter } = laidOut((layer, stage) =>
      layer && (layer as HTMLElement).style.zIndex === "2147483647"
        ? layer
        : stage.querySelector("#largeVideo"),
    );
    expect(coverRemoteVideos(doc, adapter, LABEL)).toEqual({ result: "done" });
  });

  it("counts the coach's own self-view above the stage as not showing the client", () => {
    const { doc, adapter } = laidOut(() => doc.querySelector("#localVideoContainer"));
    expect(coverRemoteVideos(doc, adapter, LABEL)).toEqual({ result: "done" });
  });

  it("shows the layer again when the page hides it, and says so when it cannot be kept", async () => {
    let pageWins = false;
    const { doc, adapter, stage } = laidOut((layer) =>
      pageWins ? stage.querySelector("#largeVideo") : layer,
    );
    expect(coverRemoteVideos(doc, adapter, LABEL)).toEqual({ result: "done" });
    const layer = layerAfter(stage) as HTMLElement;
    layer.style.display = "none";
    layer.hidden = true;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(layer.hidden).toBe(false);
    expect(layer.style.display).toBe("flex");
    pageWins = true;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(coverRemoteVideos(doc, adapter, LABEL)).toEqual({
      result: "failed",
      code: { reason: "cover-not-on-top" },
    });
  });
});

describe("telling what the cover did on its own during the wait", () => {
  function pageWith(html: string): Document {
    const doc = document.implementation.createHTMLDocument("möte");
    doc.body.innerHTML = html;
    return doc;
  }
  const rounds = (n = 1) => new Promise((resolve) => setTimeout(resolve, 260 * n + 40));

  it("tells once that it put back a layer the page removed, hid or restyled", async () => {
    const doc = pageWith(`<video style="transform: scaleX(-1)"></video><video id="a"></video>`);
    const told: string[] = [];
    expect(coverRemoteVideos(doc, genericAdapter(), LABEL, (c) => told.push(c))).toEqual({
      result: "done",
    });
    await rounds(2);
    expect(told).toEqual([]);
    layerAfter(doc.getElementById("a"))?.remove();
    await rounds();
    expect(layerAfter(doc.getElementById("a"))).not.toBeNull();
    expect(told).toEqual(["reapplied"]);
    (layerAfter(doc.getElementById("a")) as HTMLElement).style.setProperty("opacity", "0");
    await rounds();
    expect(told).toEqual(["reapplied", "reapplied"]);
    (layerAfter(doc.getElementById("a")) as HTMLElement).hidden = true;
    await rounds();
    expect(told).toEqual(["reapplied", "reapplied", "reapplied"]);
    expect((layerAfter(doc.getElementById("a")) as HTMLElement).hidden).toBe(false);
    uncoverRemoteVideos(doc);
  });

  it("says nothing when the layer only follows its surface as the page's layout changes", async () => {
    const doc = pageWith(`<video style="transform: scaleX(-1)"></video><video id="a"></video>`);
    const told: string[] = [];
    coverRemoteVideos(doc, genericAdapter(), LABEL, (c) => told.push(c));
    const video = doc.getElementById("a")!;
    let left = 0;
    video.getBoundingClientRect = () => {
      const box = { x: left, y: 0, left, top: 0, width: 400, height: 300, right: left + 400 };
      return { ...box, bottom: 300, toJSON: () => box } as DOMRect;
    };
    for (left = 10; left <= 40; left += 10) await rounds();
    // Moved with the video (jsdom lays nothing out, so only that it moved is checked).
    expect((layerAfter(video) as HTMLElement).style.left).not.toBe("0px");
    expect(told).toEqual([]);
    uncoverRemoteVideos(doc);
  });

  it("tells once that the cover is lost, and when it is on top again", async () => {
    let pageWins = false;
    const { doc, adapter } = open("jitsi");
    const box = { x: 0, y: 0, left: 0, top: 0, width: 400, height: 300, right: 400, bottom: 300 };
    for (const element of doc.querySelectorAll<HTMLElement>("video, #largeVideoContainer")) {
      element.getBoundingClientRect = () => ({ ...box, toJSON: () => box }) as DOMRect;
    }
    const stage = byTestId(doc, "stage")!;
    doc.elementFromPoint = () =>
      pageWins ? stage.querySelector("#largeVideo") : layerAfter(stage);
    const told: string[] = [];
    expect(coverRemoteVideos(doc, adapter, LABEL, (c) => told.push(c))).toEqual({
      result: "done",
    });
    pageWins = true;
    await rounds(3);
    expect(told).toEqual(["lost"]);
    expect(coverRemoteVideos(doc, adapter, LABEL)).toEqual({
      result: "failed",
      code: { reason: "cover-not-on-top" },
    });
    pageWins = false;
    await rounds(2);
    expect(told).toEqual(["lost", "reapplied"]);
    expect(coverRemoteVideos(doc, adapter, LABEL)).toEqual({ result: "already" });
  });

  it("tells that the client's tile was covered when the client's camera came on", async () => {
    page = openFixture("jitsi", "?client-camera=off");
    const doc = page.document;
    const told: string[] = [];
    coverRemoteVideos(doc, adapterFor(page.url, doc), LABEL, (c) => told.push(c));
    await rounds(2);
    expect(told).toEqual([]);
    (page.window as unknown as { Fixture: { clientCamera(s: string): void } }).Fixture.clientCamera(
      "on",
    );
    await rounds();
    expect(layerAfter(doc.querySelector("[id^=remoteVideo_]"))).not.toBeNull();
    expect(told).toEqual(["covered-late"]);
    await rounds(2);
    expect(told).toEqual(["covered-late"]);
  });

  it("keeps watching a page with no picture of the client, and covers the picture when it comes", async () => {
    const doc = pageWith(`<video style="transform: scaleX(-1)"></video>`);
    const told: string[] = [];
    expect(coverRemoteVideos(doc, genericAdapter(), LABEL, (c) => told.push(c))).toEqual({
      result: "failed",
      code: { reason: "no-remote-video" },
    });
    expect(isCovered(doc)).toBe(false);
    expect(coverRemoteVideos(doc, genericAdapter(), LABEL)).toEqual({
      result: "failed",
      code: { reason: "no-remote-video" },
    });
    const client = doc.createElement("video");
    doc.body.append(client);
    await rounds();
    expect(layerAfter(client)).not.toBeNull();
    expect(isCovered(doc)).toBe(true);
    expect(told).toEqual(["covered-late"]);
    expect(uncoverRemoteVideos(doc)).toEqual({ result: "done" });
  });

  it("stops watching, and tells nothing more, once uncovered", async () => {
    const doc = pageWith(`<div></div>`);
    const told: string[] = [];
    coverRemoteVideos(doc, genericAdapter(), LABEL, (c) => told.push(c));
    expect(uncoverRemoteVideos(doc)).toEqual({ result: "already" });
    doc.body.append(doc.createElement("video"));
    await rounds(2);
    expect(layers(doc)).toHaveLength(0);
    expect(told).toEqual([]);
  });
});
