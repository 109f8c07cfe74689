import { format } from "date-fns";
import { tz } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { byteSize, draftClock, duration } from "@/lib/draft/clock";

describe("the draft's clock", () => {
  it.each([
    ["Europe/Stockholm", "2026-03-29T00:59:59Z"],
    ["Europe/Stockholm", "2026-03-29T01:00:00Z"],
    ["Europe/Stockholm", "2026-10-25T00:59:59Z"],
    ["Europe/Stockholm", "2026-10-25T01:00:00Z"],
    ["America/St_Johns", "2026-07-01T12:34:56Z"],
    ["Asia/Kolkata", "2026-01-01T00:00:00Z"],
    ["UTC", "2026-06-30T23:59:59Z"],
  ])("gives local time in %s at %s as date-fns does", (zone, iso) => {
    const at = Date.parse(iso);
    const expected = format(at, "yyyy-MM-dd HH:mm:ss xxx", { in: tz(zone) });
    expect(draftClock("sv", zone).moment(at)).toEqual({
      at,
      utc: new Date(at).toISOString(),
      local: expected,
      time: expected.slice(11, 19),
    });
  });

  it("names the spring change's two sides with their own offsets", () => {
    const clock = draftClock("sv", "Europe/Stockholm");
    expect(clock.moment(Date.parse("2026-03-29T00:59:59Z")).local).toBe(
      "2026-03-29 01:59:59 +01:00",
    );
    expect(clock.moment(Date.parse("2026-03-29T01:00:00Z")).local).toBe(
      "2026-03-29 03:00:00 +02:00",
    );
  });

  it.each([
    ["Europe/Stockholm", "2026-03-29T00:00:00Z"],
    ["Europe/Stockholm", "2026-10-25T00:00:00Z"],
    // A change of 30 minutes (Lord Howe Island: 02:00 → 02:30 on 4 October 2026).
    ["Australia/Lord_Howe", "2026-10-03T14:00:00Z"],
    ["America/St_Johns", "2026-11-01T03:00:00Z"],
  ])("agrees with date-fns every 30 s for three hours around %s's change from %s", (zone, iso) => {
    // One clock for all of it, as one draft has: what it learns of one time serves the next.
    const clock = draftClock("sv", zone);
    const start = Date.parse(iso);
    for (let at = start; at <= start + 3 * 3_600_000; at += 30_000) {
      const expected = format(at, "yyyy-MM-dd HH:mm:ss xxx", { in: tz(zone) });
      expect(clock.moment(at).local, new Date(at).toISOString()).toBe(expected);
      expect(clock.fileTime(at)).toBe(format(at, "HHmmss", { in: tz(zone) }));
    }
  });

  it.each([
    [0, "0 s"],
    [5_400, "5 s"],
    [120_000, "2 min"],
    [125_000, "2 min 5 s"],
    [3_725_000, "1 h 2 min"],
  ])("says %d ms as %s", (ms, text) => {
    expect(duration(ms)).toBe(text);
  });

  it.each([
    [512, "sv", "512 B"],
    [64_000, "sv", "64 kB"],
    [1_234_567, "sv", "1,2 MB"],
    [1_234_567, "en", "1.2 MB"],
  ] as const)("says %d bytes in %s as %s", (bytes, lang, text) => {
    expect(byteSize(bytes, lang)).toBe(text);
  });
});
