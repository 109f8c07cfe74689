import { useMemo } from "preact/hooks";
import type { Languages } from "../lib/i18n/languages";
import type { OpenHint } from "../lib/panel/open-hint";
import type { PanelState, PanelStore } from "../lib/panel/store";
import type { KindRef, PhrasePack } from "../lib/routine/pack";
import { CaptureButton } from "./CaptureButton";
import { MeetingLine } from "./MeetingLine";
import { PanelHeader, StartArea } from "./PanelTop";
import { useStore } from "./use-store";

const selectUi = (s: PanelState) => s;

/**
 * What the panel draws while the rest of it (the database, the steps, the log) is still
 * loading: the same top and start area as the full panel, at once. A click on a start button
 * or on the screenshot is shown busy and carried out as soon as the panel has loaded.
 */
export function FirstView(props: {
  store: PanelStore;
  languages: Languages;
  pack: PhrasePack;
  hint: OpenHint;
  onToggleLang: () => void;
  onStart: (kinds: KindRef[]) => void;
  onCapture: () => void;
}) {
  const { store, languages } = props;
  const ui = useStore(store, selectUi);
  const t = useMemo(() => languages.translator(ui.lang), [languages, ui.lang]);
  const busy = ui.pending.length > 0;
  return (
    <div class="panel" lang={ui.lang}>
      <PanelHeader t={t} onToggleLang={props.onToggleLang} />
      <MeetingLine tab={undefined} t={t} />
      <CaptureButton
        t={t}
        busy={ui.pending.includes("capture")}
        needsPermission={false}
        onCapture={props.onCapture}
        onGrant={() => undefined}
      />
      <div class="messages" aria-live="assertive">
        {ui.error && (
          <div class="error" role="alert">
            <strong>{t("errorTitle")}: </strong>
            {t(ui.error.key, ui.error.params)}
          </div>
        )}
      </div>
      {/* With an incident open (or unknown), nothing is offered until the log is read. */}
      {props.hint === "none" && (
        <StartArea
          pack={props.pack}
          lang={ui.lang}
          t={t}
          busy={busy}
          practice={ui.practice}
          lastEnded={null}
          onPractice={(on) => store.setState({ practice: on })}
          onStart={props.onStart}
          onShow={(view) => store.setState({ view })}
        />
      )}
    </div>
  );
}
