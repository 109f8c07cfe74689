import { countKey, type MessageKey, type Translate } from "../i18n/text";
import type { MuteTarget } from "../log/events";
import type { ProbeReport } from "../messages";
import { type PlatformId, platformName } from "../platforms/detect";
import type { MeetingTab } from "./meeting-tab";

/**
 * What Tresteg can do on the meeting page before anything happens: the wait's four mutes and
 * the leave of step 3, each either "ready" (what Tresteg needs was found) or "by hand" with
 * the reason. It comes from the page's probe, which only reads the page and never clicks, so
 * "ready" says a control was found, not that pressing it will work; the panel words it so.
 */
export type Capability = MuteTarget | "leave";

/** In the order the panel lists them: the wait's four as the routine names them, then leave. */
export const CAPABILITIES: readonly Capability[] = [
  "client-sound",
  "client-picture",
  "own-mic",
  "own-camera",
  "leave",
];

export type ByHandReason =
  /** No meeting tab the panel serves: nothing can be muted or left from here. */
  | "no-meeting-tab"
  /** The coach's settings leave this out of the wait. */
  | "setting-off"
  /** The page did not answer the probe: no meeting script there, or a page the browser guards. */
  | "page-not-reachable"
  /** The browser will not let Tresteg read this tab at all (no access to the site). */
  | "not-allowed"
  /** A platform Tresteg does not know: it does not guess at the page's buttons. */
  | "platform-unknown"
  /** The platform is known, but its control is not on the page now. */
  | "control-not-found"
  /** No picture of the client on the page now. */
  | "no-client-picture";

export type CapabilityReadiness =
  | { capability: Capability; status: "ready" }
  | { capability: Capability; status: "by-hand"; reason: ByHandReason };

export interface Readiness {
  /** The platform the page said it is (self-hosted Jitsi too), else the one its address says. */
  platform: PlatformId;
  /** How many pictures of the client the probe found (what the cover would go over). */
  clientPictures: number;
  items: CapabilityReadiness[];
}

const UNKNOWN_PLATFORMS: readonly PlatformId[] = ["generic", "own"];

/**
 * Readiness on `tab` from the page's probe (null: the page did not answer) and the targets
 * the coach's settings give the wait. The tab's sound is the browser's, not the page's: it
 * needs the tab only, and no answer from the page.
 */
export function readinessOf(
  tab: MeetingTab | null,
  probe: ProbeReport | null,
  waitMutes: readonly MuteTarget[],
): Readiness {
  const platform = probe?.platform ?? tab?.platform ?? "generic";
  const unreachable: ByHandReason = tab?.readable === false ? "not-allowed" : "page-not-reachable";
  const byHand = (capability: Capability, reason: ByHandReason): CapabilityReadiness => ({
    capability,
    status: "by-hand",
    reason,
  });

  const one = (capability: Capability): CapabilityReadiness => {
    if (!tab || tab.tabId === null) return byHand(capability, "no-meeting-tab");
    if (capability !== "leave" && !waitMutes.includes(capability)) {
      return byHand(capability, "setting-off");
    }
    if (capability === "client-sound") return { capability, status: "ready" };
    if (!probe) return byHand(capability, unreachable);
    if (capability === "client-picture") {
      return probe.remoteVideos > 0
        ? { capability, status: "ready" }
        : byHand(capability, "no-client-picture");
    }
    const found =
      capability === "own-mic"
        ? probe.controls.mic
        : capability === "own-camera"
          ? probe.controls.camera
          : probe.controls.hangUp;
    if (found) return { capability, status: "ready" };
    return byHand(
      capability,
      UNKNOWN_PLATFORMS.includes(probe.platform) ? "platform-unknown" : "control-not-found",
    );
  };

  return {
    platform,
    clientPictures: probe?.remoteVideos ?? 0,
    items: CAPABILITIES.map(one),
  };
}

/**
 * The capabilities whose status or reason differs between two readings, in list order: what
 * the panel announces when the page changes (nothing on a refresh that found the same).
 */
export function readinessChanges(before: Readiness, after: Readiness): CapabilityReadiness[] {
  const key = (item: CapabilityReadiness | undefined) =>
    item ? (item.status === "ready" ? "ready" : item.reason) : "";
  return after.items.filter(
    (item) => key(before.items.find((b) => b.capability === item.capability)) !== key(item),
  );
}

/** One capability as the panel says it: what it is, whether it is ready, and why. */
export interface ReadinessWords {
  capability: Capability;
  ready: boolean;
  /** What Tresteg would do: "stänga av din mikrofon". */
  name: string;
  /** "klart" or "för hand". */
  status: string;
  /** What the probe found, or why it is by hand, as a sentence. */
  detail: string;
}

/** Why a capability is by hand; a control that is not on the page is named. */
function reasonKey(capability: Capability, reason: ByHandReason): MessageKey {
  if (reason !== "control-not-found") return `readiness.reason.${reason}`;
  switch (capability) {
    case "own-mic":
    case "own-camera":
    case "leave":
      return `readiness.reason.control-not-found.${capability}`;
    default:
      // The tab's sound and the client's picture are not controls on the page.
      return "readiness.reason.page-not-reachable";
  }
}

/** The words for each capability, in the panel's language. */
export function readinessWords(readiness: Readiness, t: Translate): ReadinessWords[] {
  const platform = platformName(readiness.platform, t);
  return readiness.items.map((item) => {
    const { capability } = item;
    const name = t(`readiness.can.${capability}`);
    if (item.status === "ready") {
      const detail =
        capability === "client-picture"
          ? t(countKey("readiness.ready.client-picture", readiness.clientPictures), {
              count: readiness.clientPictures,
            })
          : t(`readiness.ready.${capability}`, { platform });
      return { capability, ready: true, name, status: t("readiness.status.ready"), detail };
    }
    const detail = t(reasonKey(capability, item.reason), { platform });
    return { capability, ready: false, name, status: t("readiness.status.by-hand"), detail };
  });
}
