import type { Translate } from "../i18n/text";

/**
 * Which meeting platform a tab is, from its address. The organisation's own platform is
 * recognised by configured origins; self-hosted Jitsi, on any origin, by the page itself
 * (`recognisePage` in index.ts, which a content script on the page can run).
 */
export type PlatformId =
  "jitsi" | "google-meet" | "teams" | "zoom" | "whereby" | "own" | "practice" | "generic";

/** Tresteg's packaged practice meeting, an extension page. */
export const PRACTICE_PAGE = "/practice.html";

/** The products' own names; the others Tresteg names itself, in the reader's language. */
const PRODUCT_NAMES: Record<Exclude<PlatformId, "own" | "practice" | "generic">, string> = {
  jitsi: "Jitsi Meet",
  "google-meet": "Google Meet",
  teams: "Microsoft Teams",
  zoom: "Zoom",
  whereby: "Whereby",
};

/** A platform's name for the panel and the draft; an id Tresteg does not know, as stored. */
export function platformName(id: string, t: Translate): string {
  if (id === "own" || id === "practice" || id === "generic") return t(`platform.${id}`);
  return Object.hasOwn(PRODUCT_NAMES, id) ? PRODUCT_NAMES[id as keyof typeof PRODUCT_NAMES] : id;
}

function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export function detectPlatform(
  url: string | undefined,
  ownOrigins: readonly string[] = [],
): PlatformId {
  let parsed: URL;
  try {
    parsed = new URL(url ?? "");
  } catch {
    return "generic";
  }
  const host = parsed.hostname;
  if (
    (parsed.protocol === "chrome-extension:" || parsed.protocol === "moz-extension:") &&
    parsed.pathname === PRACTICE_PAGE
  ) {
    return "practice";
  }
  if (ownOrigins.includes(parsed.origin)) return "own";
  if (host === "meet.google.com") return "google-meet";
  if (
    hostMatches(host, "teams.microsoft.com") ||
    hostMatches(host, "teams.live.com") ||
    // Teams' newer web address (2024–): teams.cloud.microsoft.
    host === "teams.cloud.microsoft"
  ) {
    return "teams";
  }
  if (hostMatches(host, "zoom.us") && parsed.pathname.startsWith("/wc")) return "zoom";
  if (hostMatches(host, "whereby.com")) return "whereby";
  if (host === "meet.jit.si" || hostMatches(host, "8x8.vc")) return "jitsi";
  return "generic";
}
