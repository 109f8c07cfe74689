import { tz, tzOffset } from "@date-fns/tz";
import { format } from "date-fns";
import { enGB, sv } from "date-fns/locale";
import type { Lang } from "../i18n/text";

/** One instant as a report shows it, so that a reader in any time zone can place it. */
export interface Moment {
  /** Epoch milliseconds, as logged. */
  at: number;
  /** "2026-03-28T13:03:12.000Z" */
  utc: string;
  /** "2026-03-28 14:03:12 +01:00": the draft's time zone, with its offset at that instant. */
  local: string;
  /** "14:03:12" in the draft's time zone. */
  time: string;
}

/** The time zone the draft speaks in, and the formats it uses. */
export interface DraftClock {
  zone: string;
  /** date-fns's `in` context: calendar arithmetic in the draft's zone, not the machine's. */
  context: ReturnType<typeof tz>;
  moment(at: number): Moment;
  /** "2026-03-28" */
  isoDay(at: number): string;
  /** "lördag 28 mars 2026" */
  longDay(at: number): string;
  /** "lör 28 mars 2026 14:03" */
  dayAndTime(at: number): string;
  /** "140312", for file names. */
  fileTime(at: number): string;
}

const locales = { sv, en: enGB };

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The zone's offset (minutes) at an instant, looked up once per hour of the log rather than
 * per entry: an hour whose first and last minutes share an offset has it throughout (zones
 * change at most once within an hour, on a whole minute); only an hour with a change is
 * looked up minute by minute. A one-hour incident costs two or three lookups, not sixty.
 */
function offsetLookup(timeZone: string): (at: number) => number {
  const lookup = (at: number) => tzOffset(timeZone, new Date(at));
  const hours = new Map<number, number | null>();
  const minutes = new Map<number, number>();
  return (at) => {
    const hour = Math.floor(at / 3_600_000);
    let whole = hours.get(hour);
    if (whole === undefined) {
      const first = lookup(hour * 3_600_000);
      whole = first === lookup((hour + 1) * 3_600_000 - 60_000) ? first : null;
      hours.set(hour, whole);
    }
    if (whole !== null) return whole;
    const minute = Math.floor(at / 60_000);
    let offset = minutes.get(minute);
    if (offset === undefined) {
      offset = lookup(minute * 60_000);
      minutes.set(minute, offset);
    }
    return offset;
  };
}

/**
 * "2026-03-28 14:03:12 +01:00" without a date-fns format call: a long incident has thousands
 * of times to show.
 */
function localFormatter(timeZone: string): (at: number) => string {
  const offsetAt = offsetLookup(timeZone);
  return (at) => {
    const offset = offsetAt(at);
    const d = new Date(at + offset * 60_000);
    const sign = offset < 0 ? "-" : "+";
    const abs = Math.abs(offset);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    return `${date} ${time} ${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  };
}

export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/**
 * The draft's clock. A report is read far from the machine that made it (by the manager, the
 * police), so every time is formatted in one named zone, and calendar days are counted there:
 * ten days after 14:00 before the spring change is 14:00 again, not 15:00.
 */
export function draftClock(lang: Lang, timeZone: string = machineTimeZone()): DraftClock {
  const context = tz(timeZone);
  const locale = locales[lang];
  const local = localFormatter(timeZone);
  return {
    zone: timeZone,
    context,
    moment(at) {
      const text = local(at);
      return { at, utc: new Date(at).toISOString(), local: text, time: text.slice(11, 19) };
    },
    isoDay: (at) => format(at, "yyyy-MM-dd", { in: context }),
    longDay: (at) => format(at, "EEEE d MMMM yyyy", { in: context, locale }),
    dayAndTime: (at) => format(at, "EEE d MMM yyyy HH:mm", { in: context, locale }),
    // From the same local time as the report's times (a draft names every screenshot file).
    fileTime: (at) => local(at).slice(11, 19).replaceAll(":", ""),
  };
}

/** "2 min 5 s", "1 h 2 min": the length of a wait or a mute. */
export function duration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return s > 0 ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}

// One number format per language: making one costs more than formatting with it, and a draft
// gives the size of every screenshot.
const sizeFormats = new Map<Lang, Intl.NumberFormat>();

/** "234 kB", "1,2 MB" with the language's decimal sign. */
export function byteSize(bytes: number, lang: Lang): string {
  let number = sizeFormats.get(lang);
  if (!number) {
    number = new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", {
      maximumFractionDigits: 1,
    });
    sizeFormats.set(lang, number);
  }
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${number.format(bytes / 1000)} kB`;
  return `${number.format(bytes / 1_000_000)} MB`;
}
