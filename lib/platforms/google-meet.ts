import type { DeviceControl, DeviceState, PlatformAdapter } from "./adapter";
import { clickable, findControl, labelOf, queryAll } from "./dom";
import { findRemoteVideos } from "./videos";

/**
 * Google Meet.
 *
 * Meet marks its own microphone and camera toggles with `data-is-muted="true|false"` (read by
 * many mute extensions, e.g. fefranca/mute-google-meet, the MuteMe Meet controller). Both
 * buttons carry it, and so do the small mute marks on participant tiles, so the two are told
 * apart by their label's shortcut suffix, which Meet writes the same in every language:
 * "Turn off microphone (ctrl + d)", "Stäng av mikrofonen (ctrl + d)", "(⌘ + d)" on macOS;
 * the camera's ends in "+ e)". Only when that suffix is missing is the word microphone /
 * mikrofon or camera / kamera matched, in Swedish and English.
 * Shortcuts: Ctrl+D and Ctrl+E (Cmd on macOS), as Meet's keyboard-shortcut help documents.
 * Leave: `button[jsname=CQylAd]`, the leave-call button's long-stable jsname, else its
 * label ("Lämna samtalet" / "Leave call") or its `call_end` icon ligature.
 */
function isMutedAttribute(button: HTMLElement): DeviceState | null {
  const value = button.getAttribute("data-is-muted");
  if (value === "true") return "off";
  if (value === "false") return "on";
  return null;
}

function toggle(shortcutKey: "d" | "e", words: RegExp): DeviceControl {
  return {
    find(doc) {
      const suffix = `+ ${shortcutKey})`;
      const bySuffix = findControl(doc, [
        `button[data-is-muted][aria-label*='${suffix}' i]`,
        `[role=button][data-is-muted][aria-label*='${suffix}' i]`,
        `[data-is-muted][data-tooltip*='${suffix}' i]`,
      ]);
      if (bySuffix) return bySuffix;
      return (
        queryAll(doc, ["button[data-is-muted]", "[role=button][data-is-muted]"]).find((button) =>
          words.test(labelOf(button)),
        ) ?? null
      );
    },
    read: isMutedAttribute,
    shortcut: {
      key: shortcutKey,
      code: shortcutKey === "d" ? "KeyD" : "KeyE",
      primary: true,
    },
  };
}

export const googleMeetAdapter: PlatformAdapter = {
  id: "google-meet",
  mic: toggle("d", /mikrofon|microphone/i),
  camera: toggle("e", /kamera|camera/i),
  leave: {
    find(doc) {
      const byName = findControl(doc, ["button[jsname=CQylAd]", "[role=button][jsname=CQylAd]"]);
      if (byName) return byName;
      const buttons = queryAll(doc, ["button", "[role=button]"]);
      return (
        buttons.find((button) => /lämna samtalet|leave call/i.test(labelOf(button))) ??
        clickable(
          queryAll(doc, ["i", "span"]).find((icon) => icon.textContent?.trim() === "call_end") ??
            null,
        )
      );
    },
  },
  // Meet mirrors the self-view by default; its tiles carry no documented local marker, so
  // the generic heuristic decides (see videos.ts).
  remoteVideos: (doc) => findRemoteVideos(doc),
};

/** Meet's own markup, for a Meet page on an address Tresteg does not know. */
export function looksLikeMeet(doc: Document): boolean {
  return (
    doc.querySelector("[jsname=CQylAd]") !== null ||
    doc.querySelector("[data-is-muted][aria-label*='+ d)' i]") !== null
  );
}
