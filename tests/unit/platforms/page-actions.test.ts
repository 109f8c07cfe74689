import { afterEach, describe, expect, it } from "vitest";
import type { DeviceControl, PlatformAdapter } from "@/lib/platforms/adapter";
import { genericAdapter } from "@/lib/platforms/generic";
import { googleMeetAdapter } from "@/lib/platforms/google-meet";
import { adapterFor } from "@/lib/platforms/index";
import { jitsiAdapter } from "@/lib/platforms/jitsi";
import {
  coverRemoteVideos,
  hangUp,
  probe,
  setOwnDevice,
  uncoverRemoteVideos,
} from "@/lib/platforms/page-actions";
import { teamsAdapter } from "@/lib/platforms/teams";
import { wherebyAdapter } from "@/lib/platforms/whereby";
import { zoomAdapter } from "@/lib/platforms/zoom";
import { type FixturePage, openFixture } from "./fixture-page";
import { inWords } from "./in-words";

const QUICK = { timeoutMs: 120, intervalMs: 10 };

let page: FixturePage | undefined;
afterEach(() => page?.close());

function pageWith(html: string): Document {
  const doc = document.implementation.createHTMLDocument("möte");
  doc.body.innerHTML = html;
  return doc;
}

/** A Jitsi-style mic button that counts clicks and does `onClick`. */
function jitsiMic(pressed: string | null, onClick: (button: HTMLElement) => void = () => {}) {
  const doc = pageWith(
    `<div class="audio-preview"><div class="toolbox-button" role="button"></div></div>`,
  );
  const button = doc.querySelector<HTMLElement>(".toolbox-button")!;
  if (pressed !== null) button.setAttribute("aria-pressed", pressed);
  let clicks = 0;
  button.addEventListener("click", () => {
    clicks += 1;
    onClick(button);
  });
  return { doc, button, clicks: () => clicks };
}

describe("turning the coach's own microphone and camera off", () => {
  it("on an unknown page, asks the coach to do it and touches none of the page's buttons", async () => {
    page = openFixture("no-controls");
    const adapter = adapterFor(page.url, page.document);
    expect(adapter.id).toBe("generic");
    expect(inWords(await setOwnDevice(page.document, adapter, "mic", "off"))).toEqual({
      result: "failed",
      detail: "Stäng av din mikrofon själv",
    });
    expect(inWords(await setOwnDevice(page.document, adapter, "camera", "off"))).toEqual({
      result: "failed",
      detail: "Stäng av din kamera själv",
    });
    expect(inWords(await setOwnDevice(page.document, adapter, "camera", "on"))).toEqual({
      result: "failed",
      detail: "Slå på din kamera själv",
    });
    expect(page.state().mic).toBe("on");
    expect(page.state().camera).toBe("on");
  });

  it("fails and says so when the platform's button is not on the page", async () => {
    const report = await setOwnDevice(pageWith("<main></main>"), wherebyAdapter, "mic", "off");
    expect(inWords(report)).toEqual({
      result: "failed",
      detail: "Hittade inte knappen för mikrofonen i mötet. Stäng av din mikrofon själv.",
    });
  });

  it("does not click a button whose state it cannot read", async () => {
    const mic = jitsiMic(null);
    expect(inWords(await setOwnDevice(mic.doc, jitsiAdapter, "mic", "off", QUICK))).toEqual({
      result: "failed",
      detail: "Kunde inte se om mikrofonen är på eller av. Stäng av din mikrofon själv.",
    });
    expect(mic.clicks()).toBe(0);
  });

  it("does not claim a mute the page does not show", async () => {
    const mic = jitsiMic("false");
    const report = await setOwnDevice(mic.doc, jitsiAdapter, "mic", "off", QUICK);
    expect(inWords(report)).toEqual({
      result: "failed",
      detail: "Mötet ändrade inte mikrofonen. Stäng av din mikrofon själv.",
    });
    expect(mic.clicks()).toBe(1);
  });

  it("waits for a page that shows the new state a moment after the click", async () => {
    const mic = jitsiMic("false", (button) => {
      setTimeout(() => button.setAttribute("aria-pressed", "true"), 60);
    });
    expect(await setOwnDevice(mic.doc, jitsiAdapter, "mic", "off", QUICK)).toEqual({
      result: "done",
    });
  });

  it("does not press a disabled button", async () => {
    const mic = jitsiMic("false");
    mic.button.setAttribute("aria-disabled", "true");
    expect(inWords(await setOwnDevice(mic.doc, jitsiAdapter, "mic", "off", QUICK))).toEqual({
      result: "failed",
      detail: "Knappen för mikrofonen går inte att trycka på. Stäng av din mikrofon själv.",
    });
    expect(mic.clicks()).toBe(0);
  });

  it.each([
    ["google-meet", "Ctrl+D / Ctrl+E on keydown"],
    ["teams", "Ctrl+Shift+M / Ctrl+Shift+O on keydown"],
    ["jitsi", "M / V on keyup"],
  ] as const)(
    "uses %s's documented shortcut (%s) when the page ignores scripted clicks",
    async (fixture, _shortcut) => {
      page = openFixture(fixture, "?clicks=trusted-only");
      const adapter = adapterFor(page.url, page.document);
      for (const device of ["mic", "camera"] as const) {
        expect(await setOwnDevice(page.document, adapter, device, "off", QUICK)).toEqual({
          result: "done",
        });
        expect(page.state()[device]).toBe("off");
      }
    },
  );

  it("fails on a page that ignores scripted clicks and has no shortcut (Whereby)", async () => {
    page = openFixture("whereby", "?clicks=trusted-only");
    const adapter = adapterFor(page.url, page.document);
    const report = await setOwnDevice(page.document, adapter, "mic", "off", QUICK);
    expect(inWords(report)).toEqual({
      result: "failed",
      detail: "Mötet ändrade inte mikrofonen. Stäng av din mikrofon själv.",
    });
    expect(page.state().mic).toBe("on");
  });

  it("turns the device back on only through the same checks", async () => {
    page = openFixture("teams", "?mic=off");
    const adapter = adapterFor(page.url, page.document);
    expect(await setOwnDevice(page.document, adapter, "mic", "on")).toEqual({ result: "done" });
    expect(await setOwnDevice(page.document, adapter, "mic", "on")).toEqual({
      result: "already",
    });
    expect(page.state().mic).toBe("on");
  });

  it("reads Teams' microphone as unknown when its two marks disagree", async () => {
    const doc = pageWith(
      `<button id="microphone-button" data-state="mic-off" data-track-action-scenario="callMuteAudio"></button>`,
    );
    expect(inWords(await setOwnDevice(doc, teamsAdapter, "mic", "off", QUICK))).toEqual({
      result: "failed",
      detail: "Kunde inte se om mikrofonen är på eller av. Stäng av din mikrofon själv.",
    });
  });

  it("reaches a button in a toolbar the platform has hidden while idle", async () => {
    const mic = jitsiMic("false", (button) => button.setAttribute("aria-pressed", "true"));
    mic.doc.querySelector<HTMLElement>(".audio-preview")!.style.display = "none";
    expect(await setOwnDevice(mic.doc, jitsiAdapter, "mic", "off", QUICK)).toEqual({
      result: "done",
    });
  });

  it("tells Meet's microphone button from the mute marks on participant tiles", async () => {
    const doc = pageWith(`
      <div data-participant-id="a"><div data-is-muted="false"></div></div>
      <button data-is-muted="false" aria-label="Stäng av mikrofonen (ctrl + d)"></button>`);
    const button = googleMeetAdapter.mic?.find(doc);
    expect(button?.tagName).toBe("BUTTON");
  });
});

describe("hanging up", () => {
  it("on an unknown page, asks the coach to end the call", async () => {
    page = openFixture("no-controls");
    const report = await hangUp(page.document, adapterFor(page.url, page.document));
    expect(inWords(report)).toEqual({
      result: "failed",
      detail: "Hittade inte knappen för att lämna mötet. Avsluta samtalet själv i mötet.",
    });
    expect(page.state().call).toBe("live");
  });

  it("does not claim the call ended while the meeting still shows its leave button", async () => {
    const doc = pageWith(
      `<div class="toolbox-button" role="button"><div class="hangup-button"></div></div>`,
    );
    expect(inWords(await hangUp(doc, jitsiAdapter, QUICK))).toEqual({
      result: "failed",
      detail: "Tresteg tryckte på Lämna men mötet verkar pågå. Avsluta samtalet själv i mötet.",
    });
  });

  it("does not take a leave button hidden with its idle toolbar for an ended call", async () => {
    const doc = pageWith(
      `<div style="display: none"><div class="toolbox-button" role="button"><div class="hangup-button"></div></div></div>`,
    );
    expect(inWords(await hangUp(doc, jitsiAdapter, QUICK)).detail).toBe(
      "Tresteg tryckte på Lämna men mötet verkar pågå. Avsluta samtalet själv i mötet.",
    );
  });

  it("does not press a leave confirmation the platform has not shown", async () => {
    const doc = pageWith(`
      <footer><button class="footer__leave-btn">Lämna</button></footer>
      <div hidden><button class="leave-meeting-options__btn--danger">Lämna mötet</button></div>`);
    let confirmed = false;
    doc.querySelector("[class$=danger]")?.addEventListener("click", () => (confirmed = true));
    expect((await hangUp(doc, zoomAdapter, QUICK)).result).toBe("failed");
    expect(confirmed).toBe(false);
  });

  it("confirms Zoom's leave question, and only then counts the call as ended", async () => {
    page = openFixture("zoom");
    expect(await hangUp(page.document, zoomAdapter)).toEqual({ result: "done" });
    expect(page.state().call).toBe("left");
  });
});

describe("never throwing into the page", () => {
  const adapters = [
    jitsiAdapter,
    googleMeetAdapter,
    teamsAdapter,
    zoomAdapter,
    wherebyAdapter,
    genericAdapter(),
  ];

  it.each(adapters.map((adapter) => [adapter.id, adapter] as const))(
    "%s answers every request on an empty document",
    async (_id, adapter) => {
      const doc = document.implementation.createHTMLDocument("");
      expect(probe(doc, adapter)).toEqual({
        platform: adapter.id,
        controls: { mic: false, camera: false, hangUp: false },
        remoteVideos: 0,
      });
      expect((await setOwnDevice(doc, adapter, "mic", "off", QUICK)).result).toBe("failed");
      expect((await setOwnDevice(doc, adapter, "camera", "on", QUICK)).result).toBe("failed");
      expect(coverRemoteVideos(doc, adapter, "Paus").result).toBe("failed");
      expect(uncoverRemoteVideos(doc).result).toBe("already");
      expect((await hangUp(doc, adapter, QUICK)).result).toBe("failed");
    },
  );

  it("turns an adapter's own error into a failed report", async () => {
    const broken: DeviceControl = {
      find: () => {
        throw new Error("the platform changed");
      },
      read: () => "on",
    };
    const adapter: PlatformAdapter = {
      ...genericAdapter(),
      mic: broken,
      leave: { find: broken.find },
      remoteVideos: () => {
        throw new Error("no videos");
      },
    };
    const doc = pageWith("");
    expect(inWords(await setOwnDevice(doc, adapter, "mic", "off"))).toEqual({
      result: "failed",
      detail: "Något gick fel på mötessidan. Gör det själv i mötet.",
    });
    expect(inWords(await hangUp(doc, adapter)).detail).toBe(
      "Något gick fel på mötessidan. Gör det själv i mötet.",
    );
    expect(inWords(coverRemoteVideos(doc, adapter, "Paus")).detail).toBe(
      "Något gick fel på mötessidan. Gör det själv i mötet.",
    );
    expect(probe(doc, adapter).remoteVideos).toBe(0);
  });
});

describe("what the page says to the coach", () => {
  it("is a code the panel words in its own language", async () => {
    const report = await setOwnDevice(pageWith("<main></main>"), jitsiAdapter, "camera", "on");
    expect(report).toEqual({
      result: "failed",
      code: { reason: "control-not-found", control: "camera", want: "on" },
    });
    expect(inWords(report, "en").detail).toBe(
      "Could not find the button for the camera in the meeting. Turn your camera back on yourself.",
    );
    expect(inWords(report, "sv").detail).toBe(
      "Hittade inte knappen för kameran i mötet. Slå på din kamera själv.",
    );
  });
});
