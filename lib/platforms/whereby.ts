import type { DeviceControl, DeviceState, PlatformAdapter } from "./adapter";
import { clickable, findControl, isRendered, labelOf, queryAll } from "./dom";
import { type LabelPatterns, labelStarting, stateFromLabel } from "./labels";
import { findRemoteVideos } from "./videos";

/**
 * Whereby (whereby.com and <org>.whereby.com rooms, also embedded in an organisation's own
 * portal through whereby/sdk's <whereby-embed> iframe; packages/browser-sdk/src/lib/embed/
 * index.ts, 0a47592, 2026-08-21).
 *
 * Video tiles carry Whereby's own test hooks: `.jstest-client-video`, the coach's own also
 * `.jstest-local-client-video` (runeh/whereby-pip-extension src/content-script.ts, 028615e).
 *
 * Toolbar: no public source newer than 2019 shows the room's toolbar, so the buttons are
 * found in the room's `[role=toolbar]` by the action their accessible name says ("Turn off
 * microphone" / "Stäng av mikrofonen"), anchored so that "Inaktivera" never reads as
 * "Aktivera", and their state is read from that name; a name that says neither is unknown
 * and nothing is clicked. The 2019 classes `VideoToolbar-item--mic`, `--cam`, `--leave`
 * with `is-active` while the device is off (balmychan/chrome-whereby-auto-mute) are still
 * recognised. No shortcut: Whereby documents none.
 */
const MIC_LABELS: LabelPatterns = {
  turnsOn: labelStarting(
    "turn on (the )?mic(rophone)?",
    "unmute",
    "slå på mikrofon",
    "aktivera mikrofon",
    "sätt på mikrofon",
  ),
  turnsOff: labelStarting(
    "turn off (the )?mic(rophone)?",
    "mute",
    "stäng av mikrofon",
    "inaktivera mikrofon",
  ),
};

const CAMERA_LABELS: LabelPatterns = {
  turnsOn: labelStarting(
    "turn on (the )?(camera|video)",
    "start (the )?(camera|video)",
    "slå på kamera",
    "aktivera kamera",
    "starta kamera",
  ),
  turnsOff: labelStarting(
    "turn off (the )?(camera|video)",
    "stop (the )?(camera|video)",
    "stäng av kamera",
    "inaktivera kamera",
    "stoppa kamera",
  ),
};

const LEAVE_WORDS = labelStarting("leave", "lämna");

function toolbarButtons(doc: Document): HTMLElement[] {
  return queryAll(doc, ["[role=toolbar] button", "[role=toolbar] [role=button]"]).filter(
    isRendered,
  );
}

function legacyItem(doc: Document, kind: "mic" | "cam" | "leave"): HTMLElement | null {
  return clickable(
    findControl(doc, [`.VideoToolbar-item--${kind}`, `[class*='VideoToolbar-item--${kind}']`]),
  );
}

function toolbarItem(kind: "mic" | "cam", patterns: LabelPatterns): DeviceControl {
  return {
    find: (doc) =>
      legacyItem(doc, kind) ??
      toolbarButtons(doc).find((button) => stateFromLabel(button, patterns) !== null) ??
      null,
    read: (button): DeviceState | null => {
      const holder = button.closest("[class*='VideoToolbar-item']");
      if (holder) return holder.classList.contains("is-active") ? "off" : "on";
      return stateFromLabel(button, patterns);
    },
  };
}

export const wherebyAdapter: PlatformAdapter = {
  id: "whereby",
  mic: toolbarItem("mic", MIC_LABELS),
  camera: toolbarItem("cam", CAMERA_LABELS),
  leave: {
    find: (doc) =>
      legacyItem(doc, "leave") ??
      toolbarButtons(doc).find((button) => LEAVE_WORDS.test(labelOf(button))) ??
      null,
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
