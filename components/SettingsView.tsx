import { useState } from "preact/hooks";
import { MUTE_TARGETS, type MuteTarget } from "../lib/log/events";
import { HelpContactsForm } from "./HelpContactsForm";
import { LEAVE_CHOICES } from "../lib/messages";
import { RetentionForm } from "./RetentionForm";
import type { Translate } from "../lib/i18n/text";
import type { SettingsActions } from "../lib/panel/app";
import { parseOrigin, type Settings } from "../lib/settings";
import { PackProblems, SettingsProblems } from "./SettingsProblems";
import type { Language } from "../lib/routine/pack";

/**
 * The settings: retention, what the wait mutes, how a host hangs up, the organisation's own
 * platforms and the phrase pack. What the organisation's policy sets is shown as locked, not changeable here.
 */
export function SettingsView(props: {
  t: Translate;
  lang: Language;
  settings: Settings;
  actions: Pick<
    SettingsActions,
    | "setRetentionDays"
    | "setWaitMutes"
    | "setHostLeave"
    | "addOwnOrigin"
    | "removeOwnOrigin"
    | "importPack"
    | "exportPack"
    | "resetPack"
    | "allowPanelCapture"
    | "addHelpContact"
    | "removeHelpContact"
  >;
  onBack: () => void;
}) {
  const { t, lang, settings, actions } = props;
  const { pack, locks } = settings;
  const waitMutes: MuteTarget[] = settings.waitMutes;
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
      <SettingsProblems
        t={t}
        heading={t("managedProblems")}
        testId="managed-problems"
        problems={settings.managedProblems}
      />
      <SettingsProblems
        t={t}
        heading={t("storedProblems")}
        testId="stored-problems"
        problems={settings.problems}
      />
      <RetentionForm
        t={t}
        days={settings.retentionDays}
        locked={locks.retentionDays}
        onSave={actions.setRetentionDays}
      />
      <fieldset class="kind-picker">
        <legend>{t("waitMutesHeading")}</legend>
        {MUTE_TARGETS.map((target) => (
          <label key={target} class="check">
            <input
              type="checkbox"
              checked={waitMutes.includes(target)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                void actions.setWaitMutes(
                  on ? [...waitMutes, target] : waitMutes.filter((x) => x !== target),
                );
              }}
            />
            {t(`mute.${target}`)}
          </label>
        ))}
      </fieldset>
      <fieldset class="kind-picker" data-testid="host-leave">
        <legend>{t("settings.hostLeave.heading")}</legend>
        {LEAVE_CHOICES.map((choice) => (
          <label key={choice} class="check">
            <input
              type="radio"
              name="host-leave"
              value={choice}
              checked={settings.hostLeave === choice}
              disabled={locks.hostLeave}
              onChange={() => void actions.setHostLeave(choice)}
            />
            {t(`settings.hostLeave.${choice}`)}
          </label>
        ))}
        {locks.hostLeave && <p class="hint">{t("lockedByOrganisation")}</p>}
      </fieldset>
      <h3>{t("ownPlatforms")}</h3>
      <p class="hint">{t("ownPlatformsHint")}</p>
      <ul class="own-origins">
        {settings.ownOrigins.map((origin) => (
          <li key={origin}>
            <code>{origin}</code>{" "}
            {locks.ownOrigins.includes(origin) ? (
              <span class="hint">({t("lockedByOrganisation")})</span>
            ) : (
              <button
                type="button"
                class="link"
                aria-label={t("ownPlatformRemove", { origin })}
                onClick={() => void actions.removeOwnOrigin(origin)}
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
          void actions.addOwnOrigin(parsed.origin);
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
      <HelpContactsForm
        t={t}
        contacts={settings.helpContacts}
        locked={locks.helpContacts}
        onAdd={(contact) => void actions.addHelpContact(contact)}
        onRemove={(key) => void actions.removeHelpContact(key)}
      />
      <h3>{t("allowPanelCaptureHeading")}</h3>
      <p class="hint">{t("allowPanelCaptureWhy")}</p>
      <div class="row">
        {/* Straight from the click: the browser asks only during a user gesture. */}
        <button type="button" class="secondary" onClick={() => void actions.allowPanelCapture()}>
          {t("allowPanelCapture")}
        </button>
      </div>
      <h3>{t("packHeading")}</h3>
      <p data-testid="pack-in-force">
        <strong>{pack.name[lang]}</strong>
        <br />
        {t("packSource", { ...pack.source })}
      </p>
      <PackProblems t={t} problems={settings.packProblems} />
      {locks.pack ? (
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
                if (file) void actions.importPack(await file.text());
                input.value = "";
              }}
            />
          </label>
          <div class="row">
            <button type="button" class="secondary" onClick={actions.exportPack}>
              {t("packExport")}
            </button>
            <button type="button" class="secondary" onClick={() => void actions.resetPack()}>
              {t("packReset")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
