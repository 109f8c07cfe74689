import { useState } from "preact/hooks";
import { contactKey, type HelpContact } from "../lib/help/contacts";
import { helpLink, type HelpMessage } from "../lib/help/link";
import type { Translate } from "../lib/i18n/text";

/**
 * "Kalla på hjälp" (guideline 001 §4): the organisation's contacts, each one link that opens
 * the contact's own channel with the message ready. The link is a real link, so the browser
 * opens it in the coach's click; the click is logged. With no contact, it says how to add one.
 */
export function HelpButton(props: {
  t: Translate;
  contacts: readonly HelpContact[];
  message: () => HelpMessage;
  onCalled: (contact: HelpContact, message: HelpMessage) => void;
  /** Opened from the start (the draft's checklist shows the list itself). */
  open?: boolean;
}) {
  const { t } = props;
  const [open, setOpen] = useState(props.open ?? false);
  const list = (
    <div class="help-list" id="help-list">
      {props.contacts.length === 0 ? (
        <p class="hint" data-testid="help-none">
          {t("help.none")}
        </p>
      ) : (
        <>
          <p class="hint">{t("help.hint")}</p>
          <ul>
            {props.contacts.map((contact) => (
              <ContactLink
                key={contactKey(contact)}
                t={t}
                contact={contact}
                message={props.message}
                onCalled={props.onCalled}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
  if (props.open) return list;
  return (
    <div class="help">
      <button
        type="button"
        class="big help-button"
        aria-expanded={open ? "true" : "false"}
        aria-controls="help-list"
        onClick={() => setOpen(!open)}
      >
        {t("help.call")}
      </button>
      {open && list}
    </div>
  );
}

function ContactLink(props: {
  t: Translate;
  contact: HelpContact;
  message: () => HelpMessage;
  onCalled: (contact: HelpContact, message: HelpMessage) => void;
}) {
  const { t, contact } = props;
  // Worded at the moment it is drawn: the kinds and the join link are the incident's now.
  const message = props.message();
  const href = helpLink(contact, message);
  const label = t("help.contact", {
    role: t(`help.role.${contact.role}`),
    name: contact.name,
    channel: t(`help.channel.${contact.channel}`),
  });
  // The settings refuse a contact whose address does not fit its channel; one that slips by
  // is shown without a link rather than with a broken one.
  if (!href) return <li class="hint">{label}</li>;
  return (
    <li>
      <a
        class="button-link"
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        onClick={() => props.onCalled(contact, message)}
      >
        {label}
      </a>
    </li>
  );
}
