import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { buildDraft } from "@/lib/draft/build";
import { emptyEdits } from "@/lib/draft/edits";
import { renderHtml } from "@/lib/draft/render-html";
import { renderMarkdown } from "@/lib/draft/render-markdown";
import { renderText } from "@/lib/draft/render-text";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { translator } from "@/lib/i18n/messages";
import { loadPack, loadPackText } from "@/lib/routine/load-pack";
import { describePackProblem } from "@/lib/settings/describe";
import { seededRandom } from "../builders";
import { aDraftInput, started } from "../draft/sessions";

// Generated hostile input: the pack importer and the draft renderers must give
// clear errors or escaped output, never a crash and never live markup.

const ATTACKS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[klicka](javascript:alert(1))",
  "![](http://evil.example/x.png)",
  "`kod` **fet** # rubrik",
  "\u0000\u0007\u001b[31m\u202e",
  "</textarea><svg onload=alert(1)>",
  '" onmouseover="alert(1)',
];

function hostileString(rand: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < n; i++) {
    const pick = rand();
    if (pick < 0.5) parts.push(ATTACKS[Math.floor(rand() * ATTACKS.length)] as string);
    else if (pick < 0.6) parts.push("x".repeat(Math.floor(rand() * 200_000)));
    else
      parts.push(
        String.fromCharCode(...Array.from({ length: 20 }, () => Math.floor(rand() * 0xffff))),
      );
  }
  return parts.join(" ");
}

/** Random JSON of any shape, a few levels deep. */
function randomJson(rand: () => number, depth = 0): unknown {
  const pick = rand();
  if (depth > 3 || pick < 0.3) {
    const leaves = [null, true, 0, -1, 1e308, "", hostileString(rand), [], {}];
    return leaves[Math.floor(rand() * leaves.length)];
  }
  if (pick < 0.6)
    return Array.from({ length: Math.floor(rand() * 4) }, () => randomJson(rand, depth + 1));
  const keys = [
    "schemaVersion",
    "id",
    "name",
    "source",
    "kinds",
    "steps",
    "phrases",
    "text",
    "sv",
    "en",
    "number",
  ];
  return Object.fromEntries(
    Array.from({ length: Math.floor(rand() * 6) }, () => [
      keys[Math.floor(rand() * keys.length)] as string,
      randomJson(rand, depth + 1),
    ]),
  );
}

/** The built-in pack with one random place replaced by random JSON. */
function mutatedPack(rand: () => number): unknown {
  const pack = structuredClone(BUILTIN_PACK) as unknown as Record<string, unknown>;
  let node: Record<string, unknown> | unknown[] = pack;
  for (let depth = 0; depth < 4; depth++) {
    const keys = Object.keys(node);
    const key = keys[Math.floor(rand() * keys.length)];
    if (key === undefined) break;
    const child = (node as Record<string, unknown>)[key];
    if (child && typeof child === "object" && rand() < 0.7) {
      node = child as Record<string, unknown>;
      continue;
    }
    (node as Record<string, unknown>)[key] = randomJson(rand);
    break;
  }
  return pack;
}

describe("the pack importer under generated input", () => {
  it.each(Array.from({ length: 300 }, (_, i) => i))(
    "seed %i: answers with a pack or with problems that name a path, never a throw",
    (seed) => {
      const rand = seededRandom(seed);
      const input = seed % 3 === 0 ? randomJson(rand) : mutatedPack(rand);
      const result = loadPack(input);
      if (!result.ok) {
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) {
          expect(typeof problem.path).toBe("string");
          for (const lang of ["sv", "en"] as const) {
            const words = describePackProblem(problem, translator(lang));
            expect(words.length).toBeGreaterThan(0);
            expect(words.length).toBeLessThan(500);
          }
        }
      }
      const text = seed % 5 === 0 ? JSON.stringify(input).slice(0, seed) : JSON.stringify(input);
      expect(() => loadPackText(text ?? "")).not.toThrow();
    },
  );
});

describe("the draft renderers under generated hostile text", () => {
  const markdown = new MarkdownIt({ html: true });

  it.each(Array.from({ length: 40 }, (_, i) => i))("seed %i: escapes everything", async (seed) => {
    const rand = seededRandom(1000 + seed);
    const hostile = () => hostileString(rand);
    const input = await aDraftInput(
      [
        [0, started(["personal-attack"])],
        [5, { type: "note", text: hostile() }],
        [9, { type: "threat-detail", field: "words", value: hostile() }],
      ],
      {
        edits: { ...emptyEdits(), description: hostile(), actions: hostile(), unit: hostile() },
      },
    );
    input.session = { ...input.session, title: hostile(), origin: hostile() };
    const draft = buildDraft(input);
    const html = renderHtml(draft);
    const fromMarkdown = markdown.render(renderMarkdown(draft));
    expect(() => renderText(draft)).not.toThrow();
    for (const out of [html, fromMarkdown]) {
      expect(out).not.toMatch(/<script|<img[^>]*onerror|<svg[^>]*onload|href="javascript:/i);
    }
    expect(fromMarkdown).not.toMatch(/<img[^>]*src="http:\/\/evil/);
  });
});
