import type { Translate } from "../lib/i18n/text";
import type { Said } from "../lib/routine/follow";
import type { Phrase } from "../lib/routine/pack";
import { clockTime } from "../lib/time/format";

interface Props {
  phrase: Phrase;
  t: Translate;
  /** How often and when last this phrase was said in this step, from committed entries only. */
  said: Said | undefined;
  busy: boolean;
  disabled: boolean;
  onSay: (phrase: Phrase) => void;
}

/**
 * A prescribed phrase, verbatim, as one large target. It shows "said" only once the log entry
 * is committed (`said` comes from the log); a write slow enough to notice shows busy.
 */
export function PhraseButton({ phrase, t, said, busy, disabled, onSay }: Props) {
  const statusId = `said-${phrase.id}`;
  const status = busy
    ? t("saying")
    : !said
      ? ""
      : said.count === 1
        ? t("saidAt", { time: clockTime(said.lastAt) })
        : t("saidTimes", { count: said.count, time: clockTime(said.lastAt) });
  return (
    <li class="phrase-item">
      <button
        type="button"
        class={`big phrase${said !== undefined ? " said" : ""}`}
        data-phrase-id={phrase.id}
        data-said={said !== undefined ? "true" : "false"}
        aria-busy={busy ? "true" : undefined}
        aria-describedby={statusId}
        disabled={disabled}
        onClick={() => onSay(phrase)}
      >
        {phrase.text}
      </button>
      <span id={statusId} class="phrase-status" data-testid={`status-${phrase.id}`}>
        {said !== undefined && !busy ? "✓ " : ""}
        {status}
      </span>
    </li>
  );
}
