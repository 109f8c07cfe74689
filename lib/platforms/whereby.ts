import type { DeviceControl, DeviceState, PlatformAdapter } from "./adapter";
import { clickable, findControl, labelOf, queryAll } from "./dom";
import { findRemoteVideos } from "./videos";

/**
 * Whereby (whereby.com and <org>.whereby.com rooms).
 *
 * Whereby's room toolbar items carry plain classes `VideoToolbar-item--mic`, `--cam` and
 * `--leave` beside its hashed CSS-module classes, and an item shows `is-active` while the
 * device is off (the mic item as read by balmychan/chrome-whereby-auto-mute; the camera item
 * is assumed to follow the same pattern). Video tiles carry Whereby's test hooks
 * `jstest-client-video`, and the coach's own tile also `jstest-local-client-video`
 * (runeh/whereby-pip-extension; whereby/sdk). No shortcut: Whereby documents none.
 * When the toolbar classes are missing, a toolbar button is found by its Swedish or English
 * label, and its state read from aria-pressed if it has one.
 */
function offWhenActive(item: HTMLElement): DeviceState {
  const holder = item.closest("[class*='VideoToolbar-item']") ?? item;
  return holder.classList.contains("is-active") ? "off" : "on";
}

function byLabel(doc: Document, words: RegExp): HTMLElement | null {
  return (
    queryAll(doc, ["[class*='VideoToolbar'] button", "[role=toolbar] button"]).find((button) =>
      words.test(labelOf(button)),
    ) ?? null
  );
}

function toolbarItem(kind: "mic" | "cam", words: RegExp): DeviceControl {
  return {
    find: (doc) =>
      clickable(
        findControl(doc, [`.VideoToolbar-item--${kind}`, `[class*='VideoToolbar-item--${kind}']`]),
      ) ?? byLabel(doc, words),
    read: (button) => {
      if (button.closest("[class*='VideoToolbar-item']")) return offWhenActive(button);
      const isPressed = button.getAttribute("aria-pressed");
      return isPressed === "true" ? "off" : isPressed === "false" ? "on" : null;
    },
  };
}

export const wherebyAdapter: PlatformAdapter = {
  id: "whereby",
  mic: toolbarItem("mic", /mikrofon|microphone/i),
  camera: toolbarItem("cam", /kamera|camera/i),
  leave: {
    find: (doc) =>
      clickable(
        findControl(doc, [".VideoToolbar-item--leave", "[class*='VideoToolbar-item--leave']"]),
      ) ?? byLabel(doc, /lämna|leave/i),
  },
  remoteVideos: (doc) =>
    findRemoteVideos(doc, {
      isSelf: (video) => video.closest(".jstest-local-client-video") !== null,
      isRemote: (video) =>
        video.closest(".jstest-client-video:not(.jstest-local-client-video)") !== null,
    }),
};

/** Whereby's room toolbar or video test hooks, for a room on an address Tresteg does not know. */
export function looksLikeWhereby(doc: Document): boolean {
  return doc.querySelector("[class*='VideoToolbar-item--'], .jstest-client-video") !== null;
}
