import { useMemo } from "preact/hooks";
import { draftText } from "../lib/history/exports";
import { loadDraft } from "../lib/history/load-draft";
import type { Translate } from "../lib/i18n/text";
import type { LogStorage } from "../lib/log/storage";
import type { DraftActions } from "../lib/panel/draft-actions";
import type { Language, PhrasePack } from "../lib/routine/pack";
import type { HelpContact } from "../lib/help/contacts";
import { helpMessage, type HelpMessage } from "../lib/help/link";
import { DraftView } from "./DraftView";
import { HelpButton } from "./HelpButton";
import { useLiveQuery } from "./use-live-query";

/** Loads one incident's draft from IndexedDB (live: edits show at once) and shows it. */
export function DraftScreen(props: {
  storage: Promise<LogStorage>;
  pack: PhrasePack;
  sessionId: string;
  lang: Language;
  t: Translate;
  busy: boolean;
  actions: DraftActions;
  onBack: () => void;
  contacts: readonly HelpContact[];
  onCalled: (contact: HelpContact, message: HelpMessage) => void;
}) {
  const { storage, pack, sessionId, lang, t, actions } = props;
  const loaded = useLiveQuery(storage, (db) => loadDraft(db, sessionId, pack, lang, Date.now()), [
    sessionId,
    lang,
  ]);
  const value = loaded.value;
  const text = useMemo(() => (value ? draftText(value.draft) : ""), [value]);
  if (!value) return null;
  return (
    <DraftView
      key={`${sessionId}:${lang}`}
      t={t}
      draft={value.draft}
      edits={value.edits}
      text={text}
      busy={props.busy}
      onSave={(edits) => actions.save(sessionId, edits)}
      onCopy={() => actions.copy(value.draft)}
      onPrint={() => actions.print(sessionId)}
      onExport={(kind) => actions.export(kind, value)}
      onBack={props.onBack}
      managerHelp={
        <div class="checklist-help">
          <p class="hint">{t("help.checklist")}</p>
          <HelpButton
            t={t}
            open
            contacts={managersFirst(props.contacts)}
            message={() =>
              helpMessage(t, {
                kinds: value.draft.kinds.map((k) => k.label).join(", ") || t("kindMissing"),
                since: value.draft.call.incidentStarted.time,
                join: null,
              })
            }
            onCalled={props.onCalled}
          />
        </div>
      }
    />
  );
}

/** The nearest manager is who the checklist names; without one, every contact is offered. */
function managersFirst(contacts: readonly HelpContact[]): readonly HelpContact[] {
  const managers = contacts.filter((c) => c.role === "manager");
  return managers.length > 0 ? managers : contacts;
}
