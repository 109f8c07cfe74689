import { translator } from "@/lib/i18n/messages";
import type { Lang } from "@/lib/i18n/text";
import { describeCode } from "@/lib/log/describe";
import type { ActionReport } from "@/lib/messages";

/**
 * A report as the coach reads it: its result, and its code worded in the panel's language
 * (Swedish unless asked), so a test asserts the very text the panel shows.
 */
export function inWords(
  report: ActionReport,
  lang: Lang = "sv",
): { result: ActionReport["result"]; detail?: string } {
  const { code, ...rest } = report;
  return code ? { ...rest, detail: describeCode(code, translator(lang)) } : rest;
}
