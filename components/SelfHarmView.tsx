import { useState } from "preact/hooks";
import type { Translate } from "../lib/i18n/text";
import type { Language } from "../lib/routine/pack";
import {
  type EmergencyStatus,
  REFERRALS,
  type Referral,
  SELF_HARM_FIELDS,
  SELF_HARM_GUIDANCE,
  type SelfHarmField,
} from "../lib/routine/self-harm";
import { clockTime } from "../lib/time/format";

interface Props {
  t: Translate;
  lang: Language;
  busy: boolean;
  /** Referrals already logged, so the coach sees what was said. */
  referred: Referral[];
  /** Where the 112 call stands in the log: the reminder shown, or the call confirmed. */
  emergency: EmergencyStatus;
  /** The client calmed down here: the guidance stays, the incident can be ended. */
  resolved: boolean;
  onDetail: (field: SelfHarmField, value: string) => Promise<unknown>;
  onReferral: (to: Referral) => void;
  onEmergency: (what: "reminder" | "called") => void;
  onResolve: () => void;
  onThreeSteps: () => void;
}

/**
 * A threat of violence against themselves: the handbook's guidance instead of the three
 * steps. Stay and listen; document; refer; 112 if acute, without leaving the client.
 */
export function SelfHarmView(props: Props) {
  const { t, lang, busy } = props;
  const [values, setValues] = useState<Partial<Record<SelfHarmField, string>>>({});
  const save = async (field: SelfHarmField) => {
    const value = values[field]?.trim();
    if (!value) return;
    // Only a committed detail clears its field; a failed one stays for another try.
    if (await props.onDetail(field, value)) setValues((v) => ({ ...v, [field]: "" }));
  };
  return (
    <section class="self-harm" aria-labelledby="self-harm-heading">
      <h2 id="self-harm-heading">{t("selfHarmHeading")}</h2>
      <p class="hint">{t("selfHarmIntro")}</p>
      {props.resolved && <p class="hint">{t("selfHarmResolved")}</p>}
      <Emergency t={t} busy={busy} status={props.emergency} onEmergency={props.onEmergency} />
      <ol class="guidance-list">
        {SELF_HARM_GUIDANCE.map((line) => (
          <li key={line.sv}>{line[lang]}</li>
        ))}
      </ol>
      <h3>{t("selfHarmFields")}</h3>
      <div class="self-harm-fields">
        {SELF_HARM_FIELDS.map((field) => (
          <label key={field} class="field">
            <span>{t(`selfHarm.${field}`)}</span>
            <input
              name={field}
              value={values[field] ?? ""}
              maxLength={1000}
              onInput={(e) =>
                setValues((v) => ({ ...v, [field]: (e.target as HTMLInputElement).value }))
              }
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  void save(field);
                }
              }}
              onBlur={() => void save(field)}
            />
          </label>
        ))}
      </div>
      <h3>{t("referTo")}</h3>
      <div class="row referrals">
        {REFERRALS.map((to) => (
          <button
            type="button"
            key={to}
            class="secondary"
            aria-pressed={props.referred.includes(to) ? "true" : "false"}
            disabled={busy}
            onClick={() => props.onReferral(to)}
          >
            {t(`referral.${to}`)}
          </button>
        ))}
      </div>
      {!props.resolved && (
        <div class="moves">
          <button type="button" class="big move resolve" disabled={busy} onClick={props.onResolve}>
            {t("resolve")}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={props.onThreeSteps}>
            {t("toThreeSteps")}
          </button>
        </div>
      )}
    </section>
  );
}

/**
 * Handbook 002: "Tillkalla polis 112 om situationen är akut, men utan att lämna kunden ensam".
 * The first click shows the reminder (logged as shown); the call is logged only when the coach
 * says it was made.
 */
function Emergency(props: {
  t: Translate;
  busy: boolean;
  status: EmergencyStatus;
  onEmergency: (what: "reminder" | "called") => void;
}) {
  const { t, busy, status } = props;
  switch (status.stage) {
    case "none":
      return (
        <button
          type="button"
          class="big terminate emergency"
          disabled={busy}
          onClick={() => props.onEmergency("reminder")}
        >
          {t("emergency")}
        </button>
      );
    case "reminded":
      return (
        <div class="emergency-reminder">
          <p class="banner" role="alert">
            {t("emergencyBanner")}
          </p>
          <button
            type="button"
            class="big terminate emergency"
            disabled={busy}
            onClick={() => props.onEmergency("called")}
          >
            {t("emergencyConfirm")}
          </button>
        </div>
      );
    case "called":
      return (
        <p class="banner" role="status">
          {t("emergencyCalled", { time: clockTime(status.at) })}
        </p>
      );
    default: {
      const unknown: never = status;
      return <p>{JSON.stringify(unknown)}</p>;
    }
  }
}
