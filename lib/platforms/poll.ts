/** Timing of the checks after a click (page-actions.ts gives each action its own). */
export interface PollOptions {
  timeoutMs: number;
  intervalMs: number;
}

function holdsNow(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

/** Resolves true as soon as `check` holds, false when `timeoutMs` has passed without it. */
export function waitFor(check: () => boolean, { timeoutMs, intervalMs }: PollOptions) {
  return new Promise<boolean>((resolve) => {
    const started = Date.now();
    const tick = () => {
      if (holdsNow(check)) return resolve(true);
      if (Date.now() - started >= timeoutMs) return resolve(false);
      setTimeout(tick, intervalMs);
    };
    tick();
  });
}
