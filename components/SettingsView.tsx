import type { Translate } from "../lib/i18n/messages";
import type { PackProblem } from "../lib/routine/load-pack";
import type { Language, PhrasePack } from "../lib/routine/pack";

/** The phrase pack in force, and importing, exporting or resetting it. */
export function SettingsView(props: {
  t: Translate;
  lang: Language;
  pack: PhrasePack;
  problems: PackProblem[];
  onImport: (text: string) => void;
  onExport: () => void;
  onReset: () => void;
  onBack: () => void;
}) {
  const { t, lang, pack } = props;
  return (
    <section class="settings" aria-labelledby="settings-heading">
      <div class="row">
        <button type="button" class="secondary" onClick={props.onBack}>
          ← {t("goBack")}
        </button>
      </div>
      <h2 id="settings-heading">{t("settings")}</h2>
      <h3>{t("packHeading")}</h3>
      <p data-testid="pack-in-force">
        <strong>{pack.name[lang]}</strong>
        <br />
        {t("packSource", { ...pack.source })}
      </p>
      {props.problems.length > 0 && (
        <div class="error" role="alert" data-testid="pack-problems">
          <p>{t("packRejected")}</p>
          <ul>
            {props.problems.map((p) => (
              <li key={`${p.path}:${p.message}`}>
                <code>{p.path || "(paketet / the pack)"}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <label class="field">
        <span>{t("packImport")}</span>
        <input
          type="file"
          accept="application/json,.json"
          onChange={async (e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) props.onImport(await file.text());
            input.value = "";
          }}
        />
      </label>
      <div class="row">
        <button type="button" class="secondary" onClick={props.onExport}>
          {t("packExport")}
        </button>
        <button type="button" class="secondary" onClick={props.onReset}>
          {t("packReset")}
        </button>
      </div>
    </section>
  );
}
