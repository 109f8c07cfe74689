import type {
  DeviceControl,
  DeviceState,
  LeaveControl,
  PlatformAdapter,
  Shortcut,
} from "./adapter";
import { clickable, findControl, findShown, isRendered, labelOf, pressed, queryAll } from "./dom";
import { allVideos, findRemoteVideos } from "./videos";

/**
 * Jitsi Meet (meet.jit.si, 8x8.vc and the self-hosted instances Swedish regions run), read
 * from jitsi-meet's web client (jitsi/jitsi-meet):
 *
 * - Every toolbar button is `div.toolbox-button[role=button]` with `aria-pressed` set to its
 *   toggled state and its accessibility label in `aria-label`
 *   (react/features/base/toolbox/components/ToolboxItem.web.tsx); the mute buttons are
 *   toggled while muted (BaseAudioMuteButton.ts, AbstractVideoMuteButton).
 * - On a desktop browser in the wide layout the microphone button sits in `.audio-preview` and
 *   the camera in `.video-preview` (AudioSettingsButton.tsx, VideoSettingsButton.tsx render
 *   the popup wrapper only when `!isMobileBrowser() && !isNarrowLayout`); otherwise they are
 *   bare buttons in `#new-toolbox .toolbox-content-items` (Toolbox.tsx), told apart by their
 *   labels (toolbar.accessibilityLabel.mute / unmute / videomute / videounmute and the
 *   *GUMPending ones in lang/main-sv.json and lang/main.json). Labels are never read for
 *   state: Swedish leaves "Mute" untranslated.
 * - Shortcuts M and V (AudioMuteButton.tsx, VideoMuteButton.tsx) act on keyup on the window,
 *   not with Ctrl/Cmd, and not while a button, field or menu item has focus
 *   (keyboard-shortcuts/actions.web.ts, utils.ts).
 * - The self-view tile follows the tracks, not the buttons: `#localVideoContainer` is
 *   `display-video` or `display-avatar-only` (filmstrip Thumbnail.tsx, filmstrip/constants),
 *   and shows AudioMutedIndicator (`#audioMuted`) while the microphone is muted.
 * - Leaving: a participant has HangupButton (icon class `hangup-button`); a moderator, where
 *   the conference can be ended, has HangupMenuButton (`.toolbox-button-wth-dialog`, icon
 *   class `hangup-menu-button`) opening EndConferenceButton then LeaveConferenceButton
 *   (Toolbox.tsx, HangupMenuButton.tsx, EndConferenceButton.tsx, LeaveConferenceButton.tsx).
 */

/** The toolbar's own toggles, in the wrappers or not (Toolbox.tsx, ToolboxItem.web.tsx). */
const TOGGLES = [
  "#new-toolbox .toolbox-button[role=button][aria-pressed]",
  ".toolbox-content-items [role=button][aria-pressed]",
];

/** Accessibility labels of the mute buttons, lang/main-sv.json and lang/main.json. */
const MIC_LABELS = [
  "Mute",
  "Slå på ljudet",
  "Ansluter din mikrofon",
  "Mute microphone",
  "Unmute microphone",
  "Connecting your microphone",
  // main.json before 2022: one label for both states.
  "Toggle mute audio",
];
const CAMERA_LABELS = [
  "Stoppa kamera",
  "Starta kameran",
  "Ansluter din kamera",
  "Stop camera",
  "Start camera",
  "Connecting your camera",
  "Toggle mute video",
];

function toggleLabelled(doc: Document, labels: readonly string[]): HTMLElement | null {
  const wanted = new Set(labels.map((label) => label.toLowerCase()));
  const matches = queryAll(doc, TOGGLES).filter((button) =>
    wanted.has(labelOf(button).toLowerCase()),
  );
  return matches.find(isRendered) ?? matches[0] ?? null;
}

function toggledMeansOff(button: HTMLElement): DeviceState | null {
  const isPressed = pressed(button);
  if (isPressed === null) return null;
  return isPressed ? "off" : "on";
}

/** The self-view tile (Thumbnail.tsx), or null when the filmstrip does not show it. */
function selfTile(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>("#localVideoContainer");
}

// Jitsi ignores its shortcuts while one of these has focus (keyboard-shortcuts/utils.ts).
const FOCUS_SWALLOWS_KEYS =
  "input, textarea, button, [role=button], [role=menuitem], [role=radio], [role=tab], " +
  "[role=option], [role=switch], [role=range], [role=log]";

const key = (letter: string): Shortcut => ({
  key: letter.toLowerCase(),
  code: `Key${letter}`,
  ignoredWhileFocused: FOCUS_SWALLOWS_KEYS,
});

const mic: DeviceControl = {
  find: (doc) =>
    findControl(doc, [
      "#new-toolbox .audio-preview .toolbox-button[role=button]",
      ".audio-preview .toolbox-button[role=button]",
      ".audio-preview [role=button][aria-pressed]",
    ]) ?? toggleLabelled(doc, MIC_LABELS),
  read: toggledMeansOff,
  shortcut: key("M"),
  // AudioMutedIndicator (BaseIndicator id audioMuted) shows on the self-view tile while the
  // local audio track is muted (filmstrip StatusIndicators).
  confirm: (doc) => {
    const tile = selfTile(doc);
    if (!tile) return null;
    return tile.querySelector("#audioMuted") ? "off" : "on";
  },
};

const camera: DeviceControl = {
  find: (doc) =>
    findControl(doc, [
      "#new-toolbox .video-preview .toolbox-button[role=button]",
      ".video-preview .toolbox-button[role=button]",
      ".video-preview [role=button][aria-pressed]",
    ]) ?? toggleLabelled(doc, CAMERA_LABELS),
  read: toggledMeansOff,
  shortcut: key("V"),
  // Thumbnail.tsx: DISPLAY_MODE_TO_CLASS_NAME, from the video track's state.
  confirm: (doc) => {
    const tile = selfTile(doc);
    if (!tile) return null;
    if (tile.classList.contains("display-video")) return "on";
    if (tile.classList.contains("display-avatar-only")) return "off";
    return null;
  },
};

/** lang/main-sv.json and main.json: toolbar.accessibilityLabel.leaveConference / endConference. */
const LEAVE_LABELS = new Set(["lämna mötet", "leave meeting"]);
const END_LABELS = new Set(["avsluta möte för alla", "end meeting for all"]);

/** The moderator's hang-up menu button's own toggle (HangupMenuButton.tsx). */
function hangupMenuToggle(doc: Document): HTMLElement | null {
  return clickable(
    findControl(doc, [
      ".toolbox-button-wth-dialog .hangup-menu-button",
      "#new-toolbox .hangup-menu-button",
    ]),
  );
}

/** The open hang-up menu's items: EndConferenceButton first, LeaveConferenceButton last. */
function hangupMenuItems(doc: Document): HTMLButtonElement[] {
  const menu = findShown(doc, [".toolbox-button-wth-dialog [role=menu]"]);
  return menu ? [...menu.querySelectorAll<HTMLButtonElement>("button")] : [];
}

function hangupMenuItem(doc: Document, choice: "leave" | "end"): HTMLElement | null {
  const items = hangupMenuItems(doc);
  if (items.length === 0) return null;
  const labelled = (labels: Set<string>) =>
    items.find((item) => labels.has(labelOf(item).toLowerCase())) ?? null;
  if (choice === "end") return labelled(END_LABELS);
  // In a language Tresteg has no labels for, the order tells: leave is the last item.
  return labelled(LEAVE_LABELS) ?? (items.length > 1 ? items[items.length - 1]! : null);
}

const leave: LeaveControl = {
  find: (doc) =>
    hangupMenuToggle(doc) ??
    clickable(findControl(doc, ["#new-toolbox .hangup-button", ".toolbox-button .hangup-button"])),
  confirm: (doc) => (hangupMenuToggle(doc) ? hangupMenuItem(doc, "leave") : null),
  // EndConferenceButton renders only for a moderator outside breakout rooms, in the menu; it
  // is told by its label only, never by its place, so an unknown language ends nothing.
  endForAll: (doc) => (hangupMenuToggle(doc) ? hangupMenuItem(doc, "end") : null),
};

export const jitsiAdapter: PlatformAdapter = {
  id: "jitsi",
  mic,
  camera,
  leave,
  remoteVideos: (doc) => {
    const found = findRemoteVideos(doc, {
      // The videos only: canvas#largeVideoBackground is a blurred copy of the large video,
      // covered with the stage and not drawn again into a screenshot.
      surfaces: allVideos,
      // Thumbnail.tsx's own ids: the self-view is video#localVideo_container in
      // span#localVideoContainer; others are video#remoteVideo_<track> in span#participant_<id>.
      isSelf: (video) =>
        video.id === "localVideo_container" ||
        video.closest("#localVideoContainer, #localVideoWrapper") !== null,
      isRemote: (video) =>
        video.id === "largeVideo" ||
        video.id.startsWith("remoteVideo_") ||
        video.closest("[id^=participant_]") !== null,
    });
    // LargeVideo.web.tsx: the stage holds the large video and, painted from it,
    // canvas#largeVideoBackground (LargeVideoBackground.web.tsx), and the avatar while the
    // camera is off. It shows whoever speaks, which in a coaching call is the client; when the
    // coach is on it alone, covering it hides only the coach's own picture.
    const stage = doc.querySelector<HTMLElement>("#largeVideoContainer");
    return stage ? { ...found, stages: [stage] } : found;
  },
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
