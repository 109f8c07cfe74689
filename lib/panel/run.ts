import { type MessageKey, type Params, refusalKey } from "../i18n/text";
import type { LogFailure, LogResult } from "../log/incident-log";
import type { PanelStore } from "./store";

export function failureMessage(failure: LogFailure): { key: MessageKey; params?: Params } {
  switch (failure.kind) {
    case "refused":
      return { key: refusalKey(failure.refusal) };
    case "storage":
      return { key: "storageError", params: { name: failure.name, message: failure.message } };
    case "already-open":
      return { key: "alreadyOpen" };
    case "no-session":
      return { key: "noSession" };
    default: {
      const unknown: never = failure;
      return { key: "storageError", params: { name: "?", message: JSON.stringify(unknown) } };
    }
  }
}

/**
 * How long a click's write may take before the panel shows it busy. A commit takes a few
 * milliseconds: drawing "busy" and then "done" within one glance is a flicker the coach cannot
 * read, and the extra frame in the middle of the write slows the write itself. A write still
 * running after this (a slow disk, a full quota) is shown busy until it ends.
 */
export const BUSY_AFTER_MS = 100;

/** Clicks in flight in one panel, shared by every runner on its store. */
interface InFlight {
  /** false when the same click is already in flight (a double click): do it once. */
  begin(key: string): boolean;
  end(key: string): void;
}

const inFlightByStore = new WeakMap<PanelStore, InFlight>();

/**
 * The clicks in flight for `store`'s panel. A key is in flight from the click until its write
 * has ended; it is put among the store's `pending` keys (shown busy) only if it is still in
 * flight after `BUSY_AFTER_MS`.
 */
export function inFlightOf(store: PanelStore): InFlight {
  let inFlight = inFlightByStore.get(store);
  if (inFlight) return inFlight;
  const timers = new Map<string, ReturnType<typeof setTimeout> | null>();
  inFlight = {
    begin(key) {
      if (timers.has(key)) return false;
      timers.set(
        key,
        setTimeout(() => {
          timers.set(key, null);
          store.setState((s) => ({ pending: [...s.pending, key] }));
        }, BUSY_AFTER_MS),
      );
      return true;
    },
    end(key) {
      const timer = timers.get(key);
      timers.delete(key);
      if (timer) clearTimeout(timer);
      else if (timer === null) {
        store.setState((s) => ({ pending: s.pending.filter((k) => k !== key) }));
      }
    },
  };
  inFlightByStore.set(store, inFlight);
  return inFlight;
}

/** Clears the last message when the coach acts again, without redrawing when there is none. */
export function clearMessages(store: PanelStore): void {
  const { error, notice } = store.getState();
  if (error !== null || notice !== null) store.setState({ error: null, notice: null });
}

/** How long a confirmation stays ("… sparad"): long enough to read twice, then it is old news. */
export const NOTICE_SHOWN_MS = 8000;

/**
 * Confirmations do not linger: a notice goes when the panel shows another screen, and after
 * NOTICE_SHOWN_MS, so "Sparat 07:30:30" is never read as being about a later edit. Errors stay
 * until the coach dismisses them or acts again. Returns the unsubscribe.
 */
export function expireNotices(store: PanelStore, shownMs = NOTICE_SHOWN_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.view !== previous.view && state.notice !== null && state.notice === previous.notice) {
      store.setState({ notice: null });
      return;
    }
    if (state.notice === previous.notice) return;
    clearTimeout(timer);
    const shown = state.notice;
    if (shown === null) return;
    timer = setTimeout(() => {
      if (store.getState().notice === shown) store.setState({ notice: null });
    }, shownMs);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}

/**
 * Runs one click's write. The click is in flight until its write has ended: a second click on
 * the same thing meanwhile is ignored rather than logged twice, and a slow write is shown busy
 * (see `BUSY_AFTER_MS`), never as done. Clicks on other things are not held back: the log
 * carries them out in click order, and the step machine refuses what no longer fits.
 * A failure becomes a message the coach reads; nothing is swallowed.
 */
export function createRunner(store: PanelStore) {
  const inFlight = inFlightOf(store);
  return async function run<T>(
    key: string,
    write: () => Promise<LogResult<T>>,
  ): Promise<T | undefined> {
    if (!inFlight.begin(key)) return undefined;
    clearMessages(store);
    try {
      const result = await write();
      if (result.ok) return result.value;
      const message = failureMessage(result.failure);
      if (result.failure.kind === "already-open") store.setState({ notice: message });
      else store.setState({ error: message });
      return undefined;
    } catch (error) {
      // Not expected (the log returns failures as values), but never swallowed.
      store.setState({
        error: { key: "storageError", params: { name: "Error", message: String(error) } },
      });
      return undefined;
    } finally {
      inFlight.end(key);
    }
  };
}

export type Run = ReturnType<typeof createRunner>;
