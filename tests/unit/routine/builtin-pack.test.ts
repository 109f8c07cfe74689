import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { loadPack } from "@/lib/routine/load-pack";
import { type Phrase, phrasesFor, type StepNumber, stepOf } from "@/lib/routine/pack";

// The source documents live beside the repo (../shared/seeds). A missing file is a failure,
// not a skip: without it nothing proves the coach is reading the routine's own words.
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

function readSeed(name: string): string {
  const path = resolve(REPO_ROOT, "../shared/seeds", name);
  if (!existsSync(path)) {
    throw new Error(`Source document missing: ${path}. The phrase checks need it; do not skip.`);
  }
  return readFileSync(path, "utf8");
}

const ROUTINE_TEXT = readSeed("000_1a6b9c0c50a6c0c7.txt");
const HANDBOOK_TEXT = readSeed("002_0a8aee42ebd1c8af.txt");

function phrasesOfStep(step: StepNumber): Phrase[] {
  return stepOf(BUILTIN_PACK, step).phrases;
}

const ROUTINE_PHRASES: [StepNumber, string][] = [
  [1, "Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig."],
  [1, "Jag vill att du klär på dig på överkroppen innan vi fortsätter vårt samtal"],
  [1, "Jag vill att du parkerar bilen för att vi ska kunna fortsätta med detta samtal"],
  [1, "Jag väntar två minuter medans du tar på dig kläder"],
  [
    1,
    "Jag vill att du lugnar ner dig för att jag ska få en möjlighet att hjälpa dig. Coachningen fokuserar på dig och jag utgår från våra rutiner och vårt arbetssätt. Jag vill att du lugnar ner dig så jag kan förklara",
  ],
  [1, "Jag skulle uppskatta om du tog det där samtalet efteråt"],
  [2, "Fortsätter du att vara aggressiv/respektlös kommer jag avsluta samtalet"],
  [
    2,
    "Fortsätter du att inte ta på dig på överkroppen eller stanna bilen kommer jag att avsluta samtalet",
  ],
  [2, "Fortsätter du att vara hotfull och inte lyssnar kommer jag att behöva avsluta samtalet"],
  [3, "Jag avslutar samtalet nu! Du är välkommen att återkomma och boka en ny tid."],
  [
    3,
    "Jag ber att du går in och bokar en ny tid för vårt samtal, då jag ser att du inte kan ägna dig fullt ut åt samtalet, då det är många i samma rum/då jag hör att det är andra i rummet",
  ],
];

const CLARIFYING_QUESTION = "Ska jag uppfatta det som ett hot?";

describe("the built-in phrase pack", () => {
  it("passes the same validation as an imported pack, unchanged by it", () => {
    const result = loadPack(BUILTIN_PACK);
    expect(result).toEqual({ ok: true, pack: BUILTIN_PACK });
  });

  it("cites the routine it implements: RHS9926-1306825477-79 v3.0, valid 2025-08-19 to 2027-08-19", () => {
    expect(BUILTIN_PACK.source).toMatchObject({
      documentId: "RHS9926-1306825477-79",
      version: "3.0",
      validFrom: "2025-08-19",
      validTo: "2027-08-19",
      organisation: "Regionhälsan",
      title: "Utsatthet vid digitala samtal",
    });
    expect(ROUTINE_TEXT).toContain("**Dokument-ID:** RHS9926-1306825477-79");
    expect(ROUTINE_TEXT).toContain("**Version:** 3.0");
    expect(ROUTINE_TEXT).toContain("**Giltig från:** 2025-08-19");
    expect(ROUTINE_TEXT).toContain("**Giltig till:** 2027-08-19");
  });

  describe.each(ROUTINE_PHRASES)("in step %i, the coach reads %j", (step, text) => {
    it("word for word as the routine writes it", () => {
      expect(ROUTINE_TEXT).toContain(text);
    });

    it("exactly once in the pack, in that step", () => {
      const homes = BUILTIN_PACK.steps
        .filter((s) => s.phrases.some((p) => p.text === text))
        .map((s) => s.number);
      expect(homes).toEqual([step]);
      expect(phrasesOfStep(step).filter((p) => p.text === text)).toHaveLength(1);
    });
  });

  it("asks the handbook's clarifying question in step 1, word for word", () => {
    expect(HANDBOOK_TEXT.toLowerCase()).toContain(CLARIFYING_QUESTION.toLowerCase());
    const homes = BUILTIN_PACK.steps
      .filter((s) => s.phrases.some((p) => p.text === CLARIFYING_QUESTION))
      .map((s) => s.number);
    expect(homes).toEqual([1]);
  });

  it("holds no phrase that is not in the source documents", () => {
    const listed = new Set([...ROUTINE_PHRASES.map(([, text]) => text), CLARIFYING_QUESTION]);
    const inPack = BUILTIN_PACK.steps.flatMap((s) => s.phrases.map((p) => p.text));
    expect(inPack.filter((text) => !listed.has(text))).toEqual([]);
    expect(inPack).toHaveLength(listed.size);
  });

  it("tells the coach in step 3 that the call ends even if the caller objects", () => {
    const guidance = stepOf(BUILTIN_PACK, 3).guidance.sv;
    expect(guidance).toBe("Samtalet avslutas även om inringaren motsätter sig detta.");
    expect(ROUTINE_TEXT).toContain(guidance);
  });

  it("has the three steps in order: calm down, warning, end the call", () => {
    expect(BUILTIN_PACK.steps.map((s) => [s.number, s.title.sv])).toEqual([
      [1, "Lugna ner"],
      [2, "Varning"],
      [3, "Avsluta samtalet"],
    ]);
  });

  it("offers the routine's five kinds of exposure", () => {
    expect(BUILTIN_PACK.kinds.map((k) => k.id)).toEqual([
      "personal-attack",
      "raised-voice",
      "self-harm-threat",
      "inappropriate",
      "meet-outside",
    ]);
  });

  it("follows the handbook, not the three steps, for threats of self-harm only", () => {
    const tracks = Object.fromEntries(BUILTIN_PACK.kinds.map((k) => [k.id, k.track]));
    expect(tracks).toEqual({
      "personal-attack": "three-steps",
      "raised-voice": "three-steps",
      "self-harm-threat": "self-harm",
      inappropriate: "three-steps",
      "meet-outside": "three-steps",
    });
  });

  it("splits inappropriate behaviour into undressed, driving, others in the room and another call", () => {
    const inappropriate = BUILTIN_PACK.kinds.find((k) => k.id === "inappropriate");
    expect(inappropriate?.subcases.map((s) => s.id)).toEqual([
      "undressed",
      "driving",
      "others-in-room",
      "other-call",
    ]);
  });

  it("starts the two-minute wait only from the two-minute phrase", () => {
    const withAction = BUILTIN_PACK.steps.flatMap((s) =>
      s.phrases.filter((p) => p.action).map((p) => [p.text, p.action]),
    );
    expect(withAction).toEqual([
      ["Jag väntar två minuter medans du tar på dig kläder", "two-minute-wait"],
    ]);
  });

  it("cites the routine or the handbook as the source of every phrase", () => {
    const sources = new Set(BUILTIN_PACK.steps.flatMap((s) => s.phrases.map((p) => p.source)));
    for (const source of sources) {
      expect(source).toMatch(/^(Rutin RHS9926-1306825477-79 v3\.0|Handbok i personsäkerhet)/);
    }
  });
});

describe("the phrases the panel offers for a situation", () => {
  const idsFor = (step: StepNumber, kinds: string[]) =>
    phrasesFor(stepOf(BUILTIN_PACK, step), kinds).map((p) => p.id);

  it.each<[string, StepNumber, string[], string[]]>([
    [
      "an undressed client: dress and wait two minutes first",
      1,
      ["inappropriate/undressed"],
      ["dress-upper-body", "wait-two-minutes", "calm-down", "calm-down-explain"],
    ],
    [
      "a driving client: park the car first",
      1,
      ["inappropriate/driving"],
      ["park-the-car", "calm-down", "calm-down-explain"],
    ],
    [
      "a client on another call: take it afterwards",
      1,
      ["inappropriate/other-call"],
      ["take-call-afterwards", "calm-down", "calm-down-explain"],
    ],
    [
      "a personal attack: ask whether it is a threat",
      1,
      ["personal-attack"],
      ["is-that-a-threat", "calm-down", "calm-down-explain"],
    ],
    [
      "a raised voice: ask whether it is a threat",
      1,
      ["raised-voice"],
      ["is-that-a-threat", "calm-down", "calm-down-explain"],
    ],
    [
      "wanting to meet outside: only the general phrases",
      1,
      ["meet-outside"],
      ["calm-down", "calm-down-explain"],
    ],
    [
      "undressed, warned: keep dressing/parking warning first",
      2,
      ["inappropriate/undressed"],
      ["warn-dress-or-park", "warn-aggressive", "warn-threatening"],
    ],
    [
      "a general kind is not warned about clothes or the car",
      2,
      ["personal-attack"],
      ["warn-aggressive", "warn-threatening"],
    ],
    [
      "others in the room: ask to rebook first in step 3",
      3,
      ["inappropriate/others-in-room"],
      ["rebook-others-in-room", "end-now"],
    ],
    ["a general kind ends the call without the rebook phrase", 3, ["personal-attack"], ["end-now"]],
    [
      "undressed and driving together: each situation's phrases, in pack order",
      1,
      ["inappropriate/driving", "inappropriate/undressed"],
      ["dress-upper-body", "wait-two-minutes", "park-the-car", "calm-down", "calm-down-explain"],
    ],
    ["no kinds chosen: only the general phrases", 1, [], ["calm-down", "calm-down-explain"]],
  ])("%s", (_name, step, kinds, expected) => {
    expect(idsFor(step, kinds)).toEqual(expected);
  });

  it("does not show the undressed phrases for a general kind", () => {
    const ids = idsFor(1, ["personal-attack"]);
    expect(ids).not.toContain("dress-upper-body");
    expect(ids).not.toContain("wait-two-minutes");
  });
});
