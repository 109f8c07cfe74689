import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/messages";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { loadPack, loadPackText } from "@/lib/routine/load-pack";
import { describePackProblem } from "@/lib/settings/describe";

const sv = translator("sv");
const pack = () => structuredClone(BUILTIN_PACK) as unknown as Record<string, never>;

describe("phrase pack limits", () => {
  it("refuses a 20 MB phrase with a clear limit", () => {
    const big = structuredClone(BUILTIN_PACK);
    big.steps[0]!.phrases[0]!.text = "x".repeat(20_000_000);
    const result = loadPack(big);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: "steps[0].phrases[0].text", code: "too-long", max: 2000 },
    ]);
    expect(describePackProblem(result.problems[0]!, sv)).toBe(
      "är för lång: högst 2000 tecken. Korta texten.",
    );
  });

  it("refuses 200,000 phrases", () => {
    const many = structuredClone(BUILTIN_PACK);
    const phrase = many.steps[0]!.phrases[0]!;
    many.steps[0]!.phrases = Array.from({ length: 200_000 }, (_, i) => ({
      ...phrase,
      id: `p-${i}`,
    }));
    const result = loadPack(many);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual({
        path: "steps[0].phrases",
        code: "too-many",
        max: 50,
      });
    }
  });

  it("refuses a file too large to be a pack before reading it", () => {
    const result = loadPackText(" ".repeat(1_000_001));
    expect(result).toEqual({
      ok: false,
      problems: [{ path: "", code: "too-large", max: 1_000_000 }],
    });
  });

  it("refuses a validity that ends before it starts, naming both dates", () => {
    const backwards = structuredClone(BUILTIN_PACK);
    backwards.source.validFrom = "2027-08-19";
    backwards.source.validTo = "2025-08-19";
    const result = loadPack(backwards);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: "source.validTo",
        code: "ends-before-start",
        from: "2027-08-19",
        to: "2025-08-19",
      },
    ]);
    expect(describePackProblem(result.problems[0]!, sv)).toBe(
      "giltighetstiden slutar (2025-08-19) före den börjar (2027-08-19). Rätta datumen.",
    );
  });

  it("still accepts the routine's own pack", () => {
    expect(loadPack(pack()).ok).toBe(true);
  });
});
