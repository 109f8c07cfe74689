import { describe, expect, it } from "vitest";
import type { DeviceState, PlatformAdapter } from "@/lib/platforms/adapter";
import { teamsAdapter } from "@/lib/platforms/teams";
import { wherebyAdapter } from "@/lib/platforms/whereby";
import { zoomAdapter } from "@/lib/platforms/zoom";

// Every label every adapter reads a state from, in both states and both languages. A label
// names the action the button takes: "Inaktivera kameran" is shown while the camera is on.
// Each row builds the platform's own button (as its fixture page and the sources show it)
// and asks the adapter to find it and read it.

type Row = [label: string, state: DeviceState];

interface LabelTable {
  platform: string;
  adapter: PlatformAdapter;
  device: "mic" | "camera";
  /** The platform's button with this label, in a page of its own. */
  button: (label: string) => string;
  sv: Row[];
  en: Row[];
}

const TABLES: LabelTable[] = [
  {
    platform: "teams",
    adapter: teamsAdapter,
    device: "camera",
    // Builds without data-state: the label alone tells.
    button: (label) => `<button id="video-button" aria-label="${label}"></button>`,
    sv: [
      ["Inaktivera kameran", "on"],
      ["Inaktivera kamera", "on"],
      ["Aktivera kameran", "off"],
      ["Stäng av kameran", "on"],
      ["Starta kameran", "off"],
      ["Slå på kameran", "off"],
    ],
    en: [
      ["Turn camera off", "on"],
      ["Turn off camera", "on"],
      ["Turn camera on", "off"],
      ["Turn on camera", "off"],
    ],
  },
  {
    platform: "teams",
    adapter: teamsAdapter,
    device: "mic",
    // Builds without data-state and data-track-action-scenario.
    button: (label) => `<button id="microphone-button" aria-label="${label}"></button>`,
    sv: [
      ["Stäng av mikrofonen", "on"],
      ["Inaktivera mikrofonen", "on"],
      ["Slå på mikrofonen", "off"],
      ["Aktivera mikrofonen", "off"],
    ],
    en: [
      ["Mute mic", "on"],
      ["Unmute mic", "off"],
    ],
  },
  {
    platform: "zoom",
    adapter: zoomAdapter,
    device: "mic",
    // The aria-label names only the device; the word is the footer's text label.
    button: (label) =>
      `<div class="join-audio-container"><button class="footer-button-base__button join-audio-container__btn" aria-label="audio"><span class="footer-button-base__button-label">${label}</span></button></div>`,
    sv: [
      ["Stäng av ljud", "on"],
      ["Stäng av ljudet", "on"],
      ["Inaktivera ljud", "on"],
      ["Ljud av", "on"],
      ["Slå på ljud", "off"],
      ["Aktivera ljud", "off"],
      ["Anslut ljud", "off"],
      ["Ljud på", "off"],
    ],
    en: [
      ["Mute", "on"],
      ["Unmute", "off"],
      ["Join Audio", "off"],
    ],
  },
  {
    platform: "zoom",
    adapter: zoomAdapter,
    device: "camera",
    button: (label) =>
      `<div class="send-video-container"><button class="footer-button-base__button send-video-container__btn" aria-label="video"><span class="footer-button-base__button-label">${label}</span></button></div>`,
    sv: [
      ["Stoppa video", "on"],
      ["Inaktivera video", "on"],
      ["Stäng av video", "on"],
      ["Starta video", "off"],
      ["Slå på video", "off"],
    ],
    en: [
      ["Stop Video", "on"],
      ["Start Video", "off"],
    ],
  },
  {
    platform: "whereby",
    adapter: wherebyAdapter,
    device: "mic",
    button: (label) => `<div role="toolbar"><button aria-label="${label}"></button></div>`,
    sv: [
      ["Stäng av mikrofonen", "on"],
      ["Inaktivera mikrofonen", "on"],
      ["Slå på mikrofonen", "off"],
      ["Aktivera mikrofonen", "off"],
    ],
    en: [
      ["Turn off microphone", "on"],
      ["Mute", "on"],
      ["Turn on microphone", "off"],
      ["Unmute", "off"],
    ],
  },
  {
    platform: "whereby",
    adapter: wherebyAdapter,
    device: "camera",
    button: (label) => `<div role="toolbar"><button aria-label="${label}"></button></div>`,
    sv: [
      ["Stäng av kameran", "on"],
      ["Inaktivera kameran", "on"],
      ["Slå på kameran", "off"],
      ["Aktivera kameran", "off"],
    ],
    en: [
      ["Turn off camera", "on"],
      ["Stop video", "on"],
      ["Turn on camera", "off"],
      ["Start video", "off"],
    ],
  },
];

const CASES = TABLES.flatMap((table) =>
  (["sv", "en"] as const).flatMap((lang) =>
    table[lang].map(([label, state]) => ({ ...table, lang, label, state })),
  ),
);

function pageWith(html: string): Document {
  const doc = document.implementation.createHTMLDocument("möte");
  doc.body.innerHTML = html;
  return doc;
}

describe("every state label of every adapter", () => {
  it("covers both states in both languages for each control", () => {
    for (const table of TABLES) {
      for (const lang of ["sv", "en"] as const) {
        expect(new Set(table[lang].map(([, state]) => state))).toEqual(new Set(["on", "off"]));
      }
    }
  });

  it.each(CASES)(
    "$platform $device in $lang: “$label” reads as $state",
    ({ adapter, device, button, label, state }) => {
      const control = adapter[device];
      if (!control) throw new Error(`${adapter.id} has no ${device} control`);
      const found = control.find(pageWith(button(label)));
      expect(found).not.toBeNull();
      expect(control.read(found as HTMLElement)).toBe(state);
    },
  );

  it.each([
    ["teams", teamsAdapter, "camera", `<button id="video-button" aria-label="Kamera"></button>`],
    [
      "zoom",
      zoomAdapter,
      "mic",
      `<button class="join-audio-container__btn" aria-label="audio"><span class="footer-button-base__button-label">Ljud</span></button>`,
    ],
  ] as const)(
    "%s: a label that names no action reads as unknown",
    (_name, adapter, device, html) => {
      const control = adapter[device];
      const found = control?.find(pageWith(html));
      expect(found).toBeTruthy();
      expect(control?.read(found as HTMLElement)).toBeNull();
    },
  );
});
