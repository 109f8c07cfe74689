import { type EvidenceService, underCoverKey } from "../evidence/capture";
import type { LoggedEvent, Outcome, ThreatDetailField } from "../log/events";
import { THREAT_DETAIL_FIELDS } from "../log/events";
import { clockTime } from "../time/format";
import type { IncidentLog, LogResult } from "../log/incident-log";
import type { IncidentState } from "../routine/machine";
import type { KindRef, Phrase, PhrasePack, StepNumber } from "../routine/pack";
import type { Referral, SelfHarmField, Track } from "../routine/self-harm";
import { type MeetingTab, UNKNOWN_TAB } from "./meeting-tab";
import { clearMessages, createRunner, failureMessage, inFlightOf } from "./run";
import type { PanelStore } from "./store";

/**
 * What the coach's clicks do. Each action writes to the log and resolves only when the entry
 * is committed; until then it is in flight (shown busy if slow, never done), and a second
 * click on it is ignored rather than logged twice (lib/panel/run.ts).
 */
interface ActionDeps {
  log: IncidentLog;
  store: PanelStore;
  pack: () => PhrasePack;
  /** The tab the panel acts on now (the practice meeting during practice). */
  meetingTab: () => Promise<MeetingTab | null>;
  /** The meeting the panel was opened for: the only tab a real incident is bound to. */
  realMeetingTab: () => Promise<MeetingTab | null>;
  /** The practice meeting's tab, opened when the panel is not on it. */
  practiceMeeting: () => Promise<MeetingTab>;
  /** Ends a running wait, restoring what Tresteg muted (before the incident ends). */
  endWait: (sessionId: string, state: IncidentState) => Promise<void>;
  /** Stops the incident's recording, if one runs, and resolves once its stop is logged. */
  stopRecording?: (sessionId: string, reason: "incident-ended") => Promise<void>;
  /** After an incident has ended (practice returns the panel to its meeting). */
  afterEnd: () => Promise<void>;
  evidence: EvidenceService;
  /** Asks the browser for the optional <all_urls> permission; must run in the click. */
  requestCapturePermission: () => Promise<boolean>;
}

export function createPanelActions(deps: ActionDeps) {
  const { log, store } = deps;

  const run = createRunner(store);
  const inFlight = inFlightOf(store);

  return {
    startIncident: (kinds: KindRef[]) => {
      const pack = deps.pack();
      return run("start", async () => {
        const practice = store.getState().practice;
        // A click may come before the tab is known; a tab that cannot be read still starts.
        const tab = practice
          ? await deps.practiceMeeting()
          : ((await deps.realMeetingTab()) ?? UNKNOWN_TAB);
        // Practice never mixes with real incidents: no real one on the practice meeting.
        if (!practice && tab.platform === "practice") {
          return { ok: false, failure: { kind: "refused", refusal: "practice-page" } } as const;
        }
        return log.startSession({
          kinds,
          origin: tab.origin,
          title: tab.title,
          platform: tab.platform,
          tabId: tab.tabId,
          packId: pack.id,
          packVersion: pack.source.version,
          practice,
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
      // One ending at a time: the wait's restores must all be logged before the end is.
      if (!inFlight.begin("end-incident")) return undefined;
      try {
        // Ending, from any state, ends a running wait first and restores what Tresteg muted.
        const current = await log.currentState(sessionId);
        if (current?.wait) await deps.endWait(sessionId, current);
        // A recording stops with the incident, its stop logged before the end.
        await deps.stopRecording?.(sessionId, "incident-ended");
        const entry = await run("end", () =>
          log.append(sessionId, { type: "session-ended", outcome }),
        );
        // The draft comes at once: the report is written while the call is fresh.
        if (entry) {
          store.setState({
            lastEndedId: sessionId,
            editingKinds: false,
            view: "draft",
            draftId: sessionId,
          });
          await deps.afterEnd();
        }
        return entry;
      } finally {
        inFlight.end("end-incident");
      }
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
    dismiss: () => store.setState({ error: null, notice: null, needsCapturePermission: false }),

    /** One click: the meeting tab as it is now, stored with its hash, logged. */
    capture: () => takeScreenshot(deps, store),
    /**
     * Asks for the permission in the coach's click. A screenshot that was refused for want of
     * it is then taken at once: the coach's first click is not lost.
     */
    grantCapture: async () => {
      const refused = store.getState().needsCapturePermission;
      const granted = await deps.requestCapturePermission().catch((error: unknown) => {
        // The browser would not even ask (e.g. not in a click): said as "not granted".
        console.error("Tresteg: permission request", error);
        return false;
      });
      if (!granted) {
        store.setState({ error: { key: "grantRefused" } });
        return false;
      }
      store.setState({ needsCapturePermission: false, error: null });
      if (refused) await takeScreenshot(deps, store);
      else store.setState({ notice: { key: "captureAllowed" } });
      return true;
    },
    note: (sessionId: string, text: string) =>
      run("note", () => log.append(sessionId, { type: "note", text })),
    tag: (sessionId: string, tag: string) =>
      run(`tag:${tag}`, () => log.append(sessionId, { type: "tag", tag })),
    threatDetails: async (
      sessionId: string,
      details: Partial<Record<ThreatDetailField, string>>,
    ) => {
      let all = true;
      for (const field of THREAT_DETAIL_FIELDS) {
        const value = details[field]?.trim();
        if (!value) continue;
        const entry = await run(`threat:${field}`, () =>
          log.append(sessionId, { type: "threat-detail", field, value }),
        );
        all &&= entry !== undefined;
      }
      if (all) store.setState({ notice: { key: "threatSaved" } });
      return all;
    },
    switchTrack: (sessionId: string, to: Track) =>
      run("track", () => log.append(sessionId, { type: "track-switched", to })),
    selfHarmDetail: (sessionId: string, field: SelfHarmField, value: string) =>
      run(`self-harm:${field}`, () =>
        log.append(sessionId, { type: "self-harm-detail", field, value }),
      ),
    refer: (sessionId: string, to: Referral) =>
      run(`referral:${to}`, () => log.append(sessionId, { type: "referral", to })),
    /** "Akut – ring 112" shows the reminder; only "Jag har ringt 112" logs the call. */
    emergency: (sessionId: string, what: "reminder" | "called") =>
      run(`emergency:${what}`, () =>
        log.append(
          sessionId,
          what === "reminder"
            ? { type: "emergency-reminder" }
            : { type: "emergency-call", confirmed: true },
        ),
      ),
    /** "Klienten har lugnat sig" in the handbook's guidance: the three steps were not in use. */
    resolveSelfHarm: (sessionId: string, step: StepNumber) =>
      run("resolve", () => log.append(sessionId, { type: "resolved", step, track: "self-harm" })),
    setCaption: (evidenceId: string, caption: string) =>
      deps.evidence.setCaption(evidenceId, caption).catch((error) =>
        store.setState({
          error: { key: "storageError", params: { name: "IndexedDB", message: String(error) } },
        }),
      ),
    deleteEvidence: (evidenceId: string) =>
      run(`delete:${evidenceId}`, async (): Promise<LogResult<LoggedEvent | null>> => {
        // Already deleted (e.g. in a second panel): nothing to do, nothing to report.
        const result = await deps.evidence.remove(evidenceId);
        return result ?? { ok: true, value: null };
      }),
  };
}

export type PanelActions = ReturnType<typeof createPanelActions>;

/** The meeting tab as it is now, stored with its hash and logged; what failed, said. */
async function takeScreenshot(deps: ActionDeps, store: PanelStore): Promise<void> {
  const inFlight = inFlightOf(store);
  const key = "capture";
  if (!inFlight.begin(key)) return;
  clearMessages(store);
  try {
    const tab = await deps.meetingTab();
    const result = await deps.evidence.capture(tab?.tabId ?? null, deps.pack());
    if (result.ok) {
      store.setState({
        needsCapturePermission: false,
        notice: result.startedSession
          ? { key: "screenshotStartedSession" }
          : { key: "screenshotTaken", params: { time: clockTime(result.evidence.at) } },
      });
      return;
    }
    const failure = result.failure;
    switch (failure.kind) {
      case "log":
        store.setState({ error: failureMessage(failure.failure) });
        break;
      case "capture-failed":
        store.setState({
          error: { key: "capture.capture-failed", params: { message: failure.message } },
        });
        break;
      case "permission-missing":
        store.setState({
          error: { key: "capture.permission-missing" },
          needsCapturePermission: true,
        });
        break;
      case "under-cover":
        store.setState({ error: { key: underCoverKey(failure.code) } });
        break;
      default:
        store.setState({ error: { key: `capture.${failure.kind}` } });
    }
  } catch (error) {
    store.setState({
      error: { key: "capture.capture-failed", params: { message: String(error) } },
    });
  } finally {
    inFlight.end(key);
  }
}
