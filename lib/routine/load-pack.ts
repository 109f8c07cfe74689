import * as v from "valibot";
import type { PhrasePack } from "./pack";
import { type PackProblem, packProblemOf, quoted } from "./pack-problem";
import { PACK_LIMITS, PhrasePackSchema } from "./schema";

export type PackResult = { ok: true; pack: PhrasePack } | { ok: false; problems: PackProblem[] };

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = "";
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === "number" ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Checks that references inside a well-formed pack point somewhere. */
function crossCheck(pack: PhrasePack): PackProblem[] {
  const problems: PackProblem[] = [];
  const { validFrom: from, validTo: to } = pack.source;
  if (from > to) problems.push({ path: "source.validTo", code: "ends-before-start", from, to });
  const kindRefs = new Set<string>();
  pack.kinds.forEach((kind, k) => {
    if (kindRefs.has(kind.id)) {
      problems.push({ path: `kinds[${k}].id`, code: "duplicate", value: quoted(kind.id) });
    }
    kindRefs.add(kind.id);
    for (const sub of kind.subcases) kindRefs.add(`${kind.id}/${sub.id}`);
  });
  const phraseIds = new Set<string>();
  pack.steps.forEach((step, s) => {
    if (step.number !== s + 1) {
      problems.push({ path: `steps[${s}].number`, code: "step-out-of-order", expected: s + 1 });
    }
    step.phrases.forEach((phrase, p) => {
      const at = `steps[${s}].phrases[${p}]`;
      if (phraseIds.has(phrase.id)) {
        problems.push({ path: `${at}.id`, code: "duplicate", value: quoted(phrase.id) });
      }
      phraseIds.add(phrase.id);
      phrase.kinds?.forEach((ref, r) => {
        if (!kindRefs.has(ref)) {
          problems.push({ path: `${at}.kinds[${r}]`, code: "unknown-kind", value: quoted(ref) });
        }
      });
    });
  });
  return problems;
}

/** Validates unknown input (an imported file, managed storage) as a phrase pack. */
export function loadPack(input: unknown): PackResult {
  // Valibot's object schemas accept arrays (typeof [] === "object") and would report each
  // missing key plus a bogus key "0"; a list where the pack should be is one problem.
  if (Array.isArray(input)) return { ok: false, problems: [{ path: "", code: "list-not-object" }] };
  const parsed = v.safeParse(PhrasePackSchema, input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.issues.map((issue) => ({ path: pathOf(issue), ...packProblemOf(issue) })),
    };
  }
  const problems = crossCheck(parsed.output);
  return problems.length ? { ok: false, problems } : { ok: true, pack: parsed.output };
}

/** Parses a pack file's text; malformed JSON is a problem like any other, never a throw. */
export function loadPackText(text: string): PackResult {
  if (text.length > PACK_LIMITS.fileChars) {
    return { ok: false, problems: [{ path: "", code: "too-large", max: PACK_LIMITS.fileChars }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: "", code: "not-json", error: String(error) }] };
  }
  return loadPack(json);
}
