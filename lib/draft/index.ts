// The incident draft (issue 5): build it from the log, render it, pack it.
export { buildDraft, type DraftInput } from "./build";
export {
  buildChecklist,
  type ChecklistItem,
  type ChecklistItemId,
  policeReportRequirement,
} from "./checklist";
export { type DraftEdits, emptyEdits, withDefaults } from "./edits";
export { draftEn, draftSv, draftTranslator, type DraftKey } from "./messages";
export { renderHtml, type HtmlOptions } from "./render-html";
export { REPORT_SCHEMA, REPORT_VERSION, renderJson, toReportJson } from "./render-json";
export { renderMarkdown } from "./render-markdown";
export { renderText } from "./render-text";
export type { IncidentDraft } from "./types";
export { screenshotBytes, withCheckedFiles } from "./verify-files";
export { buildZip } from "./zip";
