import { renderJson } from "../draft/render-json";
import { renderMarkdown } from "../draft/render-markdown";
import { renderText } from "../draft/render-text";
import type { IncidentDraft } from "../draft/types";
import { buildZip } from "../draft/zip";
import type { RecordingChunk } from "../log/db";
import type { LoadedDraft } from "./load-draft";

export type ExportKind = "markdown" | "json" | "zip";

/** "tresteg-2026-11-23-1403": sortable, and says what it is without naming anyone. */
export function fileBase(draft: IncidentDraft): string {
  const local = draft.call.incidentStarted.local.replace(/[^0-9]/g, "").slice(0, 12);
  const day = `${local.slice(0, 4)}-${local.slice(4, 6)}-${local.slice(6, 8)}`;
  return `tresteg${draft.practice ? "-ovning" : ""}-${day}-${local.slice(8, 12)}`;
}

export function draftText(draft: IncidentDraft): string {
  return renderText(draft);
}

/** What an export is made from: the draft, its screenshots, the log as stored, the recordings. */
export type ExportSource = Pick<
  LoadedDraft,
  "draft" | "evidence" | "events" | "signatures" | "publicKey"
> & {
  /** The incident's recordings of the call, chunk by chunk; only the ZIP carries them. */
  chunks?: RecordingChunk[];
};

/** One export as a file: its name and its bytes. */
export async function exportFile(
  kind: ExportKind,
  source: ExportSource,
): Promise<{ name: string; blob: Blob }> {
  const { draft } = source;
  const base = fileBase(draft);
  switch (kind) {
    case "markdown":
      return {
        name: `${base}.md`,
        blob: new Blob([renderMarkdown(draft)], { type: "text/markdown;charset=utf-8" }),
      };
    case "json":
      return {
        name: `${base}.json`,
        blob: new Blob([renderJson(draft)], { type: "application/json" }),
      };
    case "zip": {
      const bytes = await buildZip(source);
      return {
        name: `${base}.zip`,
        blob: new Blob([bytes as BlobPart], { type: "application/zip" }),
      };
    }
    default: {
      const unknown: never = kind;
      throw new Error(`Unknown export ${String(unknown)}`);
    }
  }
}
