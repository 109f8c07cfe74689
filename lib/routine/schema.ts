import * as v from "valibot";

// The phrase pack's shape. An organisation may supply its own pack (import, managed storage),
// so everything here is checked at load and a failure names the path of what is wrong. Each
// issue becomes a code (./pack-problem.ts): valibot's own messages are never shown.

const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1));
const IsoDate = v.pipe(v.string(), v.isoDate());
const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/));

export const LocalizedSchema = v.strictObject({ sv: NonEmpty, en: NonEmpty });

export const SourceSchema = v.strictObject({
  documentId: NonEmpty,
  title: NonEmpty,
  organisation: NonEmpty,
  version: NonEmpty,
  validFrom: IsoDate,
  validTo: IsoDate,
});

export const SubcaseSchema = v.strictObject({ id: Id, label: LocalizedSchema });

export const ExposureKindSchema = v.strictObject({
  id: Id,
  label: LocalizedSchema,
  /** "self-harm" kinds follow the handbook's guidance instead of the three steps. */
  track: v.picklist(["three-steps", "self-harm"]),
  subcases: v.optional(v.array(SubcaseSchema), []),
});

export const PhraseSchema = v.strictObject({
  id: Id,
  /** Said aloud by the coach, verbatim from the source. Never translated. */
  text: NonEmpty,
  /** Kind references ("kind" or "kind/subcase"); absent means the phrase fits every kind. */
  kinds: v.optional(v.array(NonEmpty)),
  source: NonEmpty,
  /** Something Tresteg does when the phrase is said (the two-minute wait). */
  action: v.optional(v.picklist(["two-minute-wait"])),
});

export const StepSchema = v.strictObject({
  number: v.picklist([1, 2, 3]),
  title: LocalizedSchema,
  guidance: LocalizedSchema,
  phrases: v.pipe(v.array(PhraseSchema), v.minLength(1)),
});

export const PhrasePackSchema = v.strictObject({
  schemaVersion: v.literal(1),
  id: Id,
  name: LocalizedSchema,
  source: SourceSchema,
  kinds: v.pipe(v.array(ExposureKindSchema), v.minLength(1)),
  steps: v.pipe(v.array(StepSchema), v.length(3)),
});
