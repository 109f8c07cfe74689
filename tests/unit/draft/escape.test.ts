import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { buildDraft } from "@/lib/draft/build";
import { emptyEdits } from "@/lib/draft/edits";
import { cssString, escapeHtml, escapeMarkdown, markdownProse } from "@/lib/draft/escape";
import { renderHtml } from "@/lib/draft/render-html";
import { renderJson } from "@/lib/draft/render-json";
import { renderMarkdown } from "@/lib/draft/render-markdown";
import { renderText } from "@/lib/draft/render-text";
import { anEvent } from "../builders";
import { aDraftInput, aLog, aScreenshot, aSessionRecord, started, type Timed } from "./sessions";

const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "[x](javascript:alert(1))",
  "![](http://evil.example/p.png)",
  "<http://evil.example>",
  "`code` and ```fence```",
  "# heading",
  "> quote",
  "- item",
  "1. item",
  "***",
  "&lt;script&gt;",
  "| a | b |",
  "[ref]: http://evil.example",
];
const CONTROLS = "bell\u0007 escape\u001b[31m nul\u0000 bidi\u202Eevil\u202C del\u007f";
const LONG = "A".repeat(100_000);

/** A session in which everything a coach or a page can type is hostile. */
async function hostileDraft() {
  const joined = HOSTILE.join(" ");
  const shot = await aScreenshot("evidence-1", 30, {
    caption: `${joined}\n# caption`,
    title: `${LONG}<script>`,
    origin: 'https://evil.example"><script>alert(1)</script>',
  });
  const timed: Timed[] = [
    [
      0,
      {
        ...started(["personal-attack"]),
        title: `${LONG}<img src=x onerror=alert(1)>`,
        origin: "javascript:alert(1)//<script>",
      },
    ],
    ...HOSTILE.map((text, i): Timed => [i + 1, anEvent("note", { text })]),
    [20, anEvent("note", { text: CONTROLS })],
    [21, anEvent("note", { text: "fine\n\nKONTROLLSUMMOR OCH LOGGKEDJA\n# fake" })],
    [22, anEvent("threat-detail", { field: "words", value: "<b onmouseover=alert(1)>hej</b>" })],
    [30, shot.event],
  ];
  const events = await aLog(timed);
  const session = aSessionRecord(events, {
    title: `${LONG}<img src=x onerror=alert(1)>`,
    origin: "javascript:alert(1)//<script>",
  });
  const edits = {
    ...emptyEdits(),
    description: HOSTILE.join("\n"),
    actions: `${CONTROLS}\n===\n---`,
    unit: "<iframe src=//evil.example>",
    policeReportNumber: "[K-1](javascript:alert(1))",
    clientIdentity: "<script>steal()</script>",
  };
  return buildDraft(await aDraftInput([], { events, session, edits, evidence: [shot.record] }));
}

describe("HTML with hostile text", () => {
  it("renders every hostile string as text: no script, handler, frame or foreign image", async () => {
    const html = renderHtml(await hostileDraft());
    const doc = new DOMParser().parseFromString(html, "text/html");
    expect(doc.querySelectorAll("script, iframe, svg, object, embed, a, link, b").length).toBe(0);
    for (const el of doc.querySelectorAll("*")) {
      const handlers = [...el.attributes].filter((a) => a.name.startsWith("on"));
      expect(handlers).toEqual([]);
    }
    const srcs = [...doc.querySelectorAll("img")].map((img) => img.getAttribute("src"));
    expect(srcs).toEqual(["screenshots/01-140030.png"]);
    const body = doc.body.textContent ?? "";
    for (const text of HOSTILE) expect(body).toContain(text);
    expect(body).toContain("<script>steal()</script>");
  });

  it("drops control and bidi-override characters", async () => {
    const html = renderHtml(await hostileDraft());
    // eslint-disable-next-line no-control-regex -- looking for controls is the point
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e]/);
    expect(html).toContain("bell escape[31m nul bidievil del");
  });

  it("cuts a page title of any length to one a report can hold", async () => {
    const doc = new DOMParser().parseFromString(renderHtml(await hostileDraft()), "text/html");
    const title = [...doc.querySelectorAll("dd")].find((dd) => dd.textContent?.startsWith("AAA"));
    expect(title?.textContent).toHaveLength(300);
    expect(title?.textContent?.endsWith("…")).toBe(true);
  });

  it("puts the unit into the printed pages' header as a CSS string it cannot leave", async () => {
    const html = renderHtml(await hostileDraft());
    const doc = new DOMParser().parseFromString(html, "text/html");
    expect(doc.querySelectorAll("style")).toHaveLength(1);
    const css = doc.querySelector("style")?.textContent ?? "";
    expect(css).toContain('Enhet: \\3c iframe src=//evil.example\\3e "');
    expect(cssString('a"b\\c</style>\nd')).toBe('"a\\22 b\\5c c\\3c /style\\3e  d"');
  });

  it("escapes quotes, so a value cannot leave an attribute", () => {
    expect(escapeHtml(`"' onload=x <a>&`)).toBe("&quot;&#39; onload=x &lt;a&gt;&amp;");
  });
});

describe("Markdown with hostile text", () => {
  // The most permissive reader: raw HTML allowed.
  const reader = new MarkdownIt({ html: true, linkify: false });
  const read = (md: string) => new DOMParser().parseFromString(reader.render(md), "text/html");

  it.each(HOSTILE)("renders %j as the text it is", (text) => {
    const doc = read(`- ${escapeMarkdown(text)}`);
    expect(doc.querySelector("ul > li")?.textContent).toBe(text);
    expect(doc.querySelectorAll("a, img, script, code, h1, blockquote, ol, hr, table").length).toBe(
      0,
    );
  });

  it.each(HOSTILE)("keeps %j as text at the start of a paragraph too", (text) => {
    const doc = read(markdownProse(text));
    expect(doc.body.children.length).toBe(1);
    expect(doc.body.firstElementChild?.tagName).toBe("P");
    expect(doc.body.textContent?.trim()).toBe(text);
  });

  it("keeps the report's own structure whatever the notes say", async () => {
    const doc = read(renderMarkdown(await hostileDraft()));
    expect(
      doc.querySelectorAll("script, iframe, svg, a, img, code, pre, blockquote, table, hr").length,
    ).toBe(0);
    expect(doc.querySelectorAll("h1").length).toBe(1);
    const headings = [...doc.querySelectorAll("h2")].map((h) => h.textContent);
    expect(headings).toHaveLength(new Set(headings).size);
    expect(headings).not.toContain("heading");
    expect(doc.body.textContent).toContain("[x](javascript:alert(1))");
    expect(doc.body.textContent).toContain("<script>steal()</script>");
  });

  it("keeps line breaks of free text without letting a line become a heading or a rule", () => {
    const doc = read(markdownProse("Rad ett\n# rubrik\n---\n===\n    kod"));
    expect(doc.querySelectorAll("h1, h2, hr, pre").length).toBe(0);
    expect(doc.querySelectorAll("br").length).toBe(4);
  });
});

describe("plain text with hostile text", () => {
  it("keeps each value on its own line, so a note cannot pose as a heading", async () => {
    const lines = renderText(await hostileDraft()).split("\n");
    expect(lines.filter((l) => l === "KONTROLLSUMMOR OCH LOGGKEDJA")).toHaveLength(1);
    expect(lines.filter((l) => l === "# fake")).toHaveLength(0);
    expect(lines).toContain("14:00:21  Anteckning: fine KONTROLLSUMMOR OCH LOGGKEDJA # fake");
  });

  it("drops control characters, keeps the rest of the text", async () => {
    const text = renderText(await hostileDraft());
    // eslint-disable-next-line no-control-regex -- looking for controls is the point
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/);
    expect(text).toContain("14:00:20  Anteckning: bell escape[31m nul bidievil del");
  });

  it("cuts a page title of any length, and stays a reasonable size", async () => {
    const text = renderText(await hostileDraft());
    expect(text).toContain(`Sidans titel: ${"A".repeat(299)}…`);
    expect(text.length).toBeLessThan(20_000);
  });
});

describe("JSON with hostile text", () => {
  it("keeps every value exactly, as JSON escapes it", async () => {
    const draft = await hostileDraft();
    const json = JSON.parse(renderJson(draft));
    expect(json.channel.title).toBe(`${LONG}<img src=x onerror=alert(1)>`);
    expect(json.coach.notes.map((n: { text: string }) => n.text)).toContain(CONTROLS);
  });
});
