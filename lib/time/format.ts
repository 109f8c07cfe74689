import { lightFormat } from "date-fns/lightFormat";

/**
 * The log's clock face: 14:03:12, the same in Swedish and English. lightFormat because the
 * panel shows hundreds of these and needs no locale for digits.
 */
export function clockTime(at: number): string {
  return lightFormat(at, "HH:mm:ss");
}

/**
 * Reads "14:03" or "14:03:12" as that local time on the day of `reference` (the call began
 * before the incident, on the same day). Returns null for anything else.
 */
export function parseClockOnDay(text: string, reference: number): number | null {
  const match = /^\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*$/.exec(text);
  if (!match) return null;
  const [h, m, s] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (h > 23 || m > 59 || s > 59) return null;
  const day = new Date(reference);
  day.setHours(h, m, s, 0);
  return day.getTime();
}
