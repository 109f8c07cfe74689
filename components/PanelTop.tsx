import type { Outcome } from "../lib/log/events";
import { outcomeKey, type Translate } from "../lib/i18n/text";
import type { KindRef, Language, PhrasePack } from "../lib/routine/pack";
import { clockTime } from "../lib/time/format";
import { memo } from "./memo";
import { StartView } from "./StartView";

// What the panel shows at the top, and with no incident open its start area: the kinds to start
// an incident with, practice, and the way to the history and the settings.

export const PanelHeader = memo(function PanelHeader({
  t,
  onToggleLang,
}: {
  t: Translate;
  onToggleLang: () => void;
}) {
  return (
    <header class="top">
      <h1>{t("appName")}</h1>
      <button
        type="button"
        class="lang"
        aria-label={`${t("switchLanguage")} – ${t("switchLanguageLabel")}`}
        onClick={onToggleLang}
      >
        {t("switchLanguage")}
      </button>
    </header>
  );
});

export interface EndedSummary {
  id: string;
  endedAt: number | null;
  outcome: Outcome | null;
}

export function StartArea(props: {
  pack: PhrasePack;
  lang: Language;
  t: Translate;
  busy: boolean;
  practice: boolean;
  lastEnded: EndedSummary | null;
  onPractice: (on: boolean) => void;
  onStart: (kinds: KindRef[]) => void;
  onShow: (view: "draft" | "history" | "settings", draftId?: string) => void;
}) {
  const { t, lastEnded, onShow } = props;
  return (
    <>
      {lastEnded && (
        <div class="ended-summary">
          <p role="status">
            {t("endedSummary", {
              time: clockTime(lastEnded.endedAt ?? 0),
              outcome: lastEnded.outcome ? t(outcomeKey(lastEnded.outcome)) : "",
            })}
          </p>
          <button type="button" class="secondary" onClick={() => onShow("draft", lastEnded.id)}>
            {t("draftHeading")}
          </button>
        </div>
      )}
      <StartView
        pack={props.pack}
        lang={props.lang}
        t={t}
        busy={props.busy}
        practice={props.practice}
        onPractice={props.onPractice}
        onStart={props.onStart}
      />
      <div class="row">
        <button type="button" class="secondary history-link" onClick={() => onShow("history")}>
          {t("history")}
        </button>
        <button type="button" class="secondary" onClick={() => onShow("settings")}>
          {t("settings")}
        </button>
      </div>
    </>
  );
}
