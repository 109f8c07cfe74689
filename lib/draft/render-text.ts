import { clean, oneLine } from "./escape";
import type { Block, Item } from "./layout";
import { layoutReport } from "./report-layout";
import type { IncidentDraft } from "./types";

const INDENT = "    ";

function item(entry: Item): string[] {
  const box = entry.check === "done" ? "[x] " : entry.check === "todo" ? "[ ] " : "";
  const mark = entry.tone === "warning" ? "! " : "";
  const time = entry.time ? `${entry.time}  ` : "- ";
  const lines = [`${entry.check ? box : time}${mark}${oneLine(entry.text)}`];
  for (const detail of entry.details ?? []) lines.push(INDENT + oneLine(detail));
  return lines;
}

function block(b: Block): string[] {
  switch (b.kind) {
    case "fields":
      return b.rows.map((row) => `${row.label}: ${oneLine(row.value)}`);
    case "list":
      return b.items.flatMap(item);
    case "prose": {
      const text = clean(b.text).trim();
      return text ? text.split("\n") : [b.placeholder];
    }
    case "note":
      return [`${b.tone === "warning" ? "! " : ""}${oneLine(b.text)}`];
    case "screenshot":
      return b.lines.map((line, i) => (i === 0 ? oneLine(line) : INDENT + oneLine(line)));
    default: {
      const unknown: never = b;
      return [JSON.stringify(unknown)];
    }
  }
}

/**
 * Plain text for pasting into the deviation report form (MedControl): headings in capitals
 * and underlined, one fact per line, times first. Every value is made one line, so nothing a
 * page or a note contains can pose as a heading or an entry of its own.
 */
export function renderText(draft: IncidentDraft): string {
  const layout = layoutReport(draft);
  const title = layout.title.toUpperCase();
  const out: string[] = [title, "=".repeat(title.length)];
  if (layout.banner) out.push(layout.banner);
  out.push(layout.intro);
  for (const section of layout.sections) {
    const heading = section.heading.toUpperCase();
    out.push("", heading, "-".repeat(heading.length));
    for (const b of section.blocks) out.push(...block(b));
  }
  return `${out.join("\n")}\n`;
}
