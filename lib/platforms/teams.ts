import type { DeviceControl, DeviceState, PlatformAdapter } from "./adapter";
import { findShown } from "./dom";
import { type LabelPatterns, labelStarting, stateFromLabel } from "./labels";
import { findRemoteVideos } from "./videos";

/**
 * Microsoft Teams on the web (teams.microsoft.com, teams.live.com, teams.cloud.microsoft).
 *
 * Microphone: `#microphone-button` (`data-inp=microphone-button`,
 * `aria-keyshortcuts="Ctrl+Shift+M"`) in the calling controls. Its state shows twice, in
 * language-free attributes: live `data-state="mic"` or `"mic-volume-renderer"`, muted
 * `"mic-off"` (g-guerzoni/teams-caffeine src/scripts/content/teams/selectors.js, 61ebf2d);
 * and `data-track-action-scenario` `"callMuteAudio"` live / `"callUnmuteAudio"` muted (Teams
 * bots in the public index, 2026). Two marks that disagree read as unknown; with neither,
 * the label ("Mute mic" / "Unmute mic") decides.
 * Camera: `#video-button` (`aria-keyshortcuts="Ctrl+Shift+O"`), `data-state` `call-video` /
 * `call-video-off`; builds without it are read by the label, "Turn camera off" / "Turn camera
 * on" (Vexa-ai/vexa msteams/selectors.ts, 1b62993, 2026-07-24), in Swedish "Inaktivera
 * kameran" / "Aktivera kameran".
 * Leave: `#hangup-button` (`data-tid=hangup-main-btn`, `data-inp=hangup-button`;
 * attendee-labs/attendee teams_ui_methods.py, 4bde671, 2026-08-19).
 * Teams keeps a hidden copy of the calling controls in the page after a call (its floating
 * call monitor), so only a control on screen counts: a hidden copy is gone.
 * Shortcuts: Ctrl+Shift+M, Ctrl+Shift+O, Ctrl+Shift+H (Microsoft support, "Keyboard shortcuts
 * for Microsoft Teams", web column; Cmd on macOS).
 */
const MIC_LABELS: LabelPatterns = {
  turnsOn: labelStarting("unmute", "slå på mikrofon", "aktivera mikrofon", "sluta tysta"),
  turnsOff: labelStarting("mute", "stäng av mikrofon", "inaktivera mikrofon", "tysta"),
};

const CAMERA_LABELS: LabelPatterns = {
  turnsOn: labelStarting(
    "turn camera on",
    "turn on camera",
    "aktivera kamera",
    "starta kamera",
    "slå på kamera",
  ),
  turnsOff: labelStarting(
    "turn camera off",
    "turn off camera",
    "inaktivera kamera",
    "stäng av kamera",
    "stoppa kamera",
  ),
};

function micState(button: HTMLElement): DeviceState | null {
  const dataState = button.getAttribute("data-state");
  const byState: DeviceState | null =
    dataState === "mic-off"
      ? "off"
      : dataState === "mic" || dataState === "mic-volume-renderer"
        ? "on"
        : null;
  const scenario = button.getAttribute("data-track-action-scenario");
  const byScenario: DeviceState | null =
    scenario === "callUnmuteAudio" ? "off" : scenario === "callMuteAudio" ? "on" : null;
  if (byState && byScenario && byState !== byScenario) return null;
  return byState ?? byScenario ?? stateFromLabel(button, MIC_LABELS);
}

function cameraState(button: HTMLElement): DeviceState | null {
  const dataState = button.getAttribute("data-state");
  if (dataState === "call-video-off") return "off";
  if (dataState === "call-video") return "on";
  return stateFromLabel(button, CAMERA_LABELS);
}

const mic: DeviceControl = {
  find: (doc) =>
    findShown(doc, [
      "#microphone-button",
      "button[data-inp=microphone-button]",
      "button[aria-keyshortcuts='Ctrl+Shift+M' i]",
    ]),
  read: micState,
  shortcut: { key: "M", code: "KeyM", primary: true, shift: true },
};

const camera: DeviceControl = {
  find: (doc) =>
    findShown(doc, [
      "#video-button",
      "button[data-inp=video-button]",
      "button[aria-keyshortcuts='Ctrl+Shift+O' i]",
    ]),
  read: cameraState,
  shortcut: { key: "O", code: "KeyO", primary: true, shift: true },
};

export const teamsAdapter: PlatformAdapter = {
  id: "teams",
  mic,
  camera,
  leave: {
    find: (doc) =>
      findShown(doc, [
        "#hangup-button",
        "button[data-tid=hangup-main-btn]",
        "button[data-inp=hangup-button]",
      ]),
    shortcut: { key: "H", code: "KeyH", primary: true, shift: true },
  },
  // Teams mirrors the self-view; participant tiles (`[data-cid=calling-participant-stream]`,
  // `[data-stream-type=Video]`) include the coach's own, so they do not tell remote from
  // self and the generic heuristic decides.
  remoteVideos: (doc) => findRemoteVideos(doc),
};

/** Teams' calling controls, for a Teams page on an address Tresteg does not know. */
export function looksLikeTeams(doc: Document): boolean {
  return (
    doc.querySelector("#microphone-button[data-state], [data-tid=ubar-horizontal-end]") !== null
  );
}
