import { afterEach, describe, expect, it } from "vitest";
import type { PlatformId } from "@/lib/platforms/detect";
import { adapterFor } from "@/lib/platforms/index";
import { hangUp, probe, setOwnDevice } from "@/lib/platforms/page-actions";
import { type FixtureName, type FixturePage, openFixture } from "./fixture-page";

// Every adapter against its fixture page, in Swedish (the default) and English: the page is
// served from 127.0.0.1 in the browser tests too, so the adapter is chosen by recognising it.
const PLATFORMS: [FixtureName, PlatformId][] = [
  ["jitsi", "jitsi"],
  ["self-hosted-jitsi", "jitsi"],
  ["google-meet", "google-meet"],
  ["teams", "teams"],
  ["zoom", "zoom"],
  ["whereby", "whereby"],
];
const CASES = PLATFORMS.flatMap(([fixture, platform]) =>
  (["sv", "en"] as const).map((lang) => ({ fixture, platform, lang })),
);

let page: FixturePage | undefined;
afterEach(() => page?.close());

function open(fixture: FixtureName, lang: "sv" | "en", extra = "") {
  const query = [lang === "en" ? "lang=en" : "", extra].filter(Boolean).join("&");
  page = openFixture(fixture, query ? `?${query}` : "");
  return { page, adapter: adapterFor(page.url, page.document) };
}

describe.each(CASES)("$fixture in $lang", ({ fixture, platform, lang }) => {
  it("is recognised and shows its microphone, camera, leave button and the client", () => {
    const { page, adapter } = open(fixture, lang);
    expect(probe(page.document, adapter)).toEqual({
      platform,
      controls: { mic: true, camera: true, hangUp: true },
      remoteVideos: expect.any(Number),
    });
    expect(probe(page.document, adapter).remoteVideos).toBeGreaterThanOrEqual(1);
  });

  it("turns the coach's microphone and camera off and back on, as the page shows", async () => {
    const { page, adapter } = open(fixture, lang);
    for (const device of ["mic", "camera"] as const) {
      expect(await setOwnDevice(page.document, adapter, device, "off")).toEqual({ result: "done" });
      expect(page.state()[device]).toBe("off");
      expect(await setOwnDevice(page.document, adapter, device, "on")).toEqual({ result: "done" });
      expect(page.state()[device]).toBe("on");
    }
  });

  it("answers already, and presses nothing, when the coach had muted before", async () => {
    const { page, adapter } = open(fixture, lang, "mic=off&camera=off");
    for (const device of ["mic", "camera"] as const) {
      expect(await setOwnDevice(page.document, adapter, device, "off")).toEqual({
        result: "already",
      });
      expect(page.state()[device]).toBe("off");
    }
  });

  it("leaves the call through the platform's leave control", async () => {
    const { page, adapter } = open(fixture, lang);
    expect(await hangUp(page.document, adapter)).toEqual({ result: "done" });
    expect(page.state().call).toBe("left");
  });
});

describe("what the real pages do beyond the toggles", () => {
  it.each(["sv", "en"] as const)(
    "Meet as host (%s): answers 'just leave the call', never 'end for everyone'",
    async (lang) => {
      const { page, adapter } = open("google-meet", lang, "host=1");
      expect(await hangUp(page.document, adapter)).toEqual({ result: "done" });
      expect(page.state()).toMatchObject({ call: "left", endedForAll: "false" });
    },
  );

  it.each(["sv", "en"] as const)(
    "Meet as host (%s): ends the call for everyone when the settings say so, and says it chose that",
    async (lang) => {
      const { page, adapter } = open("google-meet", lang, "host=1");
      expect(await hangUp(page.document, adapter, undefined, "end-for-all")).toEqual({
        result: "done",
        code: { reason: "ended-for-all" },
      });
      expect(page.state()).toMatchObject({ call: "left", endedForAll: "true" });
    },
  );

  it.each(["sv", "en"] as const)(
    "Meet as host (%s): the settings' 'leave' answers 'just leave the call'",
    async (lang) => {
      const { page, adapter } = open("google-meet", lang, "host=1");
      expect(await hangUp(page.document, adapter, undefined, "leave")).toEqual({
        result: "done",
      });
      expect(page.state()).toMatchObject({ call: "left", endedForAll: "false" });
    },
  );

  it("Meet not as host: asked to end for everyone, it leaves and says the page offered no such answer", async () => {
    const { page, adapter } = open("google-meet", "en");
    expect(await hangUp(page.document, adapter, undefined, "end-for-all")).toEqual({
      result: "done",
      code: { reason: "end-for-all-not-offered" },
    });
    expect(page.state()).toMatchObject({ call: "left", endedForAll: "false" });
  });

  it("Meet as host, the dialog in a language Tresteg has no words for: never ends for everyone", async () => {
    const { page, adapter } = open("google-meet", "en", "host=1");
    const doc = page.document;
    // The dialog opens on the leave click; its end answer is relabelled as it appears.
    new page.window.MutationObserver(() => {
      const end = doc.querySelector("[data-testid=end-for-all]");
      if (end && end.textContent !== "Anruf für alle beenden") {
        end.textContent = "Anruf für alle beenden";
      }
    }).observe(doc.body, { childList: true, subtree: true });
    expect(await hangUp(doc, adapter, undefined, "end-for-all")).toEqual({
      result: "done",
      code: { reason: "end-for-all-not-offered" },
    });
    expect(page.state()).toMatchObject({ call: "left", endedForAll: "false" });
  });

  it("Meet: finds the toggles by jsname when the label carries no shortcut suffix", async () => {
    const { page, adapter } = open("google-meet", "sv");
    for (const button of page.document.querySelectorAll("[data-is-muted][aria-label]")) {
      button.setAttribute("aria-label", "Mikrofon");
      button.removeAttribute("data-tooltip");
    }
    expect(adapter.camera?.find(page.document)?.getAttribute("jsname")).toBe("psRWwc");
    expect(await setOwnDevice(page.document, adapter, "camera", "off")).toEqual({
      result: "done",
    });
    expect(page.state()).toMatchObject({ camera: "off", mic: "on" });
  });

  it.each(["sv", "en"] as const)(
    "Teams (%s): the hidden copy of the controls left after leaving counts as gone",
    async (lang) => {
      const { page, adapter } = open("teams", lang);
      expect(await hangUp(page.document, adapter)).toEqual({ result: "done" });
      expect(page.state().call).toBe("left");
      // The copy is still in the page, only hidden.
      expect(page.document.querySelector("#hangup-button")).not.toBeNull();
      expect(probe(page.document, adapter).controls).toEqual({
        mic: false,
        camera: false,
        hangUp: false,
      });
    },
  );

  it.each(["sv", "en"] as const)(
    "Teams (%s) without the camera's data-state: the label tells, and the camera goes off",
    async (lang) => {
      const { page, adapter } = open("teams", lang, "camera-mark=none");
      expect(page.document.querySelector("#video-button")?.hasAttribute("data-state")).toBe(false);
      expect(await setOwnDevice(page.document, adapter, "camera", "off")).toEqual({
        result: "done",
      });
      expect(page.state().camera).toBe("off");
      expect(await setOwnDevice(page.document, adapter, "camera", "off")).toEqual({
        result: "already",
      });
    },
  );

  it.each(["sv", "en"] as const)(
    "Whereby's 2019 toolbar (%s) is still recognised",
    async (lang) => {
      const { page, adapter } = open("whereby", lang, "ui=2019");
      for (const device of ["mic", "camera"] as const) {
        expect(await setOwnDevice(page.document, adapter, device, "off")).toEqual({
          result: "done",
        });
        expect(page.state()[device]).toBe("off");
      }
      expect(await hangUp(page.document, adapter)).toEqual({ result: "done" });
    },
  );

  it("Zoom's shell page around iframe#webclient holds no meeting of its own", () => {
    const shell = openFixture("zoom-pwa");
    try {
      const adapter = adapterFor(shell.url, shell.document);
      expect(probe(shell.document, adapter)).toMatchObject({
        controls: { mic: false, camera: false, hangUp: false },
        remoteVideos: 0,
      });
      expect(shell.document.querySelector("iframe#webclient")).not.toBeNull();
    } finally {
      shell.close();
    }
  });
});
