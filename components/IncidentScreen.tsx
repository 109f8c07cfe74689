import { useCallback, useMemo } from "preact/hooks";
import type { Translate } from "../lib/i18n/text";
import type { SessionRecord } from "../lib/log/db";
import type { LoggedEvent } from "../lib/log/events";
import type { EvidenceRecord } from "../lib/evidence/types";
import { incidentEvidence } from "../lib/log/queries";
import type { PanelApp } from "../lib/panel/app";
import type { PanelState } from "../lib/panel/store";
import type { Progress } from "../lib/routine/follow";
import { isSelfHarm, kindLabel, type Language, type PhrasePack } from "../lib/routine/pack";
import { emergencyStatus } from "../lib/routine/self-harm";
import { clockTime } from "../lib/time/format";
import { helpMessage, joinLink } from "../lib/help/link";
import { CallStartField } from "./CallStartField";
import { HelpButton } from "./HelpButton";
import { recordingsOf } from "../lib/recording/status";
import { RecordControl } from "./RecordControl";
import { EvidenceStrip } from "./EvidenceStrip";
import { KindPicker } from "./KindPicker";
import { NotesPanel } from "./NotesPanel";
import { SelfHarmView } from "./SelfHarmView";
import { StepBar } from "./StepBar";
import { StepNav } from "./StepNav";
import { StepView } from "./StepView";
import { Timeline } from "./Timeline";
import { recordingNotice } from "../lib/recording/notice";
import { useLiveQuery } from "./use-live-query";
import { WaitView } from "./WaitView";

const NO_EVENTS: LoggedEvent[] = [];
const NO_EVIDENCE: EvidenceRecord[] = [];

/** The open incident: its kinds and call start, the wait, the routine's track, evidence, log. */
export function IncidentScreen(props: {
  app: PanelApp;
  ui: PanelState;
  t: Translate;
  lang: Language;
  pack: PhrasePack;
  session: SessionRecord;
  events: LoggedEvent[];
  progress: Progress;
  /** The screenshot button: in the step bar while an incident is open. */
  capture: preact.ComponentChildren;
}) {
  const { app, ui, t, lang, pack, session, events, progress } = props;
  const { actions, wait, store } = app;
  const state = progress.state;
  const busy = ui.pending.length > 0;
  const evidence = useLiveQuery(app.storage, (db) => incidentEvidence(db, session.id), [
    session.id,
  ]);
  // The handbook's track follows the kinds unless the coach has switched (logged).
  const track = state.track ?? (isSelfHarm(pack, state.kinds) ? "self-harm" : "three-steps");
  const referred = useMemo(
    () => events.flatMap((e) => (e.type === "referral" ? [e.to] : [])),
    [events],
  );
  const lastHangUp = useMemo(() => {
    const last = events.findLast((e) => e.type === "hang-up");
    return last?.type === "hang-up" ? last : null;
  }, [events]);
  // The entries of the running wait: from its wait-started on.
  const waitEntries = useMemo(() => {
    if (!state.wait) return NO_EVENTS;
    const startedAt = events.findLastIndex((e) => e.type === "wait-started");
    return startedAt < 0 ? NO_EVENTS : events.slice(startedAt);
  }, [events, state.wait]);

  // The same callbacks from one click to the next, so the parts a click does not change
  // (the notes, the call start) are not drawn again (components/memo.ts).
  const sessionId = session.id;
  const onSetCallStart = useCallback(
    (at: number) => actions.setCallStart(sessionId, at),
    [actions, sessionId],
  );
  const notes = useMemo(
    () => ({
      onNote: (text: string) => actions.note(sessionId, text),
      onTag: (tag: string) => actions.tag(sessionId, tag),
      onThreatDetails: (details: Parameters<typeof actions.threatDetails>[1]) =>
        actions.threatDetails(sessionId, details),
    }),
    [actions, sessionId],
  );

  const kindsText = state.kinds.length
    ? state.kinds.map((ref) => kindLabel(pack, ref, lang)).join(", ")
    : t("kindMissing");
  const help = (
    <HelpButton
      t={t}
      contacts={ui.settings.helpContacts}
      message={() =>
        helpMessage(t, {
          kinds: kindsText,
          since: clockTime(session.startedAt),
          join: joinLink(ui.tab?.url, ui.tab?.platform ?? "generic"),
        })
      }
      onCalled={(contact, message) => void app.help.called(session.id, contact, message)}
    />
  );
  const recordings = useMemo(() => recordingsOf(events), [events]);
  const running = recordings.find((r) => r.stoppedAt === null) ?? null;
  // A recording's chunks are each in the log (their hashes), but not each a line to read.
  const readable = useMemo(() => events.filter((e) => e.type !== "recording-chunk"), [events]);
  // Always in reach in the step bar: the screenshot, the recording, the call for help.
  const tools = (
    <>
      {props.capture}
      <div class="call-tools">
        <RecordControl
          t={t}
          lang={lang}
          allowed={ui.settings.recording.allowed}
          notice={recordingNotice(ui.settings, lang)}
          noticeRead={ui.settings.own.recordingNoticeRead}
          onNoticeRead={(notice) => void app.settings.markRecordingNoticeRead(notice)}
          actions={app.recording}
          running={running}
          last={recordings.at(-1) ?? null}
          busy={ui.pending.includes("recording")}
          onStop={() => void app.recording.stop(session.id, "coach")}
        />
        {help}
      </div>
    </>
  );

  return (
    <>
      <section class="session" aria-labelledby="since">
        <p class="since" id="since">
          {t("incidentSince", { time: clockTime(session.startedAt) })}
        </p>
        <p class="kinds">
          <span class="label">{t("kinds")}:</span> <span data-testid="kinds">{kindsText}</span>{" "}
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
          onSet={onSetCallStart}
        />
      </section>
      {/* During the wait the countdown comes first: it is what the coach looks at. */}
      {state.wait && (
        <WaitView
          t={t}
          deadline={state.wait.deadline}
          entries={waitEntries}
          targets={ui.settings.waitMutes}
          busy={busy}
          onExtend={() => state.wait && wait.extend(session.id, state.wait.deadline)}
          onEnd={(reason) => wait.end(session.id, reason, state)}
        />
      )}
      {track === "self-harm" && (state.status === "active" || state.status === "resolved") ? (
        <SelfHarmView
          t={t}
          lang={lang}
          busy={busy}
          referred={referred}
          resolved={state.status === "resolved"}
          emergency={emergencyStatus(events)}
          onDetail={(field, value) => actions.selfHarmDetail(session.id, field, value)}
          onReferral={(to) => actions.refer(session.id, to)}
          onEmergency={(what) => actions.emergency(session.id, what)}
          onResolve={() => actions.resolveSelfHarm(session.id, state.step)}
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
      <EvidenceStrip
        items={evidence.value ?? NO_EVIDENCE}
        t={t}
        onCaption={actions.setCaption}
        onDelete={actions.deleteEvidence}
      />
      <NotesPanel
        pack={pack}
        lang={lang}
        t={t}
        pending={ui.pending}
        onNote={notes.onNote}
        onTag={notes.onTag}
        onThreatDetails={notes.onThreatDetails}
      />
      <Timeline events={readable} pack={pack} lang={lang} t={t} />
      <StepBar
        t={t}
        lang={lang}
        pack={pack}
        state={state}
        busy={busy}
        endSaid={(progress.said.get(3)?.size ?? 0) > 0}
        lastHangUp={lastHangUp}
        capture={tools}
        onPause={() => wait.start(session.id)}
        onAdvance={() => actions.advance(session.id, state.step)}
        onBack={() => actions.back(session.id, state.step)}
        onResolve={() => actions.resolve(session.id, state.step)}
        onTerminate={() => actions.terminate(session.id)}
        onLeave={() => void app.leave(session.id)}
        onEnd={(outcome) => actions.end(session.id, outcome)}
        onReopen={() => actions.reopen(session.id, state.step)}
      />
    </>
  );
}
