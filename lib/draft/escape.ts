/**
 * Text that a coach or a page can influence (notes, captions, page titles, descriptions,
 * origins — and, for a tampered log, anything in it) is data, never markup. Every renderer
 * passes every string through these functions.
 */

// C0 and C1 controls other than tab and newline, and the bidirectional overrides and isolates
// that can make a line read differently from what it says ("Trojan Source").
const CONTROL =
  // eslint-disable-next-line no-control-regex -- matching controls is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Line breaks made plain and controls removed; text otherwise as written. */
export function clean(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROL, "");
}

/** One line: breaks and tabs become spaces, so a value cannot start a line of its own. */
export function oneLine(text: string): string {
  return clean(text).replace(/\s*\n\s*|\t/g, " ");
}

/** Long page-supplied values (a title can be anything) cut to a length a report can hold. */
export function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return clean(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * Markdown that renders as the text it is. Inline syntax (links, images, emphasis, code spans,
 * tables, strike-through) is backslash-escaped; <, > and & become entities so that no raw HTML
 * or entity trick passes in any flavour; a line cannot begin a heading, quote, list or
 * setext underline. Assumes one line; see markdownProse for text with line breaks.
 */
export function escapeMarkdown(text: string): string {
  return escapeMarkdownLine(oneLine(text));
}

function escapeMarkdownLine(line: string): string {
  const inline = line
    .trimStart()
    .replace(/[\\`*_[\]!|~#]/g, "\\$&")
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c] ?? c);
  // "-", "+", "=" start lists and setext underlines; "1." and "1)" start ordered lists.
  return inline.replace(/^([-+=])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}

/** Multi-line free text as Markdown paragraphs, its line breaks kept as hard breaks. */
export function markdownProse(text: string): string {
  return clean(text)
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split("\n").map(escapeMarkdownLine).join("\\\n"))
    .join("\n\n");
}

/**
 * A quoted CSS string (for `content:`) that says the text and nothing else: quotes and
 * backslashes are escaped, line breaks become spaces, and `<` is written as an escape so the
 * string cannot close the `<style>` element it sits in.
 */
export function cssString(text: string): string {
  const body = oneLine(text).replace(/[\\"<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return `"${body}"`;
}
