import type { Translate } from "../lib/i18n/text";
import type { Said } from "../lib/routine/follow";
import type { IncidentState } from "../lib/routine/machine";
import {
  type Language,
  type Phrase,
  type PhrasePack,
  phrasesFor,
  stepOf,
} from "../lib/routine/pack";
import { Icon } from "./Icon";
import { PhraseButton } from "./PhraseButton";

interface Props {
  pack: PhrasePack;
  lang: Language;
  t: Translate;
  state: IncidentState;
  /** How often and when last each phrase of the current step was said, from the log. */
  said: ReadonlyMap<string, Said> | undefined;
  pending: string[];
  onSay: (phrase: Phrase) => void;
  onPause: () => void;
  onAdvance: () => void;
  onBack: () => void;
  onResolve: () => void;
  onTerminate: () => void;
}

/** The current step: its guidance in one line, its phrases, and the one-click moves. */
export function StepView(props: Props) {
  const { pack, lang, t, state, said, pending } = props;
  const step = stepOf(pack, state.step);
  const active = state.status === "active";
  const waiting = state.wait !== null;
  const busy = pending.length > 0;
  const next = state.step < 3 ? stepOf(pack, (state.step + 1) as 2 | 3) : null;
  return (
    <section class="step" aria-labelledby="step-heading">
      <h2 id="step-heading" class="step-heading">
        {t("stepLabel", { n: step.number, title: step.title[lang] })}
      </h2>
      <p class="guidance">{step.guidance[lang]}</p>
      <p class="hint">{t("phrases")}</p>
      <ul class="phrases">
        {phrasesFor(step, state.kinds).map((phrase) => (
          <PhraseButton
            key={phrase.id}
            phrase={phrase}
            t={t}
            said={said?.get(phrase.id)}
            busy={pending.includes(`phrase:${phrase.id}`)}
            disabled={!active}
            onSay={props.onSay}
          />
        ))}
      </ul>
      {active && (
        <div class="moves">
          {!waiting && (
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
          )}
          <span id="pause-hint" class="sr-only">
            {t("pauseHint")}
          </span>
          {next && (
            <button type="button" class="big move next" disabled={busy} onClick={props.onAdvance}>
              {t("next", { title: next.title[lang] })} →
            </button>
          )}
          {state.step === 3 && (
            <button
              type="button"
              class="big move terminate"
              disabled={busy}
              onClick={props.onTerminate}
            >
              {t("terminate")}
            </button>
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
        </div>
      )}
    </section>
  );
}
