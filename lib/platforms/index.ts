import type { PlatformAdapter } from "./adapter";
import { detectPlatform, type PlatformId } from "./detect";
import { genericAdapter } from "./generic";
import { googleMeetAdapter, looksLikeMeet } from "./google-meet";
import { jitsiAdapter, looksLikeJitsi } from "./jitsi";
import { practiceAdapter } from "./practice";
import { looksLikeTeams, teamsAdapter } from "./teams";
import { looksLikeWhereby, wherebyAdapter } from "./whereby";
import { looksLikeZoom, zoomAdapter } from "./zoom";

type KnownPlatform = Exclude<PlatformId, "own" | "practice" | "generic">;

const ADAPTERS: Record<KnownPlatform, PlatformAdapter> = {
  jitsi: jitsiAdapter,
  "google-meet": googleMeetAdapter,
  teams: teamsAdapter,
  zoom: zoomAdapter,
  whereby: wherebyAdapter,
};

/** Jitsi first: self-hosted Jitsi on a region's own domain is the case this exists for. */
const RECOGNISERS: [KnownPlatform, (doc: Document) => boolean][] = [
  ["jitsi", looksLikeJitsi],
  ["google-meet", looksLikeMeet],
  ["teams", looksLikeTeams],
  ["zoom", looksLikeZoom],
  ["whereby", looksLikeWhereby],
];

/**
 * What the page itself says it is, for addresses the origin does not tell: self-hosted Jitsi
 * on a region's own domain, the organisation's own platform when it runs one of the five,
 * a platform on an address not listed in detect.ts (zoomgov.com), and the local fixtures.
 */
export function recognisePage(doc: Document): KnownPlatform | null {
  for (const [platform, looksLike] of RECOGNISERS) {
    try {
      if (looksLike(doc)) return platform;
    } catch {
      // A recogniser that fails recognises nothing.
    }
  }
  return null;
}

/**
 * The adapter for a meeting page: by its origin (detect.ts) first; for an origin Tresteg does
 * not know, or the organisation's own platform, by recognising the page; else generic.
 */
export function adapterFor(
  url: string,
  doc: Document,
  ownOrigins: readonly string[] = [],
): PlatformAdapter {
  const byOrigin = detectPlatform(url, ownOrigins);
  switch (byOrigin) {
    case "jitsi":
    case "google-meet":
    case "teams":
    case "zoom":
    case "whereby":
      return ADAPTERS[byOrigin];
    case "practice":
      return practiceAdapter;
    case "own":
    case "generic": {
      const byPage = recognisePage(doc);
      return byPage ? ADAPTERS[byPage] : genericAdapter(byOrigin);
    }
    default: {
      const unhandled: never = byOrigin;
      return unhandled;
    }
  }
}
