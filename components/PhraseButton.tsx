import type { Translate } from "../lib/i18n/text";
import type { Phrase } from "../lib/routine/pack";

interface Props {
  phrase: Phrase;
  t: Translate;
  /** Times this phrase was said in this step, from committed log entries only. */
  saidAt: string[];
  busy: boolean;
  disabled: boolean;
  onSay: (phrase: Phrase) => void;
}

/**
 * A prescribed phrase, verbatim, as one large target. It shows "said" only once the log entry
 * is committed (saidAt comes from the log); while writing it shows busy.
 */
export function PhraseButton({ phrase, t, saidAt, busy, disabled, onSay }: Props) {
  const statusId = `said-${phrase.id}`;
  const last = saidAt.at(-1);
  const status = busy
    ? t("saying")
    : last === undefined
      ? ""
      : saidAt.length === 1
        ? t("saidAt", { time: last })
        : t("saidTimes", { count: saidAt.length, time: last });
  return (
    <li class="phrase-item">
      <button
        type="button"
        class={`big phrase${last !== undefined ? " said" : ""}`}
        data-phrase-id={phrase.id}
        data-said={last !== undefined ? "true" : "false"}
        aria-busy={busy ? "true" : undefined}
        aria-describedby={statusId}
        disabled={disabled}
        onClick={() => onSay(phrase)}
      >
        {phrase.text}
      </button>
      <span id={statusId} class="phrase-status" data-testid={`status-${phrase.id}`}>
        {last !== undefined && !busy ? "✓ " : ""}
        {status}
      </span>
    </li>
  );
}
