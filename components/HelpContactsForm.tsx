import { useState } from "preact/hooks";
import {
  addressFits,
  contactKey,
  HELP_CHANNELS,
  HELP_ROLES,
  type HelpChannel,
  type HelpContact,
  type HelpRole,
} from "../lib/help/contacts";
import type { Translate } from "../lib/i18n/text";

/**
 * The contacts "Kalla på hjälp" offers: the organisation's (locked) and the coach's own, which
 * can be added and removed here. A contact whose address does not fit its channel is refused
 * with what is wrong, before anything is stored.
 */
export function HelpContactsForm(props: {
  t: Translate;
  contacts: readonly HelpContact[];
  /** contactKey of each contact the organisation set. */
  locked: readonly string[];
  onAdd: (contact: HelpContact) => void;
  onRemove: (key: string) => void;
}) {
  const { t } = props;
  const [role, setRole] = useState<HelpRole>("manager");
  const [channel, setChannel] = useState<HelpChannel>("teams");
  const [name, setName] = useState("");
  const [address, setAddress] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <h3 id="help-contacts-heading">{t("settings.help")}</h3>
      <p class="hint">{t("settings.helpHint")}</p>
      {props.contacts.length === 0 && <p class="hint">{t("settings.helpNone")}</p>}
      <ul class="help-contacts" aria-labelledby="help-contacts-heading">
        {props.contacts.map((contact) => {
          const key = contactKey(contact);
          return (
            <li key={key}>
              {t("help.contact", {
                role: t(`help.role.${contact.role}`),
                name: contact.name,
                channel: t(`help.channel.${contact.channel}`),
              })}{" "}
              <code>{contact.address}</code>{" "}
              {props.locked.includes(key) ? (
                <span class="hint">({t("settings.helpLocked")})</span>
              ) : (
                <button
                  type="button"
                  class="link"
                  aria-label={t("settings.helpRemove", { name: contact.name })}
                  onClick={() => props.onRemove(key)}
                >
                  {t("historyDelete")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <form
        class="help-contact-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim() || !addressFits(channel, address)) {
            setError(
              t("settingsProblem.not-a-contact", { number: 1, channels: HELP_CHANNELS.join(", ") }),
            );
            return;
          }
          setError(null);
          setName("");
          setAddress("");
          props.onAdd({ role, name: name.trim(), channel, address: address.trim() });
        }}
      >
        <label class="field">
          <span>{t("settings.helpRole")}</span>
          <select
            value={role}
            onChange={(e) => setRole((e.target as HTMLSelectElement).value as HelpRole)}
          >
            {HELP_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`help.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t("settings.helpName")}</span>
          <input value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>{t("settings.helpChannel")}</span>
          <select
            value={channel}
            onChange={(e) => setChannel((e.target as HTMLSelectElement).value as HelpChannel)}
          >
            {HELP_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`help.channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t("settings.helpAddress")}</span>
          <input
            value={address}
            aria-invalid={error ? "true" : undefined}
            onInput={(e) => setAddress((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="secondary">
          {t("settings.helpAdd")}
        </button>
      </form>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
