import type { Translate } from "../lib/i18n/text";
import type { Language, PhrasePack, StepNumber } from "../lib/routine/pack";
import { memo } from "./memo";

/** All three steps in view; the current one stands out, the others stay secondary. */
export const StepNav = memo(function StepNav(props: {
  pack: PhrasePack;
  lang: Language;
  t: Translate;
  current: StepNumber;
  reached: StepNumber;
}) {
  const { pack, lang, t, current, reached } = props;
  return (
    <ol class="step-nav" aria-label={props.t("steps")}>
      {pack.steps.map((step) => (
        <li
          key={step.number}
          class={`step-chip${step.number === current ? " current" : ""}${
            step.number <= reached ? " reached" : ""
          }`}
          aria-current={step.number === current ? "step" : undefined}
        >
          <span class="step-number">{step.number}</span>
          <span class="step-title">{step.title[lang]}</span>
          {step.number === current && <span class="sr-only"> ({t("currentStep")})</span>}
        </li>
      ))}
    </ol>
  );
});
