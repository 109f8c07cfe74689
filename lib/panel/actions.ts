import { type MessageKey, type Params, refusalKey } from "../i18n/messages";
import type { Outcome } from "../log/events";
import type { IncidentLog, LogFailure, LogResult } from "../log/incident-log";
import type { KindRef, Phrase, PhrasePack, StepNumber } from "../routine/pack";
import { type MeetingTab, UNKNOWN_TAB } from "./meeting-tab";
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
 * What the coach's clicks do. Each action writes to the log and resolves only when the entry
 * is committed; until then its key is pending, so the panel shows it busy, never done. A
 * second click on a pending action is ignored rather than logged twice.
 */
export function createPanelActions(deps: {
  log: IncidentLog;
  store: PanelStore;
  pack: () => PhrasePack;
  /** The meeting tab, resolved once when the panel opens. */
  meetingTab: () => Promise<MeetingTab | null>;
}) {
  const { log, store } = deps;

  async function run<T>(key: string, write: () => Promise<LogResult<T>>): Promise<T | undefined> {
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
  }

  return {
    startIncident: (kinds: KindRef[]) => {
      const pack = deps.pack();
      return run("start", async () => {
        // A click may come before the tab is known; a tab that cannot be read still starts.
        const tab = (await deps.meetingTab()) ?? UNKNOWN_TAB;
        return log.startSession({
          kinds,
          origin: tab.origin,
          title: tab.title,
          platform: tab.platform,
          tabId: tab.tabId,
          packId: pack.id,
          packVersion: pack.source.version,
        });
      });
    },
    say: (sessionId: string, step: StepNumber, phrase: Phrase) =>
      run(`phrase:${phrase.id}`, () =>
        log.append(sessionId, {
          type: "phrase-said",
          step,
          phraseId: phrase.id,
          text: phrase.text,
        }),
      ),
    advance: (sessionId: string, from: StepNumber) =>
      run("advance", () =>
        log.append(sessionId, {
          type: "step-advanced",
          from,
          to: Math.min(3, from + 1) as StepNumber,
        }),
      ),
    back: (sessionId: string, from: StepNumber) =>
      run("back", () =>
        log.append(sessionId, { type: "step-back", from, to: Math.max(1, from - 1) as StepNumber }),
      ),
    resolve: (sessionId: string, step: StepNumber) =>
      run("resolve", () => log.append(sessionId, { type: "resolved", step })),
    reopen: (sessionId: string, step: StepNumber) =>
      run("reopen", () => log.append(sessionId, { type: "reopened", step })),
    terminate: (sessionId: string) =>
      run("terminate", () => log.append(sessionId, { type: "terminated" })),
    end: async (sessionId: string, outcome: Outcome) => {
      const entry = await run("end", () =>
        log.append(sessionId, { type: "session-ended", outcome }),
      );
      if (entry) store.setState({ lastEndedId: sessionId, editingKinds: false });
      return entry;
    },
    changeKinds: async (sessionId: string, kinds: KindRef[]) => {
      const entry = await run("kinds", () =>
        log.append(sessionId, { type: "kinds-changed", kinds }),
      );
      if (entry) store.setState({ editingKinds: false });
      return entry;
    },
    setCallStart: (sessionId: string, callStartedAt: number) =>
      run("call-start", () => log.append(sessionId, { type: "call-start-set", callStartedAt })),
    dismiss: () => store.setState({ error: null, notice: null }),
  };
}

export type PanelActions = ReturnType<typeof createPanelActions>;
