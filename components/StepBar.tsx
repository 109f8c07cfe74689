import { useState } from "preact/hooks";
import type { Translate } from "../lib/i18n/text";
import { entryReason } from "../lib/log/describe";
import type { LoggedEvent, Outcome } from "../lib/log/events";
import type { IncidentState } from "../lib/routine/machine";
import { type Language, type PhrasePack, stepOf } from "../lib/routine/pack";
import { Icon } from "./Icon";

type HangUp = LoggedEvent & { type: "hang-up" };

/**
 * What the coach presses in the current step, in a bar that stays on screen however far the
 * phrases scroll: the screenshot, the two-minute pause, the next step, "the client has calmed
 * down", and the ways the incident ends. In step 3, once its phrase is said, it asks once
 * whether to leave the meeting now; the answer to that is shown here too.
 */
export function StepBar(props: {
  t: Translate;
  lang: Language;
  pack: PhrasePack;
  state: IncidentState;
  busy: boolean;
  /** A phrase of step 3 has been said: the call is being ended. */
  endSaid: boolean;
  /** The last attempt to leave the meeting, from the log. */
  lastHangUp: HangUp | null;
  capture: preact.ComponentChildren;
  onPause: () => void;
  onAdvance: () => void;
  onBack: () => void;
  onResolve: () => void;
  onTerminate: () => void;
  onLeave: () => void;
  onEnd: (outcome: Outcome) => void;
  onReopen: () => void;
}) {
  const { t, lang, pack, state, busy } = props;
  const [notYet, setNotYet] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const waiting = state.wait !== null;
  const next = state.step < 3 ? stepOf(pack, (state.step + 1) as 2 | 3) : null;
  const failed = props.lastHangUp?.result === "failed" ? props.lastHangUp : null;
  const reason = failed ? entryReason(failed, t) : null;

  const leaveAsked = (
    <div class="confirm leave-now" role="group" aria-label={t("hangUpNow")}>
      <span class="banner">{t("hangUpNow")}</span>
      <button
        type="button"
        class="big terminate"
        disabled={busy}
        onClick={() => {
          setConfirming(false);
          props.onLeave();
        }}
      >
        {t("hangUpYes")}
      </button>
      <button
        type="button"
        class="secondary"
        onClick={() => {
          setNotYet(true);
          setConfirming(false);
        }}
      >
        {t("hangUpNotYet")}
      </button>
    </div>
  );
  // In reach in every active moment, the wait included: the client may leave at any time.
  const clientLeft = (
    <button
      type="button"
      class="secondary"
      disabled={busy}
      onClick={() => props.onEnd("client-left")}
    >
      {t("endClientLeft")}
    </button>
  );
  const leaveFailed = failed && (
    <p class="leave-failed" role="alert" data-testid="leave-result">
      <strong>{t("leaveFailed")}</strong>
      {reason && <span class="mute-reason">{reason}</span>}
    </p>
  );

  return (
    <div class="step-bar" role="region" aria-label={t("stepBar")}>
      {props.capture}
      {state.status === "active" && !waiting && (
        <div class="moves">
          {state.step === 3 && (props.endSaid || confirming) && !notYet && !failed
            ? leaveAsked
            : null}
          <button
            type="button"
            class="big move pause"
            disabled={busy}
            aria-describedby="pause-hint"
            onClick={props.onPause}
          >
            <span class="with-icon">
              <Icon name="pause" /> {t("pause")}
            </span>
          </button>
          <span id="pause-hint" class="sr-only">
            {t("pauseHint")}
          </span>
          {next && (
            <button type="button" class="big move next" disabled={busy} onClick={props.onAdvance}>
              {t("next", { title: next.title[lang] })} →
            </button>
          )}
          {state.step === 3 && (
            <>
              {(!props.endSaid || notYet) && !confirming && (
                <button
                  type="button"
                  class="big move terminate"
                  disabled={busy}
                  onClick={() => {
                    setNotYet(false);
                    setConfirming(true);
                  }}
                >
                  {t("hangUp")}
                </button>
              )}
              <button
                type="button"
                class="move secondary"
                disabled={busy}
                onClick={props.onTerminate}
              >
                {t("terminate")}
              </button>
            </>
          )}
          <button
            type="button"
            class="big move resolve"
            disabled={busy}
            aria-describedby="resolve-hint"
            onClick={props.onResolve}
          >
            {t("resolve")}
          </button>
          <span id="resolve-hint" class="sr-only">
            {t("resolveHint")}
          </span>
          {state.step > 1 && (
            <button type="button" class="move back" disabled={busy} onClick={props.onBack}>
              ← {t("back", { n: state.step - 1 })}
            </button>
          )}
          {clientLeft}
        </div>
      )}
      {state.status === "active" && waiting && clientLeft}
      {state.status === "resolved" && (
        <section class="outcome resolved" aria-live="polite">
          <p class="banner">{t("resolvedBanner")}</p>
          <button type="button" class="big" disabled={busy} onClick={() => props.onEnd("resolved")}>
            {t("endIncident")}
          </button>
          <button type="button" class="big secondary" disabled={busy} onClick={props.onReopen}>
            {t("reopen", { n: state.step })}
          </button>
        </section>
      )}
      {state.status === "terminated" && (
        <section class="outcome terminated" aria-live="polite">
          <p class="banner">{t("terminatedBanner")}</p>
          {leaveFailed}
          {confirming ? (
            leaveAsked
          ) : (
            <button
              type="button"
              class="big terminate"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              {failed ? t("hangUpRetry") : t("hangUp")}
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
      )}
    </div>
  );
}
