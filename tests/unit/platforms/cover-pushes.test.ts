import { describe, expect, it } from "vitest";
import { parseCoverPush, type CoverPush } from "@/lib/messages";
import type { CoverChange } from "@/lib/platforms/cover";
import { createCoverPushes, PUSH_WINDOW_MS } from "@/lib/platforms/cover-pushes";

/** A clock the test moves by hand, with the timers it would run. */
function aClock() {
  let now = 1_000_000;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let ids = 0;
  return {
    clock: {
      now: () => now,
      setTimeout: (run: () => void, ms: number) => {
        const id = ++ids;
        timers.push({ at: now + ms, run, id });
        return id;
      },
      clearTimeout: (id: unknown) => {
        timers = timers.filter((timer) => timer.id !== id);
      },
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const next = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.run();
      }
      now = until;
    },
  };
}

function aThrottle() {
  const sent: { at: number; change: CoverChange; count: number }[] = [];
  const time = aClock();
  const pushes = createCoverPushes(
    (push) => sent.push({ at: time.clock.now(), change: push.change, count: push.count }),
    time.clock,
  );
  return { sent, time, pushes };
}

describe("telling the worker what the cover did", () => {
  it("tells the first change at once", () => {
    const { sent, pushes } = aThrottle();
    pushes.push("reapplied");
    expect(sent).toEqual([{ at: 1_000_000, change: "reapplied", count: 1 }]);
  });

  it("tells a page fighting the cover four times a second once per window, with the count", () => {
    const { sent, time, pushes } = aThrottle();
    // Twelve seconds of a page removing the cover every round (four a second).
    for (let round = 0; round < 48; round++) {
      pushes.push("reapplied");
      time.advance(250);
    }
    time.advance(PUSH_WINDOW_MS);
    expect(sent.length).toBeLessThanOrEqual(4);
    expect(sent.map((p) => p.count).reduce((a, b) => a + b, 0)).toBe(48);
    for (const [i, push] of sent.entries()) {
      if (i > 0) expect(push.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(PUSH_WINDOW_MS);
    }
  });

  it("tells a lost cover at once, even right after a cover put back", () => {
    const { sent, time, pushes } = aThrottle();
    pushes.push("reapplied");
    time.advance(250);
    pushes.push("reapplied");
    time.advance(250);
    pushes.push("lost");
    expect(sent).toEqual([
      { at: 1_000_000, change: "reapplied", count: 1 },
      { at: 1_000_500, change: "reapplied", count: 1 },
      { at: 1_000_500, change: "lost", count: 1 },
    ]);
  });

  it("ends each window's pushes with the latest state when the page flips the cover every round", () => {
    const { sent, time, pushes } = aThrottle();
    const flips: CoverChange[] = ["lost", "reapplied", "lost", "reapplied", "lost"];
    for (const change of flips) {
      pushes.push(change);
      time.advance(250);
    }
    expect(sent.at(-1)?.change).toBe("reapplied");
    time.advance(PUSH_WINDOW_MS);
    // Lost last: what the panel shows last is what is true.
    expect(sent.at(-1)?.change).toBe("lost");
    expect(sent.length).toBeLessThanOrEqual(4);
    const total = (change: CoverChange) =>
      sent.filter((p) => p.change === change).reduce((sum, p) => sum + p.count, 0);
    expect(total("lost")).toBe(3);
    expect(total("reapplied")).toBe(2);
  });

  it("tells nothing more once stopped (the wait is over)", () => {
    const { sent, time, pushes } = aThrottle();
    pushes.push("reapplied");
    pushes.push("reapplied");
    pushes.stop();
    time.advance(PUSH_WINDOW_MS * 2);
    expect(sent).toHaveLength(1);
  });
});

describe("the push as the worker reads it", () => {
  const push: CoverPush = { type: "cover:changed", change: "covered-late", count: 1 };

  it("takes each of the three changes with a count", () => {
    expect(parseCoverPush(push)).toEqual(push);
    expect(parseCoverPush({ ...push, change: "reapplied", count: 12 })).toEqual({
      ...push,
      change: "reapplied",
      count: 12,
    });
    expect(parseCoverPush({ ...push, change: "lost" })).toEqual({ ...push, change: "lost" });
  });

  it.each([
    ["another change", { ...push, change: "uncovered" }],
    ["no count", { type: "cover:changed", change: "lost" }],
    ["a count of none", { ...push, count: 0 }],
    ["a count that is not whole", { ...push, count: 1.5 }],
    ["a field more", { ...push, detail: "<b>covered</b>" }],
    ["another message", { type: "meeting:cover", cover: true }],
    ["not an object", "cover:changed"],
  ])("refuses %s", (_, message) => {
    expect(parseCoverPush(message)).toBeNull();
  });
});
