import { useState } from "preact/hooks";
import type { Translate } from "../lib/i18n/text";
import { type KindRef, kindLabel, type Language, type PhrasePack } from "../lib/routine/pack";

/** Change or add to the kinds of exposure; saving logs the change. */
export function KindPicker(props: {
  pack: PhrasePack;
  lang: Language;
  t: Translate;
  selected: KindRef[];
  busy: boolean;
  onSave: (kinds: KindRef[]) => void;
  onCancel: () => void;
}) {
  const { pack, lang, t } = props;
  const [chosen, setChosen] = useState<KindRef[]>(props.selected);
  const refs = pack.kinds.flatMap((kind) =>
    kind.subcases.length > 0 ? kind.subcases.map((sub) => `${kind.id}/${sub.id}`) : [kind.id],
  );
  const toggle = (ref: KindRef) =>
    setChosen((c) => (c.includes(ref) ? c.filter((r) => r !== ref) : [...c, ref]));
  return (
    <fieldset class="kind-picker">
      <legend>{t("kinds")}</legend>
      {refs.map((ref) => (
        <label key={ref} class="check">
          <input type="checkbox" checked={chosen.includes(ref)} onChange={() => toggle(ref)} />
          {kindLabel(pack, ref, lang)}
        </label>
      ))}
      <div class="row">
        <button
          type="button"
          class="big"
          disabled={props.busy || chosen.length === 0}
          onClick={() => props.onSave(chosen)}
        >
          {t("saveKinds")}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t("cancel")}
        </button>
      </div>
    </fieldset>
  );
}
