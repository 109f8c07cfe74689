import { clip, cssString, escapeHtml as h } from "./escape";
import type { Block, Item } from "./layout";
import { type DraftTranslate, draftTranslator } from "./messages";
import { REPORT_CSS } from "./report-css";
import { type LayoutOptions, layoutReport } from "./report-layout";
import type { IncidentDraft, ScreenshotEntry } from "./types";

export interface HtmlOptions extends LayoutOptions {
  /** Image URLs (data: or blob:) by evidence id, to show the screenshots themselves. */
  images?: Map<string, string>;
}

// No script, no network: everything the page shows is in it or beside it (the ZIP's files).
const CSP =
  "default-src 'none'; img-src 'self' data: blob: file:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

/** Only image URLs the extension made itself; anything else falls back to the file name. */
const SAFE_IMAGE_URL = /^(data:image\/(png|jpeg|webp);base64,|blob:)/;

function imageSrc(shot: ScreenshotEntry, options: HtmlOptions): string | null {
  const given = options.images?.get(shot.evidenceId);
  if (given && SAFE_IMAGE_URL.test(given)) return given;
  return shot.fileName;
}

function item(entry: Item): string {
  const box = entry.check === "done" ? "☑ " : entry.check === "todo" ? "☐ " : "";
  const time = entry.time ? `<time>${h(entry.time)}</time> ` : "";
  const details = entry.details?.length
    ? `<ul>${entry.details.map((d) => `<li>${h(d)}</li>`).join("")}</ul>`
    : "";
  const classes = [
    entry.check ? "check" : "",
    entry.tone && entry.tone !== "plain" ? entry.tone : "",
  ];
  const names = classes.filter(Boolean).join(" ");
  const tone = names ? ` class="${names}"` : "";
  return `<li${tone}>${box}${time}${h(entry.text)}${details}</li>`;
}

function block(b: Block, options: HtmlOptions): string {
  switch (b.kind) {
    case "fields":
      return `<dl>${b.rows.map((r) => `<dt>${h(r.label)}</dt><dd>${h(r.value)}</dd>`).join("")}</dl>`;
    case "list":
      return `<ul>${b.items.map(item).join("\n")}</ul>`;
    case "prose":
      return b.text.trim()
        ? `<div class="prose">${h(b.text.trim())}</div>`
        : `<p class="empty">${h(b.placeholder)}</p>`;
    case "note":
      return `<p${b.tone === "warning" ? ' class="warning"' : ""}>${h(b.text)}</p>`;
    case "screenshot": {
      const src = b.shot.deleted ? null : imageSrc(b.shot, options);
      const img = src ? `<img src="${h(src)}" alt="${h(b.lines[0] ?? "")}">` : "";
      const lines = b.lines.map((line) => `<span>${h(line)}</span>`).join("<br>");
      const deleted = b.shot.deleted ? ' class="deleted"' : "";
      return `<figure${deleted}>${img}<figcaption>${lines}</figcaption></figure>`;
    }
    default: {
      const unknown: never = b;
      return h(JSON.stringify(unknown));
    }
  }
}

/**
 * Every printed page's header (the incident and the unit) and footer (its number), drawn by
 * the browser in the page margins, so a loose page still says what it belongs to.
 */
function printedPageMargins(draft: IncidentDraft, dt: DraftTranslate): string {
  const header = dt("print.header", {
    date: draft.date,
    time: draft.call.incidentStarted.time.slice(0, 5),
    unit: clip(draft.unit.trim(), 120) || dt("missing"),
  });
  const head = draft.practice ? `${dt("print.practice")} · ${header}` : header;
  // The page numbers are the browser's counters, put where the words place them.
  const [before = "", middle = "", after = ""] = dt("print.page", {
    page: "\u0001",
    pages: "\u0001",
  }).split("\u0001");
  const numbers = [
    cssString(before),
    "counter(page)",
    cssString(middle),
    "counter(pages)",
    cssString(after),
  ].join(" ");
  const box = "font: 8.5pt system-ui, sans-serif; color: #444;";
  return `@page {
  @top-left { content: ${cssString(head)}; ${box} }
  @bottom-right { content: ${numbers}; ${box} }
}`;
}

/**
 * A complete, self-contained, print-styled HTML document (save as PDF from the browser). No
 * script and no external resource; a Content-Security-Policy says so to the browser as well.
 * Every string is escaped as HTML.
 */
export function renderHtml(draft: IncidentDraft, options: HtmlOptions = {}): string {
  const layout = layoutReport(draft, options);
  const sections = layout.sections
    .map(
      (s) =>
        `<section id="${h(s.id)}">\n<h2>${h(s.heading)}</h2>\n${s.blocks.map((b) => block(b, options)).join("\n")}\n</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="${draft.lang === "sv" ? "sv" : "en"}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(`${layout.title} ${draft.date}`)}</title>
<style>${REPORT_CSS}${printedPageMargins(draft, draftTranslator(draft.lang))}</style>
</head>
<body>
<header>
<h1>${h(layout.title)}</h1>
${layout.banner ? `<p class="banner">${h(layout.banner)}</p>` : ""}
<p class="intro">${h(layout.intro)}</p>
</header>
<main>
${sections}
</main>
</body>
</html>
`;
}
