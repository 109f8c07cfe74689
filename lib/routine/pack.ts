import type * as v from "valibot";
import type {
  ExposureKindSchema,
  LocalizedSchema,
  PhrasePackSchema,
  PhraseSchema,
  StepSchema,
} from "./schema";

export type Localized = v.InferOutput<typeof LocalizedSchema>;
export type ExposureKind = v.InferOutput<typeof ExposureKindSchema>;
export type Phrase = v.InferOutput<typeof PhraseSchema>;
export type Step = v.InferOutput<typeof StepSchema>;
export type StepNumber = Step["number"];
export type PhrasePack = v.InferOutput<typeof PhrasePackSchema>;

/** "kind" or "kind/subcase", e.g. "inappropriate/undressed". */
export type KindRef = string;

export type Language = keyof Localized;

export function kindOf(ref: KindRef): string {
  return ref.split("/")[0] ?? ref;
}

export function findKind(pack: PhrasePack, ref: KindRef): ExposureKind | undefined {
  return pack.kinds.find((kind) => kind.id === kindOf(ref));
}

/** The label a coach reads for a kind reference: "Opassande beteende – bar överkropp". */
export function kindLabel(pack: PhrasePack, ref: KindRef, lang: Language): string {
  const kind = findKind(pack, ref);
  if (!kind) return ref;
  const subId = ref.split("/")[1];
  const sub = subId ? kind.subcases.find((s) => s.id === subId) : undefined;
  return sub ? `${kind.label[lang]} – ${sub.label[lang]}` : kind.label[lang];
}

export function stepOf(pack: PhrasePack, number: StepNumber): Step {
  const step = pack.steps.find((s) => s.number === number);
  if (!step) throw new Error(`Phrase pack ${pack.id} has no step ${number}`);
  return step;
}

/** A phrase fits when it names no kinds, or names one of the session's kinds or subcases. */
export function phraseFits(phrase: Phrase, kinds: readonly KindRef[]): boolean {
  if (!phrase.kinds || phrase.kinds.length === 0) return true;
  return phrase.kinds.some((wanted) =>
    kinds.some((chosen) => chosen === wanted || kindOf(chosen) === wanted),
  );
}

/**
 * The phrases of a step for the chosen kinds: the ones written for those kinds first (they are
 * what the coach needs in that situation), then the general ones, each in the pack's order.
 */
export function phrasesFor(step: Step, kinds: readonly KindRef[]): Phrase[] {
  const fitting = step.phrases.filter((p) => phraseFits(p, kinds));
  const specific = fitting.filter((p) => p.kinds && p.kinds.length > 0);
  const general = fitting.filter((p) => !p.kinds || p.kinds.length === 0);
  return [...specific, ...general];
}

export function isSelfHarm(pack: PhrasePack, kinds: readonly KindRef[]): boolean {
  return kinds.some((ref) => findKind(pack, ref)?.track === "self-harm");
}

/** The routine document's validity has passed: the phrases may be out of date. */
export function packExpired(pack: PhrasePack, now: number): boolean {
  return now > Date.parse(`${pack.source.validTo}T23:59:59`);
}
