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
 * Runs one click's write. Until it is committed its key is pending, so the panel shows it
 * busy, never done; a second click on a pending action is ignored rather than logged twice.
 * A failure becomes a message the coach reads; nothing is swallowed.
 */
export function createRunner(store: PanelStore) {
  return async function run<T>(
    key: string,
    write: () => Promise<LogResult<T>>,
  ): Promise<T | undefined> {
    if (store.getState().pending.includes(key)) return undefined;
    store.setState((s) => ({ pending: [...s.pending, key], error: null, notice: null }));
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
      store.setState((s) => ({ pending: s.pending.filter((k) => k !== key) }));
    }
  };
}

export type Run = ReturnType<typeof createRunner>;
