import { useState } from "preact/hooks";
import type { Translate } from "../lib/i18n/text";

/** How many days incidents are kept before they are deleted (data minimisation). */
export function RetentionForm(props: {
  t: Translate;
  days: number;
  /** Set by the organisation's policy: shown, not editable. */
  locked: boolean;
  onSave: (days: number) => void;
}) {
  const { t } = props;
  const [days, setDays] = useState(String(props.days));
  const [daysInvalid, setDaysInvalid] = useState(false);
  return (
    <form
      class="retention"
      onSubmit={(e) => {
        e.preventDefault();
        const n = Number(days);
        const ok = Number.isInteger(n) && n >= 1 && n <= 3650;
        setDaysInvalid(!ok);
        if (ok) props.onSave(n);
      }}
    >
      <label class="field">
        <span>{t("retentionDays")}</span>
        <input
          inputMode="numeric"
          disabled={props.locked}
          value={days}
          aria-invalid={daysInvalid ? "true" : undefined}
          onInput={(e) => setDays((e.target as HTMLInputElement).value)}
        />
      </label>
      {daysInvalid && (
        <span class="field-error" role="alert">
          {t("retentionInvalid")}
        </span>
      )}
      {props.locked ? (
        <span class="hint">{t("lockedByOrganisation")}</span>
      ) : (
        <button type="submit" class="secondary">
          {t("retentionSave")}
        </button>
      )}
    </form>
  );
}
