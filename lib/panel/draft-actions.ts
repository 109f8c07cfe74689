import type { DraftEdits } from "../draft/edits";
import type { IncidentDraft } from "../draft/types";
import type { ExportKind, ExportSource } from "../history/exports";
import type { TrestegDb } from "../log/db";
import { deleteIncident, incidentChunks, saveDraftEdits } from "../log/records";
import { clockTime } from "../time/format";
import type { PanelStore } from "./store";

export interface DraftDeps {
  /** The panel's database, still opening when the panel first draws. */
  db: Promise<TrestegDb>;
  store: PanelStore;
  now: () => number;
  copy: (text: string) => Promise<void>;
  save: (name: string, blob: Blob) => void;
  /** Opens the printable report page for a session, in the panel's language. */
  openReport: (sessionId: string, lang: "sv" | "en") => Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

// The renderers and the ZIP are loaded when first used, not with the panel: the panel must
// open fast during a call; the export comes after it.
const exports = () => import("../history/exports");

/** What the coach does with a draft after the call: edit, copy, print, export, delete. */
export function createDraftActions(deps: DraftDeps) {
  const { db, store } = deps;
  const fail = (key: "copyFailed" | "exportFailed", error: unknown) =>
    store.setState({ error: { key, params: { message: message(error) } }, notice: null });

  return {
    save: async (sessionId: string, edits: DraftEdits) => {
      try {
        await saveDraftEdits(await db, sessionId, edits, deps.now());
        store.setState({ notice: { key: "draftSaved", params: { time: clockTime(deps.now()) } } });
      } catch (error) {
        store.setState({
          error: { key: "storageError", params: { name: "IndexedDB", message: message(error) } },
        });
      }
    },
    copy: async (draft: IncidentDraft) => {
      try {
        await deps.copy((await exports()).draftText(draft));
        store.setState({ notice: { key: "copied" }, error: null });
      } catch (error) {
        fail("copyFailed", error);
      }
    },
    print: async (sessionId: string) => {
      try {
        await deps.openReport(sessionId, store.getState().lang);
      } catch (error) {
        fail("exportFailed", error);
      }
    },
    export: async (kind: ExportKind, source: ExportSource) => {
      store.setState((s) => ({ pending: [...s.pending, `export:${kind}`] }));
      try {
        // The recordings go only into the ZIP, the one export that carries files.
        const chunks = kind === "zip" ? await incidentChunks(await db, source.draft.sessionId) : [];
        const file = await (await exports()).exportFile(kind, { ...source, chunks });
        deps.save(file.name, file.blob);
        store.setState({ notice: { key: "exported", params: { name: file.name } }, error: null });
      } catch (error) {
        fail("exportFailed", error);
      } finally {
        store.setState((s) => ({ pending: s.pending.filter((k) => k !== `export:${kind}`) }));
      }
    },
    remove: async (sessionId: string) => {
      try {
        await deleteIncident(await db, sessionId);
        store.setState((s) => ({
          notice: { key: "historyDeleted" },
          view: s.draftId === sessionId ? "history" : s.view,
          draftId: s.draftId === sessionId ? null : s.draftId,
        }));
      } catch (error) {
        store.setState({
          error: { key: "storageError", params: { name: "IndexedDB", message: message(error) } },
        });
      }
    },
  };
}

export type DraftActions = ReturnType<typeof createDraftActions>;
