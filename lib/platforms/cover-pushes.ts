import type { CoverPush } from "../messages";
import type { CoverChange } from "./cover";

/**
 * How often a change the page keeps repeating is told: a page fighting the cover four times a
 * second must not write four log entries a second. The first is told at once; the repeats
 * within this window are counted and told as one, with their count, when it has passed.
 */
export const PUSH_WINDOW_MS = 5000;

/** Whether the cover is on top after a change: the wait box's line turns with this. */
const onTop = (change: CoverChange) => change !== "lost";

export interface PushClock {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
}

const realClock: PushClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/**
 * Turns the cover's changes into pushes, at most a few per window. A change that turns the
 * cover from on top to lost (or back) is told at once, unless such a turn was already told in
 * this window (a page flipping it every round): then the turns are counted too, and the
 * window's pushes end with the latest state, so what the panel shows last is what is true.
 * `stop` drops what is not told yet: the cover is gone and the wait over.
 */
export function createCoverPushes(
  send: (push: CoverPush) => void,
  clock: PushClock = realClock,
  windowMs = PUSH_WINDOW_MS,
) {
  // Counted and not yet told, in the order of their latest occurrence.
  const pending = new Map<CoverChange, number>();
  let lastPushAt = -Infinity;
  let lastTurnAt = -Infinity;
  /** What the last push said: the cover on top (as the cover request answered) or lost. */
  let told: boolean | null = null;
  let timer: unknown;

  function flush() {
    timer = undefined;
    if (pending.size === 0) return;
    const now = clock.now();
    lastPushAt = now;
    for (const [change, count] of pending) {
      if (told !== null && onTop(change) !== told) lastTurnAt = now;
      told = onTop(change);
      send({ type: "cover:changed", change, count });
    }
    pending.clear();
  }

  function push(change: CoverChange) {
    const count = (pending.get(change) ?? 0) + 1;
    pending.delete(change);
    pending.set(change, count);
    const now = clock.now();
    const turns = told !== null && onTop(change) !== told;
    if (now - lastPushAt >= windowMs || (turns && now - lastTurnAt >= windowMs)) {
      if (timer !== undefined) clock.clearTimeout(timer);
      flush();
      return;
    }
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = clock.setTimeout(flush, Math.max(0, dueAt() - now));
  }

  /** When what is pending may be told: a turn as soon as the last turn's window has passed. */
  function dueAt() {
    const turn = [...pending.keys()].some((change) => told !== null && onTop(change) !== told);
    return (turn ? Math.min(lastPushAt, lastTurnAt) : lastPushAt) + windowMs;
  }

  function stop() {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    pending.clear();
  }

  return { push, stop };
}

export type CoverPushes = ReturnType<typeof createCoverPushes>;
