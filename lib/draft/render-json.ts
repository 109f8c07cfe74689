import type { IncidentDraft } from "./types";

export const REPORT_SCHEMA = "tresteg.incident-report";
/** Bump on any change to the fields below, and document it in docs/report-schema.md. */
export const REPORT_VERSION = 3;

/** The JSON export: the draft itself, named and versioned (docs/report-schema.md). */
export type ReportJson = {
  schema: typeof REPORT_SCHEMA;
  version: typeof REPORT_VERSION;
} & IncidentDraft;

export function toReportJson(draft: IncidentDraft): ReportJson {
  return { schema: REPORT_SCHEMA, version: REPORT_VERSION, ...draft };
}

/** Pretty-printed, UTF-8 as it is: JSON.stringify escapes what JSON must. */
export function renderJson(draft: IncidentDraft): string {
  return `${JSON.stringify(toReportJson(draft), null, 2)}\n`;
}
