import type { DeviceControl, DeviceState, PlatformAdapter } from "./adapter";
import { clickable, findControl, findShown, isRendered, labelOf, queryAll } from "./dom";
import { findRemoteVideos } from "./videos";

/**
 * Google Meet.
 *
 * Microphone and camera: Meet's own jsname hooks, stable across languages, are tried first:
 * `button[jsname=hw0c9]` and `button[jsname=psRWwc]` since Meet's September 2024 redesign,
 * `div[role=button]` with the same jsname on the join screen, and before the redesign the
 * `[jsname=BOHaEe]` inside `div[jsname=Dg9Wp]` / `div[jsname=R3GXJb]`
 * (ChrisRegado/streamdeck-googlemeet browser-extension/event_handlers/mic_event_handler.js
 * and camera_event_handler.js, commit d5bb977, 2025-01-19; the Megingjord Meet content
 * script, verified against live Meet in September 2026). Their state is
 * `data-is-muted="true|false"` (the same sources; AWS Live Meeting Assistant
 * providers/meet.js). Only when no jsname hook is on the page is the label's shortcut
 * suffix read ("(ctrl + d)", "(⌘ + d)"; spacing differs by language), then the words
 * microphone/mikrofon, camera/kamera.
 * Shortcuts: Ctrl+D and Ctrl+E (Cmd on macOS), Meet's keyboard-shortcut help.
 * Leave: `[jsname=CQylAd]` (attendee-labs/attendee google_meet_ui_methods.py, 4bde671,
 * 2026-08-19; Megingjord), else its label or its `call_end` icon. As host Meet then asks
 * whether to "just leave the call" or "end the call for everyone" (ChrisRegado/
 * streamdeck-googlemeet leave_call_event_handler.js, 913832e, 2024-08-09, unchanged at
 * 3dfec9c, 2026-02-28). Tresteg answers "just leave the call", the dialog button
 * `[data-mdc-dialog-action=Pd96ce]` (the same file), or by its words; only when the settings
 * ask for ending the meeting for everyone does it press the other answer. No source read
 * names that button's attributes, so it is found by its words alone, in the dialog that
 * holds the just-leave answer: "End the call for everyone" (the same file's words), and "End
 * meeting for all" as Meet's help (support.google.com/meet/answer/9303164) and Google's
 * announcement of the host choice (Workspace Updates, February 2021) name it. A label in
 * another language ends nothing; the coach leaves.
 */
function isMutedAttribute(button: HTMLElement): DeviceState | null {
  const value = button.getAttribute("data-is-muted");
  if (value === "true") return "off";
  if (value === "false") return "on";
  return null;
}

function toggle(
  shortcutKey: "d" | "e",
  jsname: "hw0c9" | "psRWwc",
  legacyWrapper: "Dg9Wp" | "R3GXJb",
  words: RegExp,
): DeviceControl {
  return {
    find(doc) {
      const byName = findControl(doc, [
        `button[jsname=${jsname}]`,
        `[role=button][jsname=${jsname}]`,
        `[jsname=${legacyWrapper}] [jsname=BOHaEe]`,
      ]);
      if (byName) return byName;
      const suffix = new RegExp(`\\+\\s*${shortcutKey}\\s*\\)\\s*$`, "i");
      const withState = queryAll(doc, ["button[data-is-muted]", "[role=button][data-is-muted]"]);
      return (
        withState.find((button) => suffix.test(labelOf(button))) ??
        withState.find((button) => words.test(labelOf(button))) ??
        null
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

/** The host's "just leave the call" answer, by its dialog action, else by its words. */
function justLeave(doc: Document): HTMLElement | null {
  const byAction = findShown(doc, ["[data-mdc-dialog-action=Pd96ce]"]);
  if (byAction) return byAction;
  const inDialog = queryAll(doc, ["[role=dialog] button", "[role=alertdialog] button"]);
  return inDialog.find((button) => /^(lämna bara|just leave)/i.test(labelOf(button))) ?? null;
}

/** The host dialog's buttons: the one around the just-leave answer, else any dialog's. */
function hostDialogButtons(doc: Document): HTMLElement[] {
  const dialog = findShown(doc, ["[data-mdc-dialog-action=Pd96ce]"])?.closest(
    "[role=dialog], [role=alertdialog]",
  );
  return dialog
    ? [...dialog.querySelectorAll<HTMLElement>("button, [role=button]")]
    : queryAll(doc, ["[role=dialog] button", "[role=alertdialog] button"]);
}

/**
 * The host's "end the call for everyone" answer, by its words only. Swedish: Tresteg's
 * reading of Meet's Swedish UI; no public source shows it.
 */
function endTheCallForEveryone(doc: Document): HTMLElement | null {
  const words =
    /^(avsluta samtalet för alla|avsluta mötet för alla|end the call for everyone|end call for everyone|end meeting for all)/i;
  return (
    hostDialogButtons(doc).find(
      (button) =>
        button.getAttribute("data-mdc-dialog-action") !== "Pd96ce" &&
        isRendered(button) &&
        words.test(labelOf(button)),
    ) ?? null
  );
}

export const googleMeetAdapter: PlatformAdapter = {
  id: "google-meet",
  mic: toggle("d", "hw0c9", "Dg9Wp", /mikrofon|microphone/i),
  camera: toggle("e", "psRWwc", "R3GXJb", /kamera|camera/i),
  leave: {
    find(doc) {
      const byName = findControl(doc, ["button[jsname=CQylAd]", "[role=button][jsname=CQylAd]"]);
      if (byName) return byName;
      const buttons = queryAll(doc, ["button", "[role=button]"]);
      return (
        buttons.find((button) => /^(lämna samtalet|leave call)/i.test(labelOf(button))) ??
        clickable(
          queryAll(doc, ["i", "span"]).find((icon) => icon.textContent?.trim() === "call_end") ??
            null,
        )
      );
    },
    confirm: justLeave,
    endForAll: endTheCallForEveryone,
  },
  // Meet mirrors the self-view by default; its tiles carry no documented local marker, so
  // the generic heuristic decides (see videos.ts).
  remoteVideos: (doc) => findRemoteVideos(doc),
};

/** Meet's own markup, for a Meet page on an address Tresteg does not know. */
export function looksLikeMeet(doc: Document): boolean {
  return (
    doc.querySelector("[jsname=CQylAd], button[jsname=hw0c9]") !== null ||
    doc.querySelector("[data-is-muted][aria-label*='+ d)' i]") !== null
  );
}
