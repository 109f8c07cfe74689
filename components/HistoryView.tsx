import { useState } from "preact/hooks";
import type { SessionRecord } from "../lib/log/db";
import { countKey, outcomeKey, type Translate } from "../lib/i18n/text";
import { type Language, type PhrasePack, kindLabel } from "../lib/routine/pack";
import { dateTime } from "../lib/time/words";
import { ExportCheck } from "./ExportCheck";

export interface HistoryRow {
  session: SessionRecord;
  screenshots: number;
  /** The incident holds a recording of the call. */
  recorded?: boolean;
}

/** Past incidents, newest first: open one's draft, or delete it after a confirmation. */
export function HistoryView(props: {
  t: Translate;
  lang: Language;
  pack: PhrasePack;
  rows: HistoryRow[];
  /** How long incidents are kept; set in the settings, said here. */
  retentionDays: number;
  onOpen: (sessionId: string) => void;
  onDelete: (sessionId: string) => void;
  onSettings: () => void;
  onBack: () => void;
}) {
  const { t, lang, pack } = props;
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <section class="history" aria-labelledby="history-heading">
      <div class="row">
        <button type="button" class="secondary" onClick={props.onBack}>
          ← {t("goBack")}
        </button>
      </div>
      <h2 id="history-heading">{t("history")}</h2>
      <p class="hint retention-line" data-testid="retention-line">
        {t("historyRetention", { days: props.retentionDays })}{" "}
        <button type="button" class="link" onClick={props.onSettings}>
          {t("historyRetentionChange")}
        </button>
      </p>
      {props.rows.length === 0 ? (
        <p class="hint">{t("historyEmpty")}</p>
      ) : (
        // Practice sessions are listed apart and never mixed with real incidents.
        [false, true].map((practice) => {
          const rows = props.rows.filter((r) => (r.session.practice === true) === practice);
          if (rows.length === 0) return null;
          const heading = `history-${practice ? "practice" : "incidents"}`;
          return (
            <section key={heading} aria-labelledby={heading}>
              <h3 id={heading}>{t(practice ? "historyPractice" : "historyIncidents")}</h3>
              <ul class="history-list">
                {rows.map(({ session, screenshots, recorded }) => {
                  const date = dateTime(session.startedAt, lang);
                  const kinds = session.kinds.map((ref) => kindLabel(pack, ref, lang)).join(", ");
                  return (
                    <li key={session.id} class="history-item" data-session-id={session.id}>
                      <strong>{date}</strong>
                      <span>{kinds || t("kindMissing")}</span>
                      <span class="hint">
                        {session.outcome ? t(outcomeKey(session.outcome)) : t("historyOngoing")} ·{" "}
                        {t(countKey("historyScreenshots", screenshots), { count: screenshots })}
                        {recorded && ` · ${t("history.recording")}`}
                      </span>
                      {confirming === session.id ? (
                        <div
                          class="confirm"
                          role="group"
                          aria-label={t("historyDeleteConfirm", { date })}
                        >
                          <span>{t("historyDeleteConfirm", { date })}</span>
                          <button
                            type="button"
                            class="danger"
                            onClick={() => props.onDelete(session.id)}
                          >
                            {t("confirmYes")}
                          </button>
                          <button
                            type="button"
                            class="secondary"
                            onClick={() => setConfirming(null)}
                          >
                            {t("confirmNo")}
                          </button>
                        </div>
                      ) : (
                        <div class="row">
                          <button
                            type="button"
                            class="secondary"
                            aria-label={`${t("historyOpen")}: ${date}`}
                            onClick={() => props.onOpen(session.id)}
                          >
                            {t("historyOpen")}
                          </button>
                          {session.status === "ended" && (
                            <button
                              type="button"
                              class="secondary"
                              aria-label={`${t("historyDelete")}: ${date}`}
                              onClick={() => setConfirming(session.id)}
                            >
                              {t("historyDelete")}
                            </button>
                          )}
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })
      )}
      <ExportCheck t={t} lang={lang} />
    </section>
  );
}
