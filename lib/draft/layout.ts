import { byteSize, type Moment } from "./clock";
import { clip } from "./escape";
import { type DraftTranslate, draftTranslator } from "./messages";
import type { IncidentDraft, ScreenshotEntry } from "./types";

/**
 * One layout of the report, shared by the text, Markdown and HTML renderers: they differ in
 * syntax only, so the three exports never disagree on what a report contains, and escaping is
 * done in one place per format (every string here is raw; renderers escape all of them).
 */
export type Block =
  | { kind: "fields"; rows: Field[] }
  | { kind: "list"; items: Item[] }
  /** The coach's free text, line breaks kept. */
  | { kind: "prose"; text: string; placeholder: string }
  | { kind: "note"; text: string; tone: "plain" | "warning" }
  | { kind: "screenshot"; shot: ScreenshotEntry; lines: string[] };

export interface Field {
  label: string;
  value: string;
}

export interface Item {
  text: string;
  /** A clock time shown before the text. */
  time?: string;
  check?: "done" | "todo";
  tone?: "plain" | "warning" | "unverified";
  details?: string[];
}

export interface Section {
  id: string;
  heading: string;
  blocks: Block[];
}

/** One section's blocks, from the draft. */
export type Part = (draft: IncidentDraft, dt: DraftTranslate) => Block[];

export interface ReportLayout {
  title: string;
  banner: string | null;
  intro: string;
  sections: Section[];
}

/** A time, with its day when that differs from the incident's (an incident over midnight). */
export function timeOn(when: Moment, day: string): string {
  return when.local.startsWith(day) ? when.time : when.local.slice(0, 19);
}

/** The lines that describe a screenshot, in the report and beside its image. */
export function screenshotLines(
  shot: ScreenshotEntry,
  draft: IncidentDraft,
  dt: DraftTranslate = draftTranslator(draft.lang),
): string[] {
  const lines = [
    dt("shot.line", {
      n: String(shot.number).padStart(2, "0"),
      time: timeOn(shot.taken, draft.date),
      width: shot.width,
      height: shot.height,
      size: shot.bytes === null ? dt("sizeUnknown") : byteSize(shot.bytes, draft.lang),
    }),
    dt("shot.page", { title: clip(shot.title), origin: clip(shot.origin) }),
  ];
  if (shot.underCover) lines.push(dt("shot.underCover"));
  if (shot.caption.trim()) lines.push(dt("shot.caption", { caption: shot.caption }));
  if (shot.fileName) lines.push(dt("shot.file", { file: shot.fileName }));
  if (shot.deleted) lines.push(dt("shot.deleted", { time: timeOn(shot.deleted, draft.date) }));
  lines.push(`SHA-256 ${shot.sha256}`);
  if (shot.seq === null) lines.push(dt("shot.notInLog"));
  if (shot.recordMatchesLog === false) lines.push(dt("shot.recordDiffers"));
  switch (shot.fileCheck) {
    case "matches":
      lines.push(dt("shot.fileMatches"));
      break;
    case "differs":
      lines.push(dt("shot.fileDiffers", { hash: shot.fileSha256 ?? "" }));
      break;
    case "missing":
      lines.push(dt("shot.fileMissing"));
      break;
    case "not-checked":
      break;
    default: {
      const unknown: never = shot.fileCheck;
      lines.push(String(unknown));
    }
  }
  return lines;
}
