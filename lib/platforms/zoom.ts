import type { DeviceControl, PlatformAdapter } from "./adapter";
import { findControl, findShown, isRendered, queryAll } from "./dom";
import { type LabelPatterns, stateFromLabel } from "./labels";
import { findRemoteVideos } from "./videos";

/**
 * Zoom's web client (app.zoom.us/wc, <org>.zoom.us/wc).
 *
 * The footer buttons keep stable BEM classes: `button.join-audio-container__btn` for the
 * microphone and `button.send-video-container__btn` for the camera (used by meeting bots and
 * recorders, e.g. the "Zoom Web Client selectors — verified from live DOM" files), and the
 * leave button `.footer__leave-btn` (`aria-label="Leave"`), which opens a confirmation whose
 * button is `button.leave-meeting-options__btn--danger`. Zoom shows their state only in the
 * label: "mute my microphone" / "unmute my microphone" / "Join Audio", "stop my video" /
 * "start my video". Swedish labels are matched on the Swedish verbs Zoom's localisation is
 * expected to use; a label that matches neither language reads as unknown and nothing is
 * clicked. No shortcut: Zoom documents Alt+A / Alt+V for its desktop client, not the web.
 * Zoom draws participants into <canvas> as often as into <video>, so both are looked at.
 */
const MIC_LABELS: LabelPatterns = {
  turnsOn:
    /unmute|join audio|avtysta|slå på (mitt )?ljud|ljud på|anslut (till )?ljud|aktivera (mitt )?ljud/i,
  turnsOff: /\bmute\b|stäng av (mitt )?ljud|ljud av|tysta/i,
};

const CAMERA_LABELS: LabelPatterns = {
  turnsOn: /start (sending )?(my )?video|starta (min )?video|slå på (min )?video/i,
  turnsOff: /stop (sending )?(my )?video|stoppa (min )?video|stäng av (min )?video/i,
};

const mic: DeviceControl = {
  find: (doc) =>
    findControl(doc, ["button.join-audio-container__btn", ".join-audio-container button"]),
  read: (button) => stateFromLabel(button, MIC_LABELS),
};

const camera: DeviceControl = {
  find: (doc) =>
    findControl(doc, ["button.send-video-container__btn", ".send-video-container button"]),
  read: (button) => stateFromLabel(button, CAMERA_LABELS),
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
        "button[aria-label='Leave' i]",
        "button[aria-label='Lämna' i]",
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
  return doc.querySelector(".join-audio-container__btn, .footer__leave-btn") !== null;
}
