import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { Languages } from "../lib/i18n/languages";
import type { Translate } from "../lib/i18n/text";
import type { LoggedEvent } from "../lib/log/events";
import { openSession } from "../lib/log/incident-log";
import type { OpenAtStart } from "../lib/log/first-read";
import { historyRows, sessionRecord } from "../lib/log/queries";
import type { PanelApp } from "../lib/panel/app";
import { otherLanguage, switchLanguage } from "../lib/panel/language";
import type { PanelState } from "../lib/panel/store";
import { followLog } from "../lib/routine/follow";
import { type Language, packExpired } from "../lib/routine/pack";
import { CaptureButton } from "./CaptureButton";
import { IncidentScreen } from "./IncidentScreen";
import { MeetingLine } from "./MeetingLine";
import { ReadinessLine } from "./ReadinessLine";
import { PanelHeader, StartArea } from "./PanelTop";
import { SettingsView } from "./SettingsView";
import { useLazyModule } from "./use-lazy-module";
import { useLiveQuery } from "./use-live-query";
import { useSessionLog } from "./use-session-log";
import { useStore } from "./use-store";

const selectUi = (s: PanelState) => s;
const loadAfterCall = () => import("./AfterCall");
const NO_EVENTS: LoggedEvent[] = [];

/** The side panel: start an incident, or walk the open one through the routine. */
export function Panel({
  app,
  languages,
  start,
}: {
  app: PanelApp;
  languages: Languages;
  /** The open incident and its log, read before the first draw (the page does; tests may not). */
  start?: OpenAtStart;
}) {
  const { storage, store, actions } = app;
  const ui = useStore(store, selectUi);
  const lang = ui.lang;
  const pack = ui.settings.pack;
  const t = useMemo(() => languages.translator(lang), [languages, lang]);
  const open = useLiveQuery(
    storage,
    (db) => openSession(db).then((s) => s ?? null),
    [],
    start && { value: start.session },
  );
  const session = open.value ?? null;
  const log = useSessionLog(
    storage,
    app.log,
    session?.id ?? null,
    start?.session && start.events && { sessionId: start.session.id, events: start.events },
  );
  // Until the open session's own entries are read, there is nothing true to show for it.
  const ready = !!session && log !== null && log[0]?.sessionId === session.id;
  const events = ready && log ? log : NO_EVENTS;
  const [follow] = useState(followLog);
  const progress = useMemo(() => follow(events), [follow, events]);
  const toggleLang = useCallback(
    () => void switchLanguage(store, languages, otherLanguage(store.getState().lang)),
    [store, languages],
  );
  const busy = ui.pending.length > 0;
  const failure = open.error;
  // Whether the wait runs, once the log says: until then the meeting page is not probed.
  const waiting = !open.loaded
    ? undefined
    : !session
      ? false
      : ready
        ? !!progress.state.wait
        : undefined;
  useEffect(() => {
    if (waiting !== undefined) app.readiness.hold(waiting);
  }, [app, waiting]);
  useEffect(() => () => app.readiness.stop(), [app]);
  const capture = (
    <CaptureButton
      t={t}
      busy={ui.pending.includes("capture")}
      needsPermission={ui.needsCapturePermission}
      onCapture={actions.capture}
      onGrant={actions.grantCapture}
    />
  );

  return (
    <main class={`panel${session?.practice ? " practice" : ""}`} lang={lang}>
      <PanelHeader t={t} onToggleLang={toggleLang} />
      {session?.practice && (
        <div class="practice-banner" data-testid="practice-banner">
          <strong role="status">{t("practiceBanner")}</strong>
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() => actions.end(session.id, "practice-ended")}
          >
            {t("endPractice")}
          </button>
        </div>
      )}
      {packExpired(pack, Date.now()) && (
        <p class="warn-banner" role="status" data-testid="pack-expired">
          {t("packExpired", { documentId: pack.source.documentId, validTo: pack.source.validTo })}
        </p>
      )}
      <MeetingLine tab={ui.tab} t={t} />
      <ReadinessLine
        tab={ui.tab}
        probe={ui.probe}
        waitMutes={ui.settings.waitMutes}
        t={t}
        compact={!!session}
        hidden={waiting !== false}
      />
      {/* Always in reach: at the top, and with an incident shown, in its step bar. */}
      {!(ui.view === "incident" && session && ready) && capture}
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
      <Screen
        app={app}
        ui={ui}
        t={t}
        lang={lang}
        view={ui.view}
        capture={capture}
        incident={
          !open.loaded
            ? "loading"
            : !session
              ? "none"
              : ready
                ? { session, events, progress }
                : "loading"
        }
      />
    </main>
  );
}

type IncidentShown =
  | "loading"
  | "none"
  | {
      session: NonNullable<Awaited<ReturnType<typeof openSession>>>;
      events: LoggedEvent[];
      progress: ReturnType<ReturnType<typeof followLog>>;
    };

/** One screen at a time: the incident (or the start), a draft, the history, the settings. */
function Screen(props: {
  app: PanelApp;
  ui: PanelState;
  t: Translate;
  lang: Language;
  view: PanelState["view"];
  incident: IncidentShown;
  capture: preact.ComponentChildren;
}) {
  const { app, ui, t, lang, incident } = props;
  const { store } = app;
  const pack = ui.settings.pack;
  const busy = ui.pending.length > 0;
  const back = () => store.setState({ view: "incident", draftId: null });
  const afterCall = useLazyModule(
    loadAfterCall,
    props.view === "draft" || props.view === "history",
  );
  const history = useLiveQuery(
    app.storage,
    (db) => (props.view === "history" ? historyRows(db) : Promise.resolve([])),
    [props.view],
  );
  const lastEnded = useLiveQuery(
    app.storage,
    (db) => (ui.lastEndedId ? sessionRecord(db, ui.lastEndedId) : Promise.resolve(undefined)),
    [ui.lastEndedId],
  );

  switch (props.view) {
    case "draft":
      if (!afterCall || !ui.draftId) return null;
      return (
        <afterCall.DraftScreen
          storage={app.storage}
          pack={pack}
          sessionId={ui.draftId}
          lang={lang}
          t={t}
          busy={busy}
          actions={app.drafts}
          onBack={back}
          contacts={ui.settings.helpContacts}
          onCalled={(contact, message) =>
            void app.help.called(ui.draftId as string, contact, message)
          }
        />
      );
    case "history":
      if (!afterCall) return null;
      return (
        <afterCall.HistoryView
          t={t}
          lang={lang}
          pack={pack}
          rows={history.value ?? []}
          retentionDays={ui.settings.retentionDays}
          onOpen={(id) => store.setState({ view: "draft", draftId: id })}
          onDelete={app.drafts.remove}
          onSettings={() => store.setState({ view: "settings" })}
          onBack={back}
        />
      );
    case "settings":
      return (
        <SettingsView
          t={t}
          lang={lang}
          settings={ui.settings}
          actions={app.settings}
          onBack={back}
        />
      );
    case "incident":
      if (incident === "loading") return null;
      if (incident === "none") {
        return (
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
            onStart={(kinds) => app.actions.startIncident(kinds)}
            onShow={(view, draftId) => store.setState(draftId ? { view, draftId } : { view })}
          />
        );
      }
      return (
        <IncidentScreen
          app={app}
          ui={ui}
          t={t}
          lang={lang}
          pack={pack}
          session={incident.session}
          events={incident.events}
          progress={incident.progress}
          capture={props.capture}
        />
      );
    default: {
      const unknown: never = props.view;
      return unknown;
    }
  }
}
