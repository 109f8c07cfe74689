import { describe, expect, it } from "vitest";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import {
  findKind,
  isSelfHarm,
  kindLabel,
  kindOf,
  type Phrase,
  phraseFits,
  phrasesFor,
  type Step,
  stepOf,
} from "@/lib/routine/pack";
import { aPack } from "../builders";

function aPhrase(overrides: Partial<Phrase> = {}): Phrase {
  return { id: "p", text: "En fras.", source: "Test", ...overrides };
}

function aStep(phrases: Phrase[]): Step {
  return {
    number: 1,
    title: { sv: "Lugna ner", en: "Calm down" },
    guidance: { sv: "Gör så.", en: "Do so." },
    phrases,
  };
}

describe("kind references", () => {
  it.each([
    ["inappropriate/undressed", "inappropriate"],
    ["personal-attack", "personal-attack"],
  ])("reads the kind of %s as %s", (ref, kind) => {
    expect(kindOf(ref)).toBe(kind);
  });

  it("finds the kind of a subcase reference", () => {
    expect(findKind(BUILTIN_PACK, "inappropriate/driving")?.id).toBe("inappropriate");
    expect(findKind(BUILTIN_PACK, "no-such-kind")).toBeUndefined();
  });

  it.each([
    ["inappropriate/undressed", "sv", "Opassande beteende i videosamtalet – Bar överkropp"],
    ["inappropriate/undressed", "en", "Inappropriate behaviour in the call – Undressed upper body"],
    ["inappropriate", "sv", "Opassande beteende i videosamtalet"],
    ["raised-voice", "en", "Raised voice, threatening tone"],
    ["inappropriate/no-such-subcase", "sv", "Opassande beteende i videosamtalet"],
    ["no-such-kind", "sv", "no-such-kind"],
  ] as const)("labels %s in %s as %j", (ref, lang, label) => {
    expect(kindLabel(BUILTIN_PACK, ref, lang)).toBe(label);
  });
});

describe("steps and phrases", () => {
  it.each([1, 2, 3] as const)("finds step %i by its number", (n) => {
    expect(stepOf(BUILTIN_PACK, n).number).toBe(n);
  });

  it("says which pack lacks a step instead of returning nothing", () => {
    const pack = aPack();
    pack.steps = pack.steps.filter((s) => s.number !== 2);
    expect(() => stepOf(pack, 2)).toThrow(`Phrase pack ${pack.id} has no step 2`);
  });
});

describe("which phrases fit the chosen kinds", () => {
  it.each<[string, string[] | undefined, string[], boolean]>([
    ["a general phrase fits any kind", undefined, ["raised-voice"], true],
    ["a phrase with an empty kind list is general", [], ["raised-voice"], true],
    [
      "a phrase for a subcase fits that subcase",
      ["inappropriate/driving"],
      ["inappropriate/driving"],
      true,
    ],
    [
      "a phrase for a subcase does not fit a sibling",
      ["inappropriate/driving"],
      ["inappropriate/undressed"],
      false,
    ],
    [
      "a phrase for a subcase does not fit its bare kind",
      ["inappropriate/driving"],
      ["inappropriate"],
      false,
    ],
    [
      "a phrase for a kind fits each of its subcases",
      ["inappropriate"],
      ["inappropriate/driving"],
      true,
    ],
    ["a phrase for a kind does not fit another kind", ["personal-attack"], ["raised-voice"], false],
    [
      "one matching kind among several is enough",
      ["raised-voice"],
      ["meet-outside", "raised-voice"],
      true,
    ],
    ["a specific phrase does not fit when no kind is chosen", ["raised-voice"], [], false],
  ])("%s", (_name, phraseKinds, chosen, fits) => {
    expect(phraseFits(aPhrase({ kinds: phraseKinds }), chosen)).toBe(fits);
  });

  it("lists the phrases written for the situation first, then the general ones, each in pack order", () => {
    const step = aStep([
      aPhrase({ id: "general-a" }),
      aPhrase({ id: "for-driving", kinds: ["inappropriate/driving"] }),
      aPhrase({ id: "general-b" }),
      aPhrase({ id: "for-inappropriate", kinds: ["inappropriate"] }),
      aPhrase({ id: "for-attack", kinds: ["personal-attack"] }),
    ]);
    expect(phrasesFor(step, ["inappropriate/driving"]).map((p) => p.id)).toEqual([
      "for-driving",
      "for-inappropriate",
      "general-a",
      "general-b",
    ]);
  });
});

describe("self-harm threats", () => {
  it.each<[string[], boolean]>([
    [["self-harm-threat"], true],
    [["personal-attack", "self-harm-threat"], true],
    [["personal-attack"], false],
    [["inappropriate/undressed"], false],
    [[], false],
    [["no-such-kind"], false],
  ])("kinds %j switch to the self-harm guidance: %s", (kinds, expected) => {
    expect(isSelfHarm(BUILTIN_PACK, kinds)).toBe(expected);
  });
});
