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
}

/** The current step: its guidance in one line and its phrases (the moves are in the StepBar). */
export function StepView(props: Props) {
  const { pack, lang, t, state, said, pending } = props;
  const step = stepOf(pack, state.step);
  const active = state.status === "active";
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
    </section>
  );
}
