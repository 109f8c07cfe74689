import { type HtmlOptions, renderHtml } from "../draft/render-html";
import { screenshotBytes, withCheckedFiles } from "../draft/verify-files";
import type { Lang } from "../i18n/text";
import type { TrestegDb } from "../log/db";
import type { Settings } from "../settings";
import { loadDraft } from "./load-draft";

export interface ReportPage {
  /** The report's HTML, with or without the checklist's state; see report-dom.ts. */
  html: (options: Pick<HtmlOptions, "checklistState">) => string;
  title: string;
}

export interface ReportDeps {
  db: TrestegDb;
  /** The settings in force: the report names the routine and the kinds from their pack. */
  settings: () => Promise<Settings>;
  /** An address for a screenshot's bytes (an object URL in the page). */
  imageUrl?: (bytes: Uint8Array) => string;
  now?: () => number;
}

/**
 * The printable report of one incident: the same HTML as in the ZIP, built with the pack in
 * force as the panel's draft is, with the screenshots shown. Null when there is no such
 * incident (deleted since the link was made).
 */
export async function loadReportPage(
  sessionId: string | null,
  lang: Lang,
  deps: ReportDeps,
): Promise<ReportPage | null> {
  if (!sessionId) return null;
  const { pack } = await deps.settings();
  const loaded = await loadDraft(deps.db, sessionId, pack, lang, (deps.now ?? Date.now)());
  if (!loaded) return null;
  const bytes = await screenshotBytes(loaded.draft, loaded.evidence);
  const draft = await withCheckedFiles(loaded.draft, bytes);
  const imageUrl =
    deps.imageUrl ??
    ((data: Uint8Array) =>
      URL.createObjectURL(new Blob([data as BlobPart], { type: "image/png" })));
  const images = new Map<string, string>();
  for (const [id, data] of bytes) images.set(id, imageUrl(data));
  return {
    html: (options) => renderHtml(draft, { ...options, images }),
    title: `Tresteg – ${draft.dateText}`,
  };
}
