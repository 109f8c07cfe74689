/**
 * The organisation's own video platform(s), configured by origin (e.g. a region's own Jitsi
 * at https://video.region.se). Tresteg treats their tabs as meeting tabs once the coach has
 * granted host access; the meeting script is then registered for them at run time.
 */
export interface OriginStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = "ownOrigins";

export type OriginCheck =
  { ok: true; origin: string } | { ok: false; reason: "not-https" | "not-url" };

/** "video.region.se" or "https://video.region.se/rum/1" → "https://video.region.se". */
export function parseOrigin(text: string): OriginCheck {
  const trimmed = text.trim();
  const withScheme = /^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: "not-url" };
  }
  if (!url.hostname.includes(".")) return { ok: false, reason: "not-url" };
  // A meeting carries health data: only encrypted pages are accepted as meeting platforms.
  if (url.protocol !== "https:") return { ok: false, reason: "not-https" };
  return { ok: true, origin: url.origin };
}

export const matchPattern = (origin: string) => `${origin}/*`;

export async function loadOwnOrigins(area: OriginStorage): Promise<string[]> {
  const stored = (await area.get(KEY))[KEY];
  return Array.isArray(stored) ? stored.filter((o): o is string => typeof o === "string") : [];
}

export async function saveOwnOrigins(area: OriginStorage, origins: string[]): Promise<void> {
  await area.set({ [KEY]: [...new Set(origins)].sort() });
}

/** The id under which the meeting script is registered for the own platforms. */
export const OWN_PLATFORM_SCRIPT = "tresteg-own-platforms";
