import type { DeviceControl, DeviceState, PlatformAdapter } from "./adapter";
import { findControl } from "./dom";
import { stateFromLabel } from "./labels";
import { findRemoteVideos } from "./videos";

/**
 * Microsoft Teams on the web (teams.microsoft.com, teams.live.com, teams.cloud.microsoft).
 *
 * Microphone: `#microphone-button` (`aria-keyshortcuts="Ctrl+Shift+M"`) in the calling
 * controls. Its state shows twice, in language-free attributes: live
 * `data-state="mic"` or `"mic-volume-renderer"` with
 * `data-track-action-scenario="callMuteAudio"`; muted `data-state="mic-off"` with
 * `"callUnmuteAudio"` (observed on Teams web, Sept 2026, and in the teams-caffeine
 * extension). Two marks that disagree read as unknown.
 * Camera: `#video-button` (`aria-keyshortcuts="Ctrl+Shift+O"`); its `data-state` follows
 * Teams' icon names, `call-video` / `call-video-off` (Teams' Stardust icon set). Not seen on
 * a live call, so when it is absent the label decides, in Swedish and English.
 * Leave: `#hangup-button` (`data-tid="hangup-main-btn"` in newer builds).
 * Shortcuts: Ctrl+Shift+M, Ctrl+Shift+O, Ctrl+Shift+H (Microsoft support, "Keyboard shortcuts
 * for Microsoft Teams", web column; Cmd on macOS).
 */
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
  return byState ?? byScenario;
}

function cameraState(button: HTMLElement): DeviceState | null {
  const dataState = button.getAttribute("data-state");
  if (dataState === "call-video-off") return "off";
  if (dataState === "call-video") return "on";
  return stateFromLabel(button, {
    turnsOn: /turn camera on|turn on camera|starta kamera|slå på kamera|aktivera kamera/i,
    turnsOff: /turn camera off|turn off camera|stäng av kamera|inaktivera kamera/i,
  });
}

const mic: DeviceControl = {
  find: (doc) =>
    findControl(doc, [
      "#microphone-button",
      "button[data-inp=microphone-button]",
      "button[aria-keyshortcuts='Ctrl+Shift+M' i]",
    ]),
  read: micState,
  shortcut: { key: "M", code: "KeyM", primary: true, shift: true },
};

const camera: DeviceControl = {
  find: (doc) =>
    findControl(doc, [
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
      findControl(doc, ["#hangup-button", "button[data-tid=hangup-main-btn]", "#hangup-btn"]),
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
