import { describe, expect, it } from "vitest";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { loadPack, loadPackText, type PackResult } from "@/lib/routine/load-pack";
import type { PhrasePack } from "@/lib/routine/pack";
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
    it.each<[string, string, unknown, string[]]>([
      ["a missing document id", "source.documentId", REMOVE, ["source.documentId"]],
      ["a missing step title", "steps[1].title", REMOVE, ["steps[1].title"]],
      ["a step number given as text", "steps[1].number", "2", ["steps[1].number"]],
      [
        "a phrase text that is a number",
        "steps[2].phrases[0].text",
        42,
        ["steps[2].phrases[0].text"],
      ],
      ["an empty phrase text", "steps[0].phrases[2].text", "", ["steps[0].phrases[2].text"]],
      [
        "a phrase text of only spaces",
        "steps[0].phrases[2].text",
        "   ",
        ["steps[0].phrases[2].text"],
      ],
      ["an empty English pack name", "name.en", "", ["name.en"]],
      ["an unknown schema version", "schemaVersion", 2, ["schemaVersion"]],
      ["a pack id with capitals", "id", "Regionhalsan", ["id"]],
      ["an impossible month", "source.validTo", "2027-13-19", ["source.validTo"]],
      ["a date in another format", "source.validFrom", "19/08/2025", ["source.validFrom"]],
      [
        "an unknown key on a phrase",
        "steps[0].phrases[0].tone",
        "calm",
        ["steps[0].phrases[0].tone"],
      ],
      ["an unknown key on the pack", "author", "someone", ["author"]],
      ["an unknown track", "kinds[2].track", "crisis", ["kinds[2].track"]],
      [
        "an unknown phrase action",
        "steps[0].phrases[2].action",
        "mute",
        ["steps[0].phrases[2].action"],
      ],
      ["a step without phrases", "steps[2].phrases", [], ["steps[2].phrases"]],
      ["a pack without kinds", "kinds", [], ["kinds"]],
      ["a fourth step number", "steps[2].number", 4, ["steps[2].number"]],
      ["only two steps", "steps[2]", REMOVE, ["steps"]],
      ["a duplicate phrase id", "steps[1].phrases[0].id", "calm-down", ["steps[1].phrases[0].id"]],
      ["a duplicate kind id", "kinds[4].id", "personal-attack", ["kinds[4].id"]],
      [
        "a phrase for an unknown subcase",
        "steps[0].phrases[1].kinds",
        ["inappropriate/naked"],
        ["steps[0].phrases[1].kinds[0]"],
      ],
      [
        "a phrase for an unknown kind",
        "steps[0].phrases[5].kinds",
        ["personal-attack", "shouting"],
        ["steps[0].phrases[5].kinds[1]"],
      ],
    ])("%s: %s", (_name, path, value, expectedPaths) => {
      const problems = problemsOf(loadPack(aPackWith(path, value)));
      expect(problems.map((p) => p.path)).toEqual(expectedPaths);
      for (const problem of problems) expect(problem.message.trim()).not.toBe("");
    });

    it("steps out of order: each misplaced step number", () => {
      const problems = problemsOf(loadPack(aPackWithSteps([1, 3, 2])));
      expect(problems.map((p) => p.path)).toEqual(["steps[1].number", "steps[2].number"]);
      expect(problems[0]?.message).toContain("1, 2, 3");
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
      expect(problem?.message).toBe("får inte vara tom / must not be empty");
    });

    it("only two steps says there must be three", () => {
      const [problem] = problemsOf(loadPack(aPackWith("steps[2]", REMOVE)));
      expect(problem?.message).toBe("ska ha exakt tre steg / must have exactly three steps");
    });

    it("a list where the pack should be says it must be an object, once", () => {
      expect(problemsOf(loadPack([aPack()]))).toEqual([
        { path: "", message: "ska vara ett objekt, inte en lista / must be an object, not a list" },
      ]);
    });

    it("an unknown subcase quotes the reference", () => {
      const [problem] = problemsOf(
        loadPack(aPackWith("steps[0].phrases[1].kinds", ["inappropriate/naked"])),
      );
      expect(problem?.message).toContain('"inappropriate/naked"');
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
      for (const problem of problems) expect(problem.message.trim()).not.toBe("");
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
    expect(problems[0]?.message).toMatch(/^inte giltig JSON \/ not valid JSON: .+/);
  });

  it("reports a broken pack in valid JSON by path, as for an object", () => {
    const text = JSON.stringify(aPackWith("steps[1].phrases[0].text", ""));
    expect(pathsOf(loadPackText(text))).toEqual(["steps[1].phrases[0].text"]);
  });
});
