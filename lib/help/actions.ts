import type { Translate } from "../i18n/text";
import type { IncidentLog } from "../log/incident-log";
import { createRunner } from "../panel/run";
import type { PanelStore } from "../panel/store";
import { contactKey, type HelpContact } from "./contacts";
import type { HelpMessage } from "./link";

/**
 * A click on a contact: the browser opens the contact's link itself (the link is the
 * control), and the click is logged. Tresteg sends nothing; the coach sends the message, or
 * makes the call, in the window that opened.
 */
export function createHelpActions(deps: {
  log: IncidentLog;
  store: PanelStore;
  /** The panel's words now (the notice names the role and the channel in them). */
  words: () => Translate;
}) {
  const run = createRunner(deps.store);
  return {
    called: async (sessionId: string, contact: HelpContact, message: HelpMessage) => {
      const entry = await run(`help:${contactKey(contact)}`, () =>
        deps.log.append(sessionId, {
          type: "help-called",
          role: contact.role,
          name: contact.name,
          channel: contact.channel,
        }),
      );
      if (!entry) return undefined;
      const t = deps.words();
      const params = {
        role: t(`help.role.${contact.role}`),
        name: contact.name,
        channel: t(`help.channel.${contact.channel}`),
      };
      deps.store.setState({
        notice:
          contact.channel === "tel"
            ? { key: "help.calledTel", params: { ...params, message: message.body } }
            : { key: "help.called", params },
      });
      return entry;
    },
  };
}

export type HelpActions = ReturnType<typeof createHelpActions>;
