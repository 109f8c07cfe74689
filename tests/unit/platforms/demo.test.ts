import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startDemoMeeting } from "@/demo/meeting.js";
import { coverRemoteVideos, hangUp, probe, setOwnDevice } from "@/lib/platforms/page-actions";
import { adapterFor } from "@/lib/platforms/index";

// The demo meeting `npm start` opens, at the address it has there (localhost, which says
// nothing about the platform): Tresteg must recognise it as the self-hosted Jitsi it is built
// like, and the wait's four actions must work on it.

const DEMO_URL = "http://127.0.0.1:4173/demo/meeting.html";
const QUICK = { timeoutMs: 300, intervalMs: 10 };
const html = readFileSync(resolve(process.cwd(), "demo/meeting.html"), "utf8");

// jsdom draws nothing and has no camera: the page says so, its buttons still work. Kept for
// the whole file, since the page's timers outlive each test.
const getContext = HTMLCanvasElement.prototype.getContext;
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof getContext;
});
afterAll(() => {
  HTMLCanvasElement.prototype.getContext = getContext;
});

let hangUpPage: () => void;
beforeEach(() => {
  const body = /<body([^>]*)>([\s\S]*)<\/body>/.exec(html);
  if (!body?.[2]) throw new Error("demo/meeting.html has no body");
  document.body.innerHTML = body[2].replace(/<script[\s\S]*?<\/script>/g, "");
  for (const [, name, value] of (body[1] ?? "").matchAll(/data-([a-z]+)="([^"]*)"/g)) {
    document.body.dataset[name!] = value!;
  }
  hangUpPage = startDemoMeeting();
});
afterEach(() => {
  // Ends the page's timers with the call, before the next test's page.
  hangUpPage();
  document.body.innerHTML = "";
  for (const key of Object.keys(document.body.dataset)) delete document.body.dataset[key];
});

describe("the demo meeting", () => {
  it("says it is a demo and that nothing is sent, in Swedish", () => {
    expect(document.querySelector("h1")?.textContent).toBe("Demomöte – Hälsocoach online");
    expect(document.getElementById("demo-notice")?.textContent).toMatch(/inget skickas någonstans/);
  });

  it("is recognised as Jitsi on localhost, with every control and the client's picture", () => {
    const adapter = adapterFor(DEMO_URL, document);
    expect(adapter.id).toBe("jitsi");
    expect(probe(document, adapter)).toEqual({
      platform: "jitsi",
      controls: { mic: true, camera: true, hangUp: true },
      remoteVideos: 2,
    });
    expect(adapter.remoteVideos(document).stages).toEqual([
      document.getElementById("largeVideoContainer"),
    ]);
  });

  it("lets Tresteg turn the coach's microphone and camera off and on, as the tile shows", async () => {
    const adapter = adapterFor(DEMO_URL, document);
    for (const device of ["mic", "camera"] as const) {
      expect(await setOwnDevice(document, adapter, device, "off", QUICK)).toEqual({
        result: "done",
      });
      expect(document.body.dataset[device]).toBe("off");
      expect(await setOwnDevice(document, adapter, device, "off", QUICK)).toEqual({
        result: "already",
      });
    }
    expect(document.querySelector("#localVideoContainer #audioMuted")).not.toBeNull();
    expect(document.getElementById("localVideoContainer")?.className).toContain(
      "display-avatar-only",
    );
    for (const device of ["mic", "camera"] as const) {
      expect(await setOwnDevice(document, adapter, device, "on", QUICK)).toEqual({
        result: "done",
      });
      expect(document.body.dataset[device]).toBe("on");
    }
  });

  it("covers the stage and the client's tile, never the coach's own picture", () => {
    const adapter = adapterFor(DEMO_URL, document);
    expect(coverRemoteVideos(document, adapter, "Paus")).toMatchObject({ result: "done" });
    const covered = [...document.querySelectorAll("[data-tresteg-cover]")].map(
      (layer) => layer.previousElementSibling?.id,
    );
    expect(covered.sort()).toEqual(["largeVideoContainer", "remoteVideo_demo-v0"]);
  });

  it("leaves the call when Tresteg hangs up", async () => {
    const adapter = adapterFor(DEMO_URL, document);
    expect(await hangUp(document, adapter, QUICK)).toEqual({ result: "done" });
    expect(document.body.dataset.call).toBe("left");
    expect(document.getElementById("close-page")?.textContent).toContain("lämnat demomötet");
  });
});
