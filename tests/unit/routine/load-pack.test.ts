import { describe, expect, it } from "vitest";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { loadPack, loadPackText, type PackResult } from "@/lib/routine/load-pack";
import type { PhrasePack } from "@/lib/routine/pack";
import type { PackProblem } from "@/lib/routine/pack-problem";
import { translator } from "@/lib/i18n/messages";
import { describePackProblem } from "@/lib/settings/describe";
import { aPack } from "../builders";

const REMOVE = Symbol("remove");

/** The pack with the value at `path` (e.g. "steps[0].phrases[2].text") replaced or removed. */
function aPackWith(path: string, value: unknown): unknown {
  const pack = aPack() as unknown as Record<string, unknown>;
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let at: Record<string, unknown> = pack;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = keys.at(-1) as string;
  if (value === REMOVE) {
    if (Array.isArray(at)) at.splice(Number(last), 1);
    else delete at[last];
  } else {
    at[last] = value;
  }
  return pack;
}

function problemsOf(result: PackResult) {
  if (result.ok) throw new Error("expected the pack to be refused, but it loaded");
  return result.problems;
}

const sv = (problem: PackProblem | undefined) =>
  problem ? describePackProblem(problem, translator("sv")) : "";
const en = (problem: PackProblem | undefined) =>
  problem ? describePackProblem(problem, translator("en")) : "";

/** Worded in both languages, every placeholder filled. */
function expectWorded(problem: PackProblem) {
  for (const words of [sv(problem), en(problem)]) {
    expect(words.trim()).not.toBe("");
    expect(words).not.toMatch(/\{\w+\}/);
  }
}

function pathsOf(result: PackResult): string[] {
  return problemsOf(result).map((p) => p.path);
}

function aPackWithSteps(order: number[]): unknown {
  const pack = aPack();
  pack.steps = order.map((n) =>
    structuredClone(BUILTIN_PACK.steps[n - 1] as PhrasePack["steps"][0]),
  );
  return pack;
}

describe("loading a phrase pack", () => {
  it("accepts a valid pack", () => {
    const result = loadPack(aPack());
    expect(result.ok).toBe(true);
  });

  it("keeps a notice to read before recording, in both languages, and refuses one in one language", () => {
    const notice = { sv: "Spela in bara vid hot.", en: "Record only when threatened." };
    const result = loadPack({ ...aPack(), recordingNotice: notice });
    expect(result.ok && result.pack.recordingNotice).toEqual(notice);
    const half = loadPack({ ...aPack(), recordingNotice: { sv: "Bara svenska." } });
    expect(half.ok).toBe(false);
    expect(!half.ok && half.problems.map((p) => p.path)).toContain("recordingNotice.en");
  });

  it("accepts a pack whose phrases name a whole kind rather than a subcase", () => {
    const result = loadPack(aPackWith("steps[0].phrases[1].kinds", ["inappropriate"]));
    expect(result.ok).toBe(true);
  });

  it("accepts a pack without optional fields (subcases, phrase kinds, action)", () => {
    const pack = aPack() as unknown as { kinds: { subcases?: unknown }[] };
    delete pack.kinds[0]?.subcases;
    const result = loadPack(pack);
    expect(result.ok && result.pack.kinds[0]?.subcases).toEqual([]);
  });

  describe("names the path of what is wrong", () => {
    it.each<[string, string, unknown, string[], PackProblem["code"]]>([
      ["a missing document id", "source.documentId", REMOVE, ["source.documentId"], "missing"],
      ["a missing step title", "steps[1].title", REMOVE, ["steps[1].title"], "missing"],
      ["a step number given as text", "steps[1].number", "2", ["steps[1].number"], "not-one-of"],
      [
        "a phrase text that is a number",
        "steps[2].phrases[0].text",
        42,
        ["steps[2].phrases[0].text"],
        "not-text",
      ],
      [
        "an empty phrase text",
        "steps[0].phrases[2].text",
        "",
        ["steps[0].phrases[2].text"],
        "empty",
      ],
      [
        "a phrase text of only spaces",
        "steps[0].phrases[2].text",
        "   ",
        ["steps[0].phrases[2].text"],
        "empty",
      ],
      ["an empty English pack name", "name.en", "", ["name.en"], "empty"],
      ["an unknown schema version", "schemaVersion", 2, ["schemaVersion"], "not-one-of"],
      ["a pack id with capitals", "id", "Regionhalsan", ["id"], "not-an-id"],
      ["an impossible month", "source.validTo", "2027-13-19", ["source.validTo"], "not-a-date"],
      [
        "a date in another format",
        "source.validFrom",
        "19/08/2025",
        ["source.validFrom"],
        "not-a-date",
      ],
      [
        "an unknown key on a phrase",
        "steps[0].phrases[0].tone",
        "calm",
        ["steps[0].phrases[0].tone"],
        "unknown-key",
      ],
      ["an unknown key on the pack", "author", "someone", ["author"], "unknown-key"],
      ["an unknown track", "kinds[2].track", "crisis", ["kinds[2].track"], "not-one-of"],
      [
        "an unknown phrase action",
        "steps[0].phrases[2].action",
        "mute",
        ["steps[0].phrases[2].action"],
        "not-one-of",
      ],
      ["a step without phrases", "steps[2].phrases", [], ["steps[2].phrases"], "empty-list"],
      ["a pack without kinds", "kinds", [], ["kinds"], "empty-list"],
      ["a fourth step number", "steps[2].number", 4, ["steps[2].number"], "not-one-of"],
      ["only two steps", "steps[2]", REMOVE, ["steps"], "not-three-steps"],
      [
        "a duplicate phrase id",
        "steps[1].phrases[0].id",
        "calm-down",
        ["steps[1].phrases[0].id"],
        "duplicate",
      ],
      ["a duplicate kind id", "kinds[4].id", "personal-attack", ["kinds[4].id"], "duplicate"],
      [
        "a phrase for an unknown subcase",
        "steps[0].phrases[1].kinds",
        ["inappropriate/naked"],
        ["steps[0].phrases[1].kinds[0]"],
        "unknown-kind",
      ],
      [
        "a phrase for an unknown kind",
        "steps[0].phrases[5].kinds",
        ["personal-attack", "shouting"],
        ["steps[0].phrases[5].kinds[1]"],
        "unknown-kind",
      ],
    ])("%s: %s", (_name, path, value, expectedPaths, code) => {
      const problems = problemsOf(loadPack(aPackWith(path, value)));
      expect(problems.map((p) => p.path)).toEqual(expectedPaths);
      expect(problems.map((p) => p.code)).toEqual(expectedPaths.map(() => code));
      for (const problem of problems) expectWorded(problem);
    });

    it("steps out of order: each misplaced step number", () => {
      const problems = problemsOf(loadPack(aPackWithSteps([1, 3, 2])));
      expect(problems.map((p) => p.path)).toEqual(["steps[1].number", "steps[2].number"]);
      expect(problems[0]).toMatchObject({ code: "step-out-of-order", expected: 2 });
      expect(sv(problems[0])).toContain("ska vara 2, stegen i ordning 1, 2, 3");
      expect(en(problems[0])).toContain("must be 2: the steps in order 1, 2, 3");
    });

    it("the same step twice: the step out of place", () => {
      expect(pathsOf(loadPack(aPackWithSteps([1, 1, 3])))).toContain("steps[1].number");
    });

    it("several problems at once, all of them", () => {
      const pack = aPackWith("steps[0].phrases[2].text", "") as PhrasePack;
      (pack.source as { validTo: string }).validTo = "soon";
      expect(pathsOf(loadPack(pack)).sort()).toEqual([
        "source.validTo",
        "steps[0].phrases[2].text",
      ]);
    });

    it("an empty phrase text says it must not be empty", () => {
      const [problem] = problemsOf(loadPack(aPackWith("steps[0].phrases[2].text", "")));
      expect(problem?.code).toBe("empty");
      expect(sv(problem)).toMatch(/^får inte vara tom\./);
      expect(en(problem)).toMatch(/^must not be empty\./);
    });

    it("only two steps says there must be three", () => {
      const [problem] = problemsOf(loadPack(aPackWith("steps[2]", REMOVE)));
      expect(problem).toMatchObject({ path: "steps", code: "not-three-steps", count: 2 });
      expect(sv(problem)).toBe("ska ha exakt tre steg, har 2.");
      expect(en(problem)).toBe("must have exactly three steps, has 2.");
    });

    it("a list where the pack should be says it must be an object, once", () => {
      const problems = problemsOf(loadPack([aPack()]));
      expect(problems).toEqual([{ path: "", code: "list-not-object" }]);
      expect(sv(problems[0])).toMatch(/^ska vara ett objekt, inte en lista\./);
      expect(en(problems[0])).toMatch(/^must be an object, not a list\./);
    });

    it("an unknown subcase quotes the reference", () => {
      const [problem] = problemsOf(
        loadPack(aPackWith("steps[0].phrases[1].kinds", ["inappropriate/naked"])),
      );
      expect(problem).toMatchObject({ code: "unknown-kind", value: "inappropriate/naked" });
      expect(sv(problem)).toContain("okänd typ ”inappropriate/naked”");
      expect(en(problem)).toContain('unknown kind "inappropriate/naked"');
    });

    it.each<[string, string, unknown, string, string]>([
      [
        "an unknown track",
        "kinds[2].track",
        "crisis",
        'ska vara ett av "three-steps" | "self-harm", inte "crisis".',
        'must be one of "three-steps" | "self-harm", not "crisis".',
      ],
      [
        "a step number given as text",
        "steps[1].number",
        "2",
        'ska vara ett av 1 | 2 | 3, inte "2".',
        'must be one of 1 | 2 | 3, not "2".',
      ],
      [
        "a date in another format",
        "source.validFrom",
        "19/08/2025",
        "ska vara ett datum ÅÅÅÅ-MM-DD, inte ”19/08/2025”.",
        'must be a date YYYY-MM-DD, not "19/08/2025".',
      ],
      [
        "a missing document id",
        "source.documentId",
        REMOVE,
        "saknas. Lägg till fältet.",
        "is missing. Add the field.",
      ],
    ])("%s says what it should be, in Swedish and in English", (_name, path, value, s, e) => {
      const [problem] = problemsOf(loadPack(aPackWith(path, value)));
      expect(sv(problem)).toBe(s);
      expect(en(problem)).toBe(e);
    });

    it("quotes a long value only in part", () => {
      const [problem] = problemsOf(loadPack(aPackWith("id", "X".repeat(5000))));
      expect(problem).toMatchObject({ code: "not-an-id", value: `${"X".repeat(80)}…` });
    });

    it.each<[string, unknown]>([
      ["null", null],
      ["undefined", undefined],
      ["an array", [aPack()]],
      ["a string", JSON.stringify(aPack())],
      ["a number", 3],
      ["an empty object", {}],
    ])("%s as the whole pack: the pack itself (or its fields)", (_name, input) => {
      const problems = problemsOf(loadPack(input));
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) expectWorded(problem);
      if (input === null || typeof input !== "object" || Array.isArray(input)) {
        expect(problems.map((p) => p.path)).toEqual([""]);
      } else {
        expect(problems.map((p) => p.path)).toEqual(
          expect.arrayContaining(["schemaVersion", "id", "name", "source", "kinds", "steps"]),
        );
      }
    });
  });
});

describe("loading a pack file's text", () => {
  it("accepts the JSON of a valid pack", () => {
    expect(loadPackText(JSON.stringify(BUILTIN_PACK))).toEqual({ ok: true, pack: BUILTIN_PACK });
  });

  it.each([
    ["truncated JSON", JSON.stringify(BUILTIN_PACK).slice(0, 200)],
    ["an empty file", ""],
    ["a trailing comma", '{"schemaVersion": 1,}'],
    ["not JSON at all", "schemaVersion: 1"],
  ])("reports %s as a problem with the pack itself, without throwing", (_name, text) => {
    const problems = problemsOf(loadPackText(text));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("");
    expect(problems[0]).toMatchObject({ code: "not-json", error: expect.stringMatching(/.+/) });
    expect(sv(problems[0])).toMatch(/^inte giltig JSON: .+/);
    expect(en(problems[0])).toMatch(/^not valid JSON: .+/);
  });

  it("reports a broken pack in valid JSON by path, as for an object", () => {
    const text = JSON.stringify(aPackWith("steps[1].phrases[0].text", ""));
    expect(pathsOf(loadPackText(text))).toEqual(["steps[1].phrases[0].text"]);
  });
});
