import { useState } from "preact/hooks";
import type { Translate } from "../lib/i18n/text";
import { clockTime, parseClockOnDay } from "../lib/time/format";

/** The exact time the call began: call tracing (guideline 001) needs it. */
export function CallStartField(props: {
  t: Translate;
  startedAt: number;
  callStartedAt: number | null;
  busy: boolean;
  onSet: (at: number) => void;
}) {
  const { t } = props;
  const [text, setText] = useState(props.callStartedAt ? clockTime(props.callStartedAt) : "");
  const [invalid, setInvalid] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    const at = parseClockOnDay(text, props.startedAt);
    setInvalid(at === null);
    if (at !== null) props.onSet(at);
  };
  return (
    <form class="call-start" onSubmit={submit}>
      <label for="call-start-input">{t("callStart")}</label>
      <input
        id="call-start-input"
        inputMode="numeric"
        placeholder="14:00"
        value={text}
        aria-invalid={invalid ? "true" : undefined}
        aria-describedby={invalid ? "call-start-error" : undefined}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
      />
      <button type="submit" disabled={props.busy}>
        {t("setCallStart")}
      </button>
      {invalid && (
        <span id="call-start-error" class="field-error" role="alert">
          {t("callStartInvalid")}
        </span>
      )}
    </form>
  );
}
