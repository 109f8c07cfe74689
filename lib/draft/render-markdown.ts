import { escapeMarkdown as md, markdownProse } from "./escape";
import type { Block, Item } from "./layout";
import { layoutReport } from "./report-layout";
import type { IncidentDraft } from "./types";

function item(entry: Item): string[] {
  const box = entry.check === "done" ? "[x] " : entry.check === "todo" ? "[ ] " : "";
  const time = entry.time ? `**${entry.time}** ` : "";
  const text = entry.tone === "warning" ? `**${md(entry.text)}**` : md(entry.text);
  const lines = [`- ${box}${time}${text}`];
  for (const detail of entry.details ?? []) lines.push(`  - ${md(detail)}`);
  return lines;
}

function block(b: Block): string {
  switch (b.kind) {
    case "fields":
      return b.rows.map((row) => `- **${md(row.label)}:** ${md(row.value)}`).join("\n");
    case "list":
      return b.items.flatMap(item).join("\n");
    case "prose":
      return markdownProse(b.text) || `_${md(b.placeholder)}_`;
    case "note":
      return b.tone === "warning" ? `**${md(b.text)}**` : md(b.text);
    case "screenshot":
      return [`- ${md(b.lines[0] ?? "")}`, ...b.lines.slice(1).map((l) => `  - ${md(l)}`)].join(
        "\n",
      );
    default: {
      const unknown: never = b;
      return JSON.stringify(unknown);
    }
  }
}

/**
 * The report as Markdown. Every value is escaped (lib/draft/escape): a note or a page title
 * renders as the text it is, never as a link, an image, HTML or a heading.
 */
export function renderMarkdown(draft: IncidentDraft): string {
  const layout = layoutReport(draft);
  const out: string[] = [`# ${md(layout.title)}`];
  if (layout.banner) out.push(`**${md(layout.banner)}**`);
  out.push(md(layout.intro));
  for (const section of layout.sections) {
    out.push(`## ${md(section.heading)}`, ...section.blocks.map(block));
  }
  return `${out.join("\n\n")}\n`;
}
