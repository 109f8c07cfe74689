import type { Translate } from "../lib/i18n/text";
import type { KindRef, Language, PhrasePack } from "../lib/routine/pack";
import { kindLabel } from "../lib/routine/pack";

interface Props {
  pack: PhrasePack;
  lang: Language;
  t: Translate;
  busy: boolean;
  practice: boolean;
  onPractice: (on: boolean) => void;
  onStart: (kinds: KindRef[]) => void;
}

/**
 * One click on what is happening starts the incident: no form, no typing. It works even when
 * the meeting tab cannot be read; the log then says the page was unknown.
 */
export function StartView({ pack, lang, t, busy, practice, onPractice, onStart }: Props) {
  const startButton = (ref: KindRef, text: string) => (
    <button
      type="button"
      key={ref}
      class="big kind"
      disabled={busy}
      aria-label={t(practice ? "startPractice" : "startAs", { kind: kindLabel(pack, ref, lang) })}
      onClick={() => onStart([ref])}
    >
      {text}
    </button>
  );
  return (
    <section class="start" aria-labelledby="start-heading">
      <h2 id="start-heading" class="start-heading">
        {t("startIncident")}
      </h2>
      <p class="hint">{t("startHint")}</p>
      <label class="check practice-toggle">
        <input
          type="checkbox"
          checked={practice}
          onChange={(e) => onPractice((e.target as HTMLInputElement).checked)}
        />
        {t("practiceMode")}
      </label>
      {practice && <p class="hint practice-hint">{t("practiceHint")}</p>}
      <div class={`kind-grid${practice ? " practice" : ""}`}>
        {pack.kinds.map((kind) =>
          kind.subcases.length === 0 ? (
            startButton(kind.id, kind.label[lang])
          ) : (
            <fieldset class="kind-group" key={kind.id}>
              <legend>{kind.label[lang]}</legend>
              {kind.subcases.map((sub) => startButton(`${kind.id}/${sub.id}`, sub.label[lang]))}
            </fieldset>
          ),
        )}
      </div>
    </section>
  );
}
