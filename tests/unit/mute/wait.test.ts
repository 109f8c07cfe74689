import { translator } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/text";
import { describe, expect, it } from "vitest";
import {
  extendDeadline,
  formatCountdown,
  announcementText,
  minuteAnnouncement,
  remainingMs,
  WAIT_MS,
} from "@/lib/mute/wait";

const START = Date.UTC(2026, 2, 12, 9, 30, 0);
const deadline = START + WAIT_MS;

/** What the live region says in `lang` when the time left goes from `prev` to `now`. */
function spoken(prev: number, now: number, lang: Lang = "sv"): string | null {
  const announcement = minuteAnnouncement(prev, now);
  return announcement && announcementText(announcement, translator(lang));
}

describe("the two-minute wait", () => {
  it("lasts two minutes", () => {
    expect(WAIT_MS).toBe(2 * 60 * 1000);
  });

  it.each([
    [START, WAIT_MS],
    [START + 1, WAIT_MS - 1],
    [deadline - 1, 1],
    [deadline, 0],
    [deadline + 5_000, 0],
  ])("counts what is left from the stored deadline, never below zero (now=%i)", (now, left) => {
    expect(remainingMs(deadline, now)).toBe(left);
  });

  it.each([
    [WAIT_MS, "2:00"],
    [WAIT_MS - 1, "2:00"],
    [WAIT_MS - 1_000, "1:59"],
    [WAIT_MS - 1_001, "1:59"],
    [60_001, "1:01"],
    [60_000, "1:00"],
    [59_999, "1:00"],
    [10_000, "0:10"],
    [1, "0:01"],
    [0, "0:00"],
    [-500, "0:00"],
  ])("shows %i ms as %s, rounding partial seconds up", (ms, shown) => {
    expect(formatCountdown(ms)).toBe(shown);
  });

  it("shows 0:00 only when the time is really up", () => {
    for (let now = START; now < deadline; now += 250) {
      expect(formatCountdown(remainingMs(deadline, now))).not.toBe("0:00");
    }
    expect(formatCountdown(remainingMs(deadline, deadline))).toBe("0:00");
  });

  it("stays right for a panel reopened in the middle of the wait", () => {
    const reopenedAt = START + 45_500;
    expect(formatCountdown(remainingMs(deadline, reopenedAt))).toBe("1:15");
  });

  it("extends a running wait from its deadline", () => {
    expect(extendDeadline(deadline, START + 30_000, 60_000)).toBe(deadline + 60_000);
  });

  it("extends an ended wait from now, so the extra minute is whole", () => {
    const now = deadline + 20_000;
    expect(extendDeadline(deadline, now, 60_000)).toBe(now + 60_000);
    expect(remainingMs(extendDeadline(deadline, now, 60_000), now)).toBe(60_000);
  });

  it("announces the last minute when the countdown reaches 1:00", () => {
    expect(spoken(60_250, 60_000)).toBe("1 minut kvar");
    expect(spoken(61_000, 59_000)).toBe("1 minut kvar");
  });

  it("announces the end when the time is up", () => {
    expect(spoken(250, 0)).toBe("Två minuter har gått");
    expect(spoken(70_000, 0)).toBe("Två minuter har gått");
  });

  it("announces in the panel's language", () => {
    expect(spoken(60_250, 60_000, "en")).toBe("1 minute left");
    expect(spoken(120_250, 119_000, "en")).toBe("2 minutes left");
    expect(spoken(120_250, 119_000, "sv")).toBe("2 minuter kvar");
    expect(spoken(250, 0, "en")).toBe("Two minutes have passed");
  });

  it("announces nothing between boundaries, after the end, or when time was added", () => {
    expect(minuteAnnouncement(WAIT_MS, WAIT_MS - 1_000)).toBeNull();
    expect(minuteAnnouncement(59_000, 58_000)).toBeNull();
    expect(minuteAnnouncement(0, 0)).toBeNull();
    expect(minuteAnnouncement(30_000, 90_000)).toBeNull();
  });

  it("announces exactly once per boundary over a whole wait ticking every 250 ms", () => {
    const said: string[] = [];
    let previous = remainingMs(deadline, START);
    for (let now = START + 250; now <= deadline + 1_000; now += 250) {
      const left = remainingMs(deadline, now);
      const text = spoken(previous, left);
      if (text) said.push(text);
      previous = left;
    }
    expect(said).toEqual(["1 minut kvar", "Två minuter har gått"]);
  });
});
