import type { DeviceControl, DeviceState, PlatformAdapter } from "./adapter";
import { findControl, findShown, isRendered, labelOf, queryAll } from "./dom";
import { type LabelPatterns, labelStarting, stateFromText } from "./labels";
import { findRemoteVideos } from "./videos";

/**
 * Zoom's web client (app.zoom.us/wc, <org>.zoom.us/wc). Zoom often runs the meeting inside a
 * same-origin `iframe#webclient` of a shell page (screenappai/meeting-bot
 * src/bots/ZoomBot.ts, 37f89d6, 2026-06-18); the meeting script runs in that frame too, so
 * this adapter reads the document the meeting is in.
 *
 * Footer buttons: `button.join-audio-container__btn` (microphone; Vexa-ai/vexa
 * capture-bridge.ts, 4647c96, 2026-08-21) and `button.send-video-container__btn` (camera).
 * Their aria-label names only the device ("audio", "video"); the on/off word is the text of
 * the button's `span.footer-button-base__button-label`: "Mute" / "Unmute" (AWS Live Meeting
 * Assistant providers/zoom.js, 9b5a4ac, 2026-06-02), "Stop Video" / "Start Video", "Join
 * Audio" before audio is joined. Swedish words are matched on the verbs of Zoom's Swedish UI.
 * Leave: `button[aria-label=Leave]` (`footer-button-base__button footer-button__button`), its
 * confirmation `button.leave-meeting-options__btn--danger` "Leave Meeting" (Vexa
 * zoom/selectors.ts, 1b62993, 2026-07-24, verified from the live DOM).
 * No shortcut: Zoom documents Alt+A / Alt+V for its desktop client, not the web.
 * Zoom draws participants into <canvas> as often as into <video>, so both are looked at.
 */
const MIC_LABELS: LabelPatterns = {
  turnsOn: labelStarting(
    "unmute",
    "join audio",
    "slå på (mitt )?ljud(et)?",
    "ljud på",
    "anslut (till )?ljud",
    "aktivera (mitt )?ljud",
    "sluta tysta",
  ),
  turnsOff: labelStarting(
    "mute",
    "stäng av (mitt )?ljud(et)?",
    "ljud av",
    "inaktivera (mitt )?ljud",
    "tysta",
  ),
};

const CAMERA_LABELS: LabelPatterns = {
  turnsOn: labelStarting("start (my )?video", "starta (min )?video", "slå på (min )?video"),
  turnsOff: labelStarting(
    "stop (my )?video",
    "stoppa (min )?video",
    "stäng av (min )?video",
    "inaktivera (min )?video",
  ),
};

/** The footer's text label of the button; its aria-label only when it has none. */
function footerLabel(button: HTMLElement): string {
  const text = button.querySelector(".footer-button-base__button-label")?.textContent?.trim();
  return text || labelOf(button);
}

function readWith(patterns: LabelPatterns) {
  return (button: HTMLElement): DeviceState | null => stateFromText(footerLabel(button), patterns);
}

const mic: DeviceControl = {
  find: (doc) =>
    findControl(doc, ["button.join-audio-container__btn", ".join-audio-container button"]),
  read: readWith(MIC_LABELS),
};

const camera: DeviceControl = {
  find: (doc) =>
    findControl(doc, ["button.send-video-container__btn", ".send-video-container button"]),
  read: readWith(CAMERA_LABELS),
};

const FRAMES = [
  ".speaker-active-container__video-frame",
  ".speaker-bar-container__video-frame",
  ".gallery-video-container__video-frame",
  ".video-avatar__avatar",
];

export const zoomAdapter: PlatformAdapter = {
  id: "zoom",
  mic,
  camera,
  leave: {
    find: (doc) =>
      findControl(doc, [
        "button.footer__leave-btn",
        ".footer__leave-btn-container button",
        "#wc-footer button[aria-label='Leave' i]",
        "#wc-footer button[aria-label='Lämna' i]",
        "button.footer-button__button[aria-label='Leave' i]",
        "button.footer-button__button[aria-label='Lämna' i]",
      ]),
    confirm: (doc) =>
      findShown(doc, ["button.leave-meeting-options__btn--danger", ".leave-meeting-options__btn"]),
  },
  remoteVideos: (doc) =>
    findRemoteVideos(doc, {
      surfaces: (page) =>
        queryAll(page, ["video", ...FRAMES.map((frame) => `${frame} canvas`)]).filter(isRendered),
    }),
};

/** Zoom's web-client footer, for Zoom on an address Tresteg does not know (zoomgov.com). */
export function looksLikeZoom(doc: Document): boolean {
  return doc.querySelector(".join-audio-container__btn, .footer__leave-btn, #wc-footer") !== null;
}
