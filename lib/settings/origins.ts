/**
 * The organisation's own video platform(s), configured by origin (e.g. a region's own Jitsi
 * at https://video.region.se). Tresteg treats their tabs as meeting tabs once the coach has
 * granted host access; the meeting script is then registered for them at run time.
 */
export type OriginCheck =
  { ok: true; origin: string } | { ok: false; reason: "not-https" | "not-url" | "wildcard" };

/** "video.region.se" or "https://video.region.se/rum/1" → "https://video.region.se". */
export function parseOrigin(text: string): OriginCheck {
  const trimmed = text.trim();
  // "*.com" would become the match pattern https://*.com/*: every site under .com.
  if (trimmed.includes("*")) return { ok: false, reason: "wildcard" };
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

/** An origin exactly as parseOrigin gives it, the only form that is stored. */
export function isOrigin(value: string): boolean {
  const parsed = parseOrigin(value);
  return parsed.ok && parsed.origin === value;
}

export const matchPattern = (origin: string) => `${origin}/*`;
