import { describe, expect, it } from "vitest";
import { translator } from "../../../lib/i18n/messages";
import { MUTE_TARGETS, type MuteTarget } from "../../../lib/log/events";
import type { ProbeReport } from "../../../lib/messages";
import type { MeetingTab } from "../../../lib/panel/meeting-tab";
import {
  type Capability,
  readinessChanges,
  readinessOf,
  readinessWords,
} from "../../../lib/panel/readiness";

const jitsiTab = (over: Partial<MeetingTab> = {}): MeetingTab => ({
  tabId: 7,
  origin: "https://meet.jit.si",
  title: "Coachning – Klient A",
  platform: "jitsi",
  readable: true,
  ...over,
});

const everything = (over: Partial<ProbeReport> = {}): ProbeReport => ({
  platform: "jitsi",
  controls: { mic: true, camera: true, hangUp: true },
  remoteVideos: 1,
  ...over,
});

const ALL = [...MUTE_TARGETS];

/** capability → "ready" or the reason it is by hand. */
function statuses(
  tab: MeetingTab | null,
  probe: ProbeReport | null,
  waitMutes: readonly MuteTarget[] = ALL,
) {
  return Object.fromEntries(
    readinessOf(tab, probe, waitMutes).items.map((item) => [
      item.capability,
      item.status === "ready" ? "ready" : item.reason,
    ]),
  );
}

describe("what Tresteg can do on a meeting page, from its probe", () => {
  it("is ready for all five when the page has every control and a picture of the client", () => {
    expect(statuses(jitsiTab(), everything())).toEqual({
      "client-sound": "ready",
      "client-picture": "ready",
      "own-mic": "ready",
      "own-camera": "ready",
      leave: "ready",
    });
  });

  it.each<[Capability, keyof ProbeReport["controls"]]>([
    ["own-mic", "mic"],
    ["own-camera", "camera"],
    ["leave", "hangUp"],
  ])(
    "says %s by hand, control not found, when the probe did not find it",
    (capability, control) => {
      const probe = everything();
      probe.controls[control] = false;
      const found = statuses(jitsiTab(), probe);
      expect(found[capability]).toBe("control-not-found");
      // The others stay as they were found.
      expect(Object.values(found).filter((s) => s === "ready")).toHaveLength(4);
    },
  );

  it("says the client's picture by hand when no picture of the client is on the page", () => {
    expect(statuses(jitsiTab(), everything({ remoteVideos: 0 }))["client-picture"]).toBe(
      "no-client-picture",
    );
  });

  it("names an unknown platform as the reason, not a missing button", () => {
    const probe = everything({
      platform: "generic",
      controls: { mic: false, camera: false, hangUp: false },
    });
    expect(statuses(jitsiTab({ platform: "generic" }), probe)).toEqual({
      "client-sound": "ready",
      "client-picture": "ready",
      "own-mic": "platform-unknown",
      "own-camera": "platform-unknown",
      leave: "platform-unknown",
    });
    expect(statuses(jitsiTab({ platform: "own" }), { ...probe, platform: "own" })["own-mic"]).toBe(
      "platform-unknown",
    );
  });

  it("keeps the tab's sound when the page does not answer: the browser mutes the tab", () => {
    expect(statuses(jitsiTab(), null)).toEqual({
      "client-sound": "ready",
      "client-picture": "page-not-reachable",
      "own-mic": "page-not-reachable",
      "own-camera": "page-not-reachable",
      leave: "page-not-reachable",
    });
  });

  it("says Tresteg has no access when the browser would not even tell the tab's address", () => {
    const tab = jitsiTab({ origin: "", title: "", platform: "generic", readable: false });
    expect(statuses(tab, null)).toMatchObject({
      "client-sound": "ready",
      "client-picture": "not-allowed",
      "own-mic": "not-allowed",
      leave: "not-allowed",
    });
  });

  it("is all by hand without a meeting tab", () => {
    const noTab = { ...jitsiTab(), tabId: null };
    expect(new Set(Object.values(statuses(noTab, everything())))).toEqual(
      new Set(["no-meeting-tab"]),
    );
    expect(new Set(Object.values(statuses(null, null)))).toEqual(new Set(["no-meeting-tab"]));
  });

  it("says by hand for what the settings leave out of the wait, even when found; leave stays", () => {
    expect(statuses(jitsiTab(), everything(), ["client-sound", "own-camera"])).toEqual({
      "client-sound": "ready",
      "client-picture": "setting-off",
      "own-mic": "setting-off",
      "own-camera": "ready",
      leave: "ready",
    });
  });

  it("takes the platform the page said it is over the one its address says", () => {
    const selfHosted = jitsiTab({ origin: "https://video.region.se", platform: "generic" });
    expect(readinessOf(selfHosted, everything(), ALL).platform).toBe("jitsi");
    expect(readinessOf(selfHosted, null, ALL).platform).toBe("generic");
  });

  it("lists what changed between two readings, and nothing for the same one", () => {
    const before = readinessOf(jitsiTab(), everything(), ALL);
    const same = readinessOf(jitsiTab(), everything({ remoteVideos: 2 }), ALL);
    expect(readinessChanges(before, same)).toEqual([]);
    const noMic = everything();
    noMic.controls.mic = false;
    const after = readinessOf(jitsiTab(), noMic, ALL);
    expect(readinessChanges(before, after)).toEqual([
      { capability: "own-mic", status: "by-hand", reason: "control-not-found" },
    ]);
    expect(readinessChanges(after, before)).toEqual([{ capability: "own-mic", status: "ready" }]);
  });
});

describe("the readiness in the coach's words", () => {
  const sv = translator("sv");
  const en = translator("en");

  it("says in Swedish what was found, and that the buttons were not tried", () => {
    const words = readinessWords(readinessOf(jitsiTab(), everything(), ALL), sv);
    expect(words.map((w) => [w.name, w.status, w.detail])).toEqual([
      ["stänga av klientens ljud", "klart", "Webbläsaren stänger av mötesflikens ljud."],
      ["täcka klientens bild", "klart", "1 bild av klienten hittad på sidan."],
      [
        "stänga av din mikrofon",
        "klart",
        "Mikrofonknappen hittad i Jitsi Meet. Inte provad: Tresteg trycker först i pausen.",
      ],
      [
        "stänga av din kamera",
        "klart",
        "Kameraknappen hittad i Jitsi Meet. Inte provad: Tresteg trycker först i pausen.",
      ],
      [
        "lägga på",
        "klart",
        "Knappen för att lämna mötet hittad i Jitsi Meet. Inte provad: Tresteg trycker först i steg 3.",
      ],
    ]);
  });

  it("says the same in English", () => {
    const words = readinessWords(readinessOf(jitsiTab(), everything({ remoteVideos: 2 }), ALL), en);
    expect(words.map((w) => [w.name, w.status, w.detail])).toEqual([
      ["mute the client's sound", "ready", "The browser mutes the meeting tab."],
      ["cover the client's picture", "ready", "2 pictures of the client found on the page."],
      [
        "turn off your microphone",
        "ready",
        "Microphone button found in Jitsi Meet. Not tried: Tresteg presses it only in the pause.",
      ],
      [
        "turn off your camera",
        "ready",
        "Camera button found in Jitsi Meet. Not tried: Tresteg presses it only in the pause.",
      ],
      [
        "hang up",
        "ready",
        "Leave button found in Jitsi Meet. Not tried: Tresteg presses it only in step 3.",
      ],
    ]);
  });

  it("names each missing control and the platform, in both languages", () => {
    const probe = everything({ controls: { mic: false, camera: false, hangUp: false } });
    const readiness = readinessOf(jitsiTab(), { ...probe, remoteVideos: 0 }, ALL);
    expect(readinessWords(readiness, sv).map((w) => `${w.status}: ${w.detail}`)).toEqual([
      "klart: Webbläsaren stänger av mötesflikens ljud.",
      "för hand: Ingen bild av klienten på sidan just nu.",
      "för hand: Ingen mikrofonknapp hittad i Jitsi Meet just nu.",
      "för hand: Ingen kameraknapp hittad i Jitsi Meet just nu.",
      "för hand: Ingen knapp för att lämna mötet hittad i Jitsi Meet just nu.",
    ]);
    expect(readinessWords(readiness, en).map((w) => `${w.status}: ${w.detail}`)).toEqual([
      "ready: The browser mutes the meeting tab.",
      "by hand: No picture of the client on the page right now.",
      "by hand: No microphone button found in Jitsi Meet right now.",
      "by hand: No camera button found in Jitsi Meet right now.",
      "by hand: No leave button found in Jitsi Meet right now.",
    ]);
  });

  it.each([
    [
      "an unknown platform",
      jitsiTab({ platform: "generic" }),
      everything({ platform: "generic", controls: { mic: false, camera: false, hangUp: false } }),
      "Okänd plattform: Tresteg känner inte sidans knappar och trycker inte på dem.",
      "Unknown platform: Tresteg does not know this page's buttons and does not press them.",
    ],
    [
      "a page that does not answer",
      jitsiTab(),
      null,
      "Mötessidan svarar inte Tresteg: ingen plattform Tresteg känner, eller en sida webbläsaren skyddar.",
      "The meeting page does not answer Tresteg: not a platform Tresteg knows, or a page the browser protects.",
    ],
    [
      "a page Tresteg has no access to",
      jitsiTab({ readable: false, origin: "", platform: "generic" }),
      null,
      "Tresteg har inte tillgång till sidan. Lägg till plattformen under Inställningar.",
      "Tresteg has no access to this page. Add the platform in the Settings.",
    ],
  ])("says why the mic is by hand on %s", (_name, tab, probe, swedish, english) => {
    const readiness = readinessOf(tab, probe, ALL);
    const mic = (t: typeof sv) =>
      readinessWords(readiness, t).find((w) => w.capability === "own-mic");
    expect(mic(sv)).toMatchObject({ ready: false, status: "för hand", detail: swedish });
    expect(mic(en)).toMatchObject({ ready: false, status: "by hand", detail: english });
  });

  it("says a mute left out in the settings and a missing tab, in both languages", () => {
    const off = readinessOf(jitsiTab(), everything(), ["client-picture"]);
    const sound = (t: typeof sv) => readinessWords(off, t)[0]?.detail;
    expect(sound(sv)).toBe("Avstängt i inställningarna: pausen gör inte det här.");
    expect(sound(en)).toBe("Switched off in the settings: the pause does not do this.");
    const none = readinessOf(null, null, ALL);
    expect(readinessWords(none, sv)[4]?.detail).toBe("Ingen mötesflik.");
    expect(readinessWords(none, en)[4]?.detail).toBe("No meeting tab.");
  });
});
