import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { Languages } from "../lib/i18n/languages";
import { otherLanguage, switchLanguage } from "../lib/panel/language";
import type { TrestegDb } from "../lib/log/db";
import type { LoggedEvent, MuteTarget } from "../lib/log/events";
import { type IncidentLog, openSession } from "../lib/log/incident-log";
import type { PanelActions } from "../lib/panel/actions";
import { readOpenHint, writeOpenHint } from "../lib/panel/open-hint";
import type { DraftActions } from "../lib/panel/draft-actions";
import type { WaitActions } from "../lib/panel/wait-actions";
import type { MeetingTab } from "../lib/panel/meeting-tab";
import type { PanelState, PanelStore } from "../lib/panel/store";
import { followLog } from "../lib/routine/follow";
import type { PackProblem } from "../lib/routine/load-pack";
import { isSelfHarm, kindLabel, type PhrasePack } from "../lib/routine/pack";
import { packExpired } from "../lib/routine/pack-store";
import { clockTime } from "../lib/time/format";
import { CallStartField } from "./CallStartField";
import { CaptureButton } from "./CaptureButton";
import { EvidenceStrip } from "./EvidenceStrip";
import type { HistoryRow } from "./HistoryView";
import { useLazyModule } from "./hooks-lazy";
import { NotesPanel } from "./NotesPanel";
import { useLiveQuery } from "./hooks";
import { useStore } from "./use-store";
import { useSessionLog } from "./hooks-log";
import { KindPicker } from "./KindPicker";
import { MeetingLine } from "./MeetingLine";
import { OutcomeBar } from "./OutcomeBar";
import { SelfHarmView } from "./SelfHarmView";
import { SettingsView } from "./SettingsView";
import { PanelHeader, StartArea } from "./PanelTop";
import { StepNav } from "./StepNav";
import { StepView } from "./StepView";
import { Timeline } from "./Timeline";
import { WaitView } from "./WaitView";

interface Props {
  db: TrestegDb;
  log: Pick<IncidentLog, "onCommitted">;
  pack: PhrasePack;
  store: PanelStore;
  actions: PanelActions;
  wait: WaitActions;
  drafts: DraftActions;
  retention: { days: number; locked: boolean; setDays: (days: number) => void };
  settings: {
    problems: PackProblem[];
    onImport: (text: string) => void;
    onExport: () => void;
    onReset: () => void;
    ownOrigins: string[];
    lockedOrigins: string[];
    waitMutes: MuteTarget[];
    onWaitMutes: (targets: MuteTarget[]) => void;
    packLocked: boolean;
    managedProblems: { key: string; message: string }[];
    onAddOrigin: (origin: string) => void;
    onRemoveOrigin: (origin: string) => void;
  };
  /** undefined while the tab is being looked up. */
  tab: MeetingTab | null | undefined;
  /** The panel's words: the browser's i18n, and the other language once read. */
  languages: Languages;
}

const selectUi = (s: PanelState) => s;
const loadAfterCall = () => import("./AfterCall");
const NO_EVENTS: LoggedEvent[] = [];

/** The side panel: start an incident, or walk the open one through the routine. */
export function Panel({
  db,
  log: writer,
  pack,
  store,
  actions,
  wait,
  drafts,
  retention,
  settings,
  tab,
  languages,
}: Props) {
  const ui = useStore(store, selectUi);
  const lang = ui.lang;
  const t = useMemo(() => languages.translator(lang), [languages, lang]);
  const open = useLiveQuery(() => openSession(db).then((s) => s ?? null), [db]);
  // Until the database answers, a panel that last saw no incident offers the start at once.
  const [hint] = useState(() => readOpenHint(globalThis.localStorage));
  useEffect(() => {
    if (open.loaded) writeOpenHint(globalThis.localStorage, open.value?.id ?? null);
  }, [open.loaded, open.value?.id]);
  const session = open.value ?? null;
  const log = useSessionLog(db, writer, session?.id ?? null);
  const evidence = useLiveQuery(
    () =>
      session
        ? db.evidence.where("sessionId").equals(session.id).sortBy("at")
        : Promise.resolve([]),
    [db, session?.id],
  );
  const history = useLiveQuery(async (): Promise<HistoryRow[]> => {
    if (ui.view !== "history") return [];
    const sessions = await db.sessions.orderBy("startedAt").reverse().toArray();
    const counts = await Promise.all(
      sessions.map((s) =>
        db.evidence
          .where("sessionId")
          .equals(s.id)
          .filter((e) => e.deletedAt === null)
          .count(),
      ),
    );
    return sessions.map((session, i) => ({ session, screenshots: counts[i] ?? 0 }));
  }, [db, ui.view]);
  const lastEnded = useLiveQuery(
    () => (ui.lastEndedId ? db.sessions.get(ui.lastEndedId) : Promise.resolve(undefined)),
    [db, ui.lastEndedId],
  );
  // Until the open session's own entries are read, there is nothing true to show for it.
  const ready = !!session && log !== null && log[0]?.sessionId === session.id;
  const events = ready && log ? log : NO_EVENTS;
  const [follow] = useState(followLog);
  const progress = useMemo(() => follow(events), [follow, events]);
  const state = progress.state;
  const toggleLang = useCallback(
    () => void switchLanguage(store, languages, otherLanguage(store.getState().lang)),
    [store, languages],
  );
  const busy = ui.pending.length > 0;
  // The handbook's track follows the kinds unless the coach has switched (logged).
  const track = state.track ?? (isSelfHarm(pack, state.kinds) ? "self-harm" : "three-steps");
  const referred = useMemo(
    () => events.flatMap((e) => (e.type === "referral" ? [e.to] : [])),
    [events],
  );
  const afterCall = useLazyModule(loadAfterCall, ui.view === "draft" || ui.view === "history");
  // The entries of the running wait: from its wait-started on.
  const waitEntries = useMemo(() => {
    if (!state.wait) return NO_EVENTS;
    const startedAt = events.findLastIndex((e) => e.type === "wait-started");
    return startedAt < 0 ? NO_EVENTS : events.slice(startedAt);
  }, [events, state.wait]);
  const failure = open.error;

  return (
    <div class={`panel${session?.practice ? " practice" : ""}`} lang={lang}>
      <PanelHeader t={t} onToggleLang={toggleLang} />
      {session?.practice && (
        <div class="practice-banner" data-testid="practice-banner">
          <strong role="status">{t("practiceBanner")}</strong>
          {session.status === "open" && (
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() =>
                actions.end(
                  session.id,
                  state.status === "resolved"
                    ? "resolved"
                    : state.status === "terminated"
                      ? "terminated"
                      : "client-left",
                )
              }
            >
              {t("endPractice")}
            </button>
          )}
        </div>
      )}
      {packExpired(pack, Date.now()) && (
        <p class="warn-banner" role="status" data-testid="pack-expired">
          {t("packExpired", { documentId: pack.source.documentId, validTo: pack.source.validTo })}
        </p>
      )}
      <MeetingLine tab={tab} t={t} />
      <CaptureButton
        t={t}
        busy={ui.pending.includes("capture")}
        needsPermission={ui.needsCapturePermission}
        onCapture={actions.capture}
        onGrant={actions.grantCapture}
      />
      <div class="messages" aria-live="assertive">
        {(ui.error || failure) && (
          <div class="error" role="alert">
            <strong>{t("errorTitle")}: </strong>
            {ui.error
              ? t(ui.error.key, ui.error.params)
              : t("storageError", { name: "IndexedDB", message: String(failure) })}{" "}
            <button type="button" class="link" onClick={actions.dismiss}>
              {t("dismiss")}
            </button>
          </div>
        )}
        {ui.notice && (
          <p class="notice" role="status">
            {t(ui.notice.key, ui.notice.params)}
          </p>
        )}
      </div>
      {(ui.view === "draft" || ui.view === "history") && !afterCall ? null : ui.view === "draft" &&
        ui.draftId &&
        afterCall ? (
        <afterCall.DraftScreen
          db={db}
          pack={pack}
          sessionId={ui.draftId}
          lang={lang}
          t={t}
          busy={busy}
          actions={drafts}
          onBack={() => store.setState({ view: "incident", draftId: null })}
        />
      ) : ui.view === "settings" ? (
        <SettingsView
          t={t}
          lang={lang}
          pack={pack}
          problems={settings.problems}
          onImport={settings.onImport}
          onExport={settings.onExport}
          onReset={settings.onReset}
          ownOrigins={settings.ownOrigins}
          lockedOrigins={settings.lockedOrigins}
          waitMutes={settings.waitMutes}
          retention={retention}
          onWaitMutes={settings.onWaitMutes}
          packLocked={settings.packLocked}
          managedProblems={settings.managedProblems}
          onAddOrigin={settings.onAddOrigin}
          onRemoveOrigin={settings.onRemoveOrigin}
          onBack={() => store.setState({ view: "incident" })}
        />
      ) : ui.view === "history" && afterCall ? (
        <afterCall.HistoryView
          t={t}
          lang={lang}
          pack={pack}
          rows={history.value ?? []}
          retentionDays={retention.days}
          retentionLocked={retention.locked}
          onOpen={(id) => store.setState({ view: "draft", draftId: id })}
          onDelete={drafts.remove}
          onRetention={retention.setDays}
          onBack={() => store.setState({ view: "incident" })}
        />
      ) : !open.loaded && hint !== "none" ? null : !session ? (
        <StartArea
          pack={pack}
          lang={lang}
          t={t}
          busy={busy}
          practice={ui.practice}
          lastEnded={
            lastEnded.value
              ? {
                  id: lastEnded.value.id,
                  endedAt: lastEnded.value.endedAt ?? null,
                  outcome: lastEnded.value.outcome ?? null,
                }
              : null
          }
          onPractice={(on) => store.setState({ practice: on })}
          onStart={(kinds) => actions.startIncident(kinds)}
          onShow={(view, draftId) => store.setState(draftId ? { view, draftId } : { view })}
        />
      ) : !ready ? null : (
        <>
          <section class="session" aria-labelledby="since">
            <p class="since" id="since">
              {t("incidentSince", { time: clockTime(session.startedAt) })}
            </p>
            <p class="kinds">
              <span class="label">{t("kinds")}:</span>{" "}
              <span data-testid="kinds">
                {state.kinds.length
                  ? state.kinds.map((ref) => kindLabel(pack, ref, lang)).join(", ")
                  : t("kindMissing")}
              </span>{" "}
              {!ui.editingKinds && state.kinds.length > 0 && (
                <button
                  type="button"
                  class="link"
                  onClick={() => store.setState({ editingKinds: true })}
                >
                  {t("changeKinds")}
                </button>
              )}
            </p>
            {(ui.editingKinds || state.kinds.length === 0) && (
              <KindPicker
                pack={pack}
                lang={lang}
                t={t}
                selected={state.kinds}
                busy={busy}
                onSave={(kinds) => actions.changeKinds(session.id, kinds)}
                onCancel={() => store.setState({ editingKinds: false })}
              />
            )}
            <CallStartField
              key={session.id}
              t={t}
              startedAt={session.startedAt}
              callStartedAt={state.callStartedAt}
              busy={busy}
              onSet={(at) => actions.setCallStart(session.id, at)}
            />
          </section>
          {/* During the wait the countdown comes first: it is what the coach looks at. */}
          {state.wait && (
            <WaitView
              t={t}
              deadline={state.wait.deadline}
              entries={waitEntries}
              targets={settings.waitMutes}
              busy={busy}
              onExtend={() => state.wait && wait.extend(session.id, state.wait.deadline)}
              onEnd={(reason) => wait.end(session.id, reason, state)}
            />
          )}
          {track === "self-harm" && state.status === "active" ? (
            <SelfHarmView
              t={t}
              lang={lang}
              busy={busy}
              referred={referred}
              emergency={events.some((e) => e.type === "emergency-call")}
              onDetail={(field, value) => actions.selfHarmDetail(session.id, field, value)}
              onReferral={(to) => actions.refer(session.id, to)}
              onEmergency={() => actions.emergency(session.id)}
              onResolve={() => actions.resolve(session.id, state.step)}
              onThreeSteps={() => actions.switchTrack(session.id, "three-steps")}
            />
          ) : (
            <>
              <StepNav pack={pack} lang={lang} t={t} current={state.step} reached={state.reached} />
              <StepView
                pack={pack}
                lang={lang}
                t={t}
                state={state}
                said={progress.said.get(state.step)}
                pending={ui.pending}
                onSay={async (phrase) => {
                  const said = await actions.say(session.id, state.step, phrase);
                  // "Jag väntar två minuter …": saying it is what starts the wait.
                  if (said && phrase.action === "two-minute-wait" && !state.wait) {
                    await wait.start(session.id);
                  }
                }}
                onPause={() => wait.start(session.id)}
                onAdvance={() => actions.advance(session.id, state.step)}
                onBack={() => actions.back(session.id, state.step)}
                onResolve={() => actions.resolve(session.id, state.step)}
                onTerminate={() => actions.terminate(session.id)}
              />
              {isSelfHarm(pack, state.kinds) && state.status === "active" && (
                <button
                  type="button"
                  class="secondary"
                  onClick={() => actions.switchTrack(session.id, "self-harm")}
                >
                  {t("toSelfHarm")}
                </button>
              )}
            </>
          )}
          <OutcomeBar
            t={t}
            state={state}
            busy={busy}
            onEnd={(outcome) => actions.end(session.id, outcome)}
            onReopen={() => actions.reopen(session.id, state.step)}
            onHangUp={() => wait.hangUp(session.id)}
          />
          <EvidenceStrip
            items={evidence.value ?? []}
            t={t}
            onCaption={actions.setCaption}
            onDelete={actions.deleteEvidence}
          />
          <NotesPanel
            pack={pack}
            lang={lang}
            t={t}
            pending={ui.pending}
            onNote={(text) => actions.note(session.id, text)}
            onTag={(tag) => actions.tag(session.id, tag)}
            onThreatDetails={(details) => actions.threatDetails(session.id, details)}
          />
          <Timeline events={events} pack={pack} lang={lang} t={t} />
        </>
      )}
    </div>
  );
}
