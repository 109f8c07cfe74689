/**
 * Which meeting platform a tab is, from its address. The organisation's own platform is
 * recognised by configured origins; self-hosted Jitsi, on any origin, by the page itself
 * (`recognisePage` in index.ts, which a content script on the page can run).
 */
export type PlatformId =
  "jitsi" | "google-meet" | "teams" | "zoom" | "whereby" | "own" | "practice" | "generic";

/** Tresteg's packaged practice meeting, an extension page. */
export const PRACTICE_PAGE = "/practice.html";

export const PLATFORM_NAMES: Record<PlatformId, string> = {
  jitsi: "Jitsi Meet",
  "google-meet": "Google Meet",
  teams: "Microsoft Teams",
  zoom: "Zoom",
  whereby: "Whereby",
  own: "Egen videoplattform",
  practice: "Övningsmöte (Tresteg)",
  generic: "Okänd plattform",
};

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
