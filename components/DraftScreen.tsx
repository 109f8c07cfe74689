import { useMemo } from "preact/hooks";
import { draftText } from "../lib/history/exports";
import { loadDraft } from "../lib/history/load-draft";
import type { Translate } from "../lib/i18n/text";
import type { TrestegDb } from "../lib/log/db";
import type { DraftActions } from "../lib/panel/draft-actions";
import type { Language, PhrasePack } from "../lib/routine/pack";
import { DraftView } from "./DraftView";
import { useLiveQuery } from "./use-live-query";

/** Loads one incident's draft from IndexedDB (live: edits show at once) and shows it. */
export function DraftScreen(props: {
  db: TrestegDb;
  pack: PhrasePack;
  sessionId: string;
  lang: Language;
  t: Translate;
  busy: boolean;
  actions: DraftActions;
  onBack: () => void;
}) {
  const { db, pack, sessionId, lang, t, actions } = props;
  const loaded = useLiveQuery(
    () => loadDraft(db, sessionId, pack, lang, Date.now()),
    [db, sessionId, lang],
  );
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
    />
  );
}
