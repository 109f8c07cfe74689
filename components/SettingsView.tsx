import { useState } from "preact/hooks";
import { MUTE_TARGETS, type MuteTarget } from "../lib/log/events";
import { parseOrigin } from "../lib/platforms/own-origins";
import { RetentionForm } from "./RetentionForm";
import type { Translate } from "../lib/i18n/text";
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
  ownOrigins: string[];
  /** Origins pushed by the organisation: shown, not removable here. */
  lockedOrigins: string[];
  waitMutes: MuteTarget[];
  retention: { days: number; locked: boolean; setDays: (days: number) => void };
  onWaitMutes: (targets: MuteTarget[]) => void;
  /** The organisation pushes the pack: no import or reset here. */
  packLocked: boolean;
  managedProblems: { key: string; message: string }[];
  onAddOrigin: (origin: string) => void;
  onRemoveOrigin: (origin: string) => void;
}) {
  const { t, lang, pack } = props;
  const [originText, setOriginText] = useState("");
  const [originError, setOriginError] = useState<string | null>(null);
  return (
    <section class="settings" aria-labelledby="settings-heading">
      <div class="row">
        <button type="button" class="secondary" onClick={props.onBack}>
          ← {t("goBack")}
        </button>
      </div>
      <h2 id="settings-heading">{t("settings")}</h2>
      {props.managedProblems.length > 0 && (
        <div class="error" role="alert" data-testid="managed-problems">
          <p>{t("managedProblems")}</p>
          <ul>
            {props.managedProblems.map((p) => (
              <li key={`${p.key}:${p.message}`}>
                <code>{p.key}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <RetentionForm
        t={t}
        days={props.retention.days}
        locked={props.retention.locked}
        onSave={props.retention.setDays}
      />
      <fieldset class="kind-picker">
        <legend>{t("waitMutesHeading")}</legend>
        {MUTE_TARGETS.map((target) => (
          <label key={target} class="check">
            <input
              type="checkbox"
              checked={props.waitMutes.includes(target)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                props.onWaitMutes(
                  on ? [...props.waitMutes, target] : props.waitMutes.filter((x) => x !== target),
                );
              }}
            />
            {t(`mute.${target}`)}
          </label>
        ))}
      </fieldset>
      <h3>{t("ownPlatforms")}</h3>
      <p class="hint">{t("ownPlatformsHint")}</p>
      <ul class="own-origins">
        {props.ownOrigins.map((origin) => (
          <li key={origin}>
            <code>{origin}</code>{" "}
            {props.lockedOrigins.includes(origin) ? (
              <span class="hint">({t("lockedByOrganisation")})</span>
            ) : (
              <button
                type="button"
                class="link"
                aria-label={t("ownPlatformRemove", { origin })}
                onClick={() => props.onRemoveOrigin(origin)}
              >
                {t("historyDelete")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = parseOrigin(originText);
          if (!parsed.ok) {
            setOriginError(t(`ownPlatform.${parsed.reason}`));
            return;
          }
          setOriginError(null);
          setOriginText("");
          // Straight from the click: the browser asks for access only during a user gesture.
          props.onAddOrigin(parsed.origin);
        }}
      >
        <label class="field grow">
          <span>{t("ownPlatformInput")}</span>
          <input
            value={originText}
            placeholder="https://video.region.se"
            aria-invalid={originError ? "true" : undefined}
            onInput={(e) => setOriginText((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="secondary">
          {t("ownPlatformAdd")}
        </button>
      </form>
      {originError && (
        <p class="field-error" role="alert">
          {originError}
        </p>
      )}
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
      {props.packLocked ? (
        <p class="hint" data-testid="pack-locked">
          {t("lockedByOrganisation")}
        </p>
      ) : (
        <>
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
        </>
      )}
    </section>
  );
}
