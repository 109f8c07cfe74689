import { useState } from "preact/hooks";
import type { Translate } from "../lib/i18n/text";
import { clockTime, parseClockOnDay } from "../lib/time/format";
import { memo } from "./memo";

/**
 * The exact time the call began: call tracing (guideline 001) needs it. Until it is given the
 * field asks for it; once it is logged the field folds to one line with the time, so it takes
 * no room from the steps, and opens again to correct it.
 */
export const CallStartField = memo(function CallStartField(props: {
  t: Translate;
  startedAt: number;
  callStartedAt: number | null;
  busy: boolean;
  /** Resolves to something truthy once the time is logged. */
  onSet: (at: number) => unknown;
}) {
  const { t, callStartedAt } = props;
  const [saved, setSaved] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(callStartedAt ? clockTime(callStartedAt) : "");
  const [invalid, setInvalid] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const at = parseClockOnDay(text, props.startedAt);
    setInvalid(at === null);
    setSaved(null);
    if (at !== null && (await props.onSet(at))) {
      setSaved(at);
      setEditing(false);
    }
  };
  if (callStartedAt !== null && !editing) {
    return (
      <p class="call-start folded">
        {/* Said once when it was just saved, then it is simply the time the log holds. */}
        <span id="call-start-state" role="status">
          {saved !== null
            ? t("callStartSaved", { time: clockTime(saved) })
            : `${t("callStart")} ${clockTime(callStartedAt)}`}
        </span>
        <button
          type="button"
          class="link"
          aria-label={t("changeCallStart")}
          disabled={props.busy}
          onClick={() => {
            setText(clockTime(callStartedAt));
            setSaved(null);
            setEditing(true);
          }}
        >
          {t("change")}
        </button>
      </p>
    );
  }
  return (
    <form class="call-start" onSubmit={(e) => void submit(e)}>
      <label for="call-start-input">{t("callStart")}</label>
      <input
        id="call-start-input"
        inputMode="numeric"
        placeholder={t("callStartPlaceholder")}
        value={text}
        aria-invalid={invalid ? "true" : undefined}
        aria-describedby={invalid ? "call-start-error" : "call-start-state"}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
      />
      <button type="submit" disabled={props.busy}>
        {t("setCallStart")}
      </button>
      {/* Guideline 001 §4.1: tracing needs the exact time; until it is given it is unknown. */}
      <span id="call-start-state" class="hint" role="status">
        {saved !== null
          ? t("callStartSaved", { time: clockTime(saved) })
          : callStartedAt === null
            ? t("callStartUnknown")
            : ""}
      </span>
      {invalid && (
        <span id="call-start-error" class="field-error" role="alert">
          {t("callStartInvalid")}
        </span>
      )}
    </form>
  );
});
