import { useState } from "preact/hooks";
import type { Translate } from "../lib/i18n/text";
import type { Outcome } from "../lib/log/events";
import type { IncidentState } from "../lib/routine/machine";

/** How the incident closes: after calming down, after termination, or when the client left. */
export function OutcomeBar(props: {
  t: Translate;
  state: IncidentState;
  busy: boolean;
  onEnd: (outcome: Outcome) => void;
  onReopen: () => void;
  onHangUp: () => void;
}) {
  const { t, state, busy } = props;
  const [confirmHangUp, setConfirmHangUp] = useState(false);
  switch (state.status) {
    case "resolved":
      return (
        <section class="outcome resolved" aria-live="polite">
          <p class="banner">{t("resolvedBanner")}</p>
          <button type="button" class="big" disabled={busy} onClick={() => props.onEnd("resolved")}>
            {t("endIncident")}
          </button>
          <button type="button" class="big secondary" disabled={busy} onClick={props.onReopen}>
            {t("reopen", { n: state.step })}
          </button>
        </section>
      );
    case "terminated":
      return (
        <section class="outcome terminated" aria-live="polite">
          <p class="banner">{t("terminatedBanner")}</p>
          {confirmHangUp ? (
            <div class="confirm" role="group" aria-label={t("hangUpConfirm")}>
              <span>{t("hangUpConfirm")}</span>
              <button
                type="button"
                class="danger"
                disabled={busy}
                onClick={() => {
                  setConfirmHangUp(false);
                  props.onHangUp();
                }}
              >
                {t("hangUpYes")}
              </button>
              <button type="button" class="secondary" onClick={() => setConfirmHangUp(false)}>
                {t("cancel")}
              </button>
            </div>
          ) : (
            <button
              type="button"
              class="big terminate"
              disabled={busy}
              onClick={() => setConfirmHangUp(true)}
            >
              {t("hangUp")}
            </button>
          )}
          <button
            type="button"
            class="big"
            disabled={busy}
            onClick={() => props.onEnd("terminated")}
          >
            {t("endIncident")}
          </button>
        </section>
      );
    case "active":
      return (
        <section class="outcome">
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() => props.onEnd("client-left")}
          >
            {t("endClientLeft")}
          </button>
        </section>
      );
    default:
      return null;
  }
}
