/**
 * The report's HTML put into the report page itself, so that the browser's own print flows it
 * over as many pages as it takes (a frame is printed as one box, cut at its height).
 *
 * The report holds the coach's and the client's words. They are escaped when the HTML is made
 * (lib/draft/render-html.ts); here the HTML is parsed into a document that runs nothing
 * (DOMParser), and only the elements and attributes the renderer makes are carried over, so
 * even a renderer bug could not bring a script, a handler or a remote address into the page.
 */

const ELEMENTS = new Set([
  "header",
  "main",
  "section",
  "h1",
  "h2",
  "p",
  "div",
  "span",
  "br",
  "dl",
  "dt",
  "dd",
  "ul",
  "li",
  "time",
  "figure",
  "figcaption",
  "img",
]);
const ATTRIBUTES = new Set(["id", "class", "alt", "src"]);
/** The renderer's own image addresses: the page's blob: URLs, data: PNGs, or a file name. */
const SAFE_SRC =
  /^(blob:chrome-extension:|blob:moz-extension:|data:image\/(png|jpeg|webp);base64,)/;

export interface ReportContent {
  /** The report's style sheet, page margins (header, page numbers) included. */
  css: string;
  /** The report's body, checked, ready to be put into the page. */
  body: DocumentFragment;
}

function copyChecked(from: Node, into: Node, doc: Document) {
  for (const child of Array.from(from.childNodes)) {
    if (child.nodeType === child.TEXT_NODE) {
      into.appendChild(doc.createTextNode(child.textContent ?? ""));
      continue;
    }
    if (child.nodeType !== child.ELEMENT_NODE) continue;
    const element = child as Element;
    const name = element.localName;
    if (!ELEMENTS.has(name)) continue;
    const copy = doc.createElement(name);
    for (const attribute of Array.from(element.attributes)) {
      if (!ATTRIBUTES.has(attribute.name)) continue;
      if (attribute.name === "src" && (name !== "img" || !SAFE_SRC.test(attribute.value))) {
        continue;
      }
      copy.setAttribute(attribute.name, attribute.value);
    }
    copyChecked(element, copy, doc);
    into.appendChild(copy);
  }
}

/** Parses the report's HTML and returns its style and its body as nodes of `doc`. */
export function reportContent(html: string, doc: Document): ReportContent {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  const css = Array.from(parsed.head.querySelectorAll("style"))
    .map((style) => style.textContent ?? "")
    .join("\n");
  const body = doc.createDocumentFragment();
  copyChecked(parsed.body, body, doc);
  return { css, body };
}
