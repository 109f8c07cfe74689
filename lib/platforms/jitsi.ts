import type { DeviceControl, DeviceState, PlatformAdapter } from "./adapter";
import { clickable, findControl, pressed, queryAll } from "./dom";
import { findRemoteVideos } from "./videos";

/**
 * Jitsi Meet (meet.jit.si, 8x8.vc and the self-hosted instances Swedish regions run).
 *
 * Selectors rest on jitsi-meet's web toolbox (react/features/base/toolbox/components/
 * ToolboxItem.web.tsx): every toolbar button is `[role=button].toolbox-button` with
 * `aria-pressed` set to its toggled state, and the audio and video mute buttons are toggled
 * when muted (BaseAudioMuteButton._isToggled returns _isAudioMuted). The microphone button
 * sits in the `.audio-preview` popup wrapper, the camera button in `.video-preview`, and the
 * leave button's icon carries the custom class `hangup-button`. Labels are not used for
 * state: Jitsi's Swedish translation leaves "Mute" untranslated (lang/main-sv.json).
 * Shortcuts: M and V, from Jitsi's keyboard-shortcuts dialog; Jitsi acts on keyup on the
 * window (keyboard-shortcuts/actions.web.ts) and ignores Ctrl/Cmd combinations.
 */
function toggledMeansOff(button: HTMLElement): DeviceState | null {
  const isPressed = pressed(button);
  if (isPressed === null) return null;
  return isPressed ? "off" : "on";
}

const mic: DeviceControl = {
  find: (doc) =>
    findControl(doc, [
      "#new-toolbox .audio-preview .toolbox-button",
      ".audio-preview .toolbox-button",
      ".audio-preview [role=button][aria-pressed]",
    ]),
  read: toggledMeansOff,
  shortcut: { key: "m", code: "KeyM" },
};

const camera: DeviceControl = {
  find: (doc) =>
    findControl(doc, [
      "#new-toolbox .video-preview .toolbox-button",
      ".video-preview .toolbox-button",
      ".video-preview [role=button][aria-pressed]",
    ]),
  read: toggledMeansOff,
  shortcut: { key: "v", code: "KeyV" },
};

export const jitsiAdapter: PlatformAdapter = {
  id: "jitsi",
  mic,
  camera,
  leave: {
    find: (doc) =>
      clickable(findControl(doc, [".toolbox-button .hangup-button", ".hangup-button"])),
  },
  remoteVideos: (doc) =>
    findRemoteVideos(doc, {
      // Jitsi's own ids: the self-view is video#localVideo_container in
      // span#localVideoContainer; others are video#remoteVideo_<track> in span#participant_<id>.
      isSelf: (video) =>
        video.id === "localVideo_container" ||
        video.closest("#localVideoContainer, #localVideoWrapper") !== null,
      isRemote: (video) =>
        video.id.startsWith("remoteVideo_") || video.closest("[id^=participant_]") !== null,
    }),
};

/**
 * Recognises a Jitsi Meet page on any domain (self-hosted instances) by what the page itself
 * shows a content script: jitsi-meet's own bundles (`libs/app.bundle.min.js`,
 * `libs/lib-jitsi-meet.min.js`, loaded by its index.html), or its long-lived layout ids
 * (#largeVideoContainer with #localVideoContainer or a toolbox button). Jitsi's globals
 * (`JitsiMeetJS`, `APP`, `config`) live in the page's world, which a content script's isolated
 * world cannot see, so they are not used.
 */
export function looksLikeJitsi(doc: Document): boolean {
  const bundles = queryAll(doc, [
    "script[src*='libs/app.bundle.min.js']",
    "script[src*='libs/lib-jitsi-meet.min.js']",
  ]);
  if (bundles.length > 0) return true;
  return (
    doc.querySelector("#largeVideoContainer") !== null &&
    doc.querySelector("#localVideoContainer, .toolbox-button") !== null
  );
}
