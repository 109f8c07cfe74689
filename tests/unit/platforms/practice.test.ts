import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startMeeting } from "@/lib/practice/meeting.js";
import { adapterFor } from "@/lib/platforms/index";
import { coverRemoteVideos, hangUp, probe, setOwnDevice } from "@/lib/platforms/page-actions";

// The packaged practice meeting, built by the same script as the unknown-platform demo, driven
// by the adapter Tresteg picks for its address: the wait's mutes and the hang-up can be
// practised.

const PRACTICE_URL = "chrome-extension://abcdefghijklmnop/practice.html";
const QUICK = { timeoutMs: 200, intervalMs: 10 };

beforeEach(() => {
  // jsdom draws nothing: the drawn client fails to start, and the page says so; the buttons
  // work regardless, as they do on the demo pages without a camera.
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
  document.body.innerHTML = "";
  document.body.dataset.meeting = "practice";
  startMeeting();
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = "";
});

describe("the practice meeting", () => {
  it("is a meeting page marked as practice, with a client, a self view and controls", () => {
    expect(document.querySelector("h1")?.textContent).toBe("Övningsmöte – Tresteg");
    expect(document.querySelector("#remote .name")?.textContent).toBe("Övningsklient");
    const adapter = adapterFor(PRACTICE_URL, document);
    expect(adapter.id).toBe("practice");
    expect(probe(document, adapter)).toEqual({
      platform: "practice",
      controls: { mic: true, camera: true, hangUp: true },
      remoteVideos: 1,
    });
  });

  it("lets Tresteg turn the coach's microphone and camera off, and the call end", async () => {
    const adapter = adapterFor(PRACTICE_URL, document);
    expect(await setOwnDevice(document, adapter, "mic", "off", QUICK)).toMatchObject({
      result: "done",
    });
    expect(await setOwnDevice(document, adapter, "camera", "off", QUICK)).toMatchObject({
      result: "done",
    });
    expect(document.body.dataset).toMatchObject({ mic: "off", camera: "off" });
    expect(await setOwnDevice(document, adapter, "mic", "off", QUICK)).toMatchObject({
      result: "already",
    });
    expect(await hangUp(document, adapter, QUICK)).toMatchObject({ result: "done" });
    expect(document.body.dataset.state).toBe("left");
  });

  it("covers the client's picture and never the coach's own", () => {
    const adapter = adapterFor(PRACTICE_URL, document);
    expect(coverRemoteVideos(document, adapter, "Paus")).toMatchObject({ result: "done" });
    const covered = [...document.querySelectorAll("[data-tresteg-cover]")];
    expect(covered.length).toBeGreaterThan(0);
    expect(adapter.remoteVideos(document)).toEqual({
      surfaces: [document.getElementById("remote-video")],
      unsure: false,
    });
  });
});
