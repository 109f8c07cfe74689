import * as v from "valibot";

// The phrase pack's shape. An organisation may supply its own pack (import, managed storage),
// so everything here is checked at load and a failure names the path of what is wrong. Each
// issue becomes a code (./pack-problem.ts): valibot's own messages are never shown.

/**
 * Limits a pack must keep, each far above what a routine needs (the routine has seven
 * phrases, the longest under 200 characters) and low enough that a pack cannot make the panel
 * or the settings page slow or run out of memory.
 */
export const PACK_LIMITS = {
  /** Characters in one text (a phrase, a title, a label). */
  text: 2000,
  /** Kinds of exposure, subcases of one kind, kind references of one phrase. */
  kinds: 50,
  /** Phrases in one step. */
  phrases: 50,
  /** Characters of a pack file, before it is read as JSON. */
  fileChars: 1_000_000,
} as const;

const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(PACK_LIMITS.text));
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
  subcases: v.optional(v.pipe(v.array(SubcaseSchema), v.maxLength(PACK_LIMITS.kinds)), []),
});

export const PhraseSchema = v.strictObject({
  id: Id,
  /** Said aloud by the coach, verbatim from the source. Never translated. */
  text: NonEmpty,
  /** Kind references ("kind" or "kind/subcase"); absent means the phrase fits every kind. */
  kinds: v.optional(v.pipe(v.array(NonEmpty), v.maxLength(PACK_LIMITS.kinds))),
  source: NonEmpty,
  /** Something Tresteg does when the phrase is said (the two-minute wait). */
  action: v.optional(v.picklist(["two-minute-wait"])),
});

export const StepSchema = v.strictObject({
  number: v.picklist([1, 2, 3]),
  title: LocalizedSchema,
  guidance: LocalizedSchema,
  phrases: v.pipe(v.array(PhraseSchema), v.minLength(1), v.maxLength(PACK_LIMITS.phrases)),
});

export const PhrasePackSchema = v.strictObject({
  schemaVersion: v.literal(1),
  id: Id,
  name: LocalizedSchema,
  source: SourceSchema,
  kinds: v.pipe(v.array(ExposureKindSchema), v.minLength(1), v.maxLength(PACK_LIMITS.kinds)),
  steps: v.pipe(v.array(StepSchema), v.length(3)),
  /**
   * What the organisation asks the coach to read before the first recording of the call, in
   * both languages (the policy's `recordingNotice`, when set, comes first). The organisation's
   * own words: Tresteg gives no legal advice.
   */
  recordingNotice: v.optional(LocalizedSchema),
});
