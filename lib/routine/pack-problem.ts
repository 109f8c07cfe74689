import type * as v from "valibot";
import type { PhrasePackSchema } from "./schema";

/**
 * What is wrong at one place in a phrase pack, as a code with what it needs to be worded
 * (lib/settings/describe.ts, with the tables in lib/i18n). The path stays as it is, in the
 * pack's own field names: the person who wrote the pack finds the place with it.
 */
export type PackProblemCode =
  /** The file's text; `error` is the JSON parser's own message, as the browser gave it. */
  | { code: "not-json"; error: string }
  | { code: "list-not-object" }
  | { code: "not-an-object" }
  | { code: "not-a-list" }
  | { code: "not-text" }
  | { code: "missing" }
  | { code: "unknown-key" }
  /** `allowed` as the schema lists it, e.g. `"three-steps" | "self-harm"`; `value` as JSON. */
  | { code: "not-one-of"; allowed: string; value: string }
  | { code: "empty" }
  | { code: "empty-list" }
  | { code: "not-three-steps"; count: number }
  | { code: "not-a-date"; value: string }
  | { code: "not-an-id"; value: string }
  | { code: "duplicate"; value: string }
  | { code: "step-out-of-order"; expected: number }
  | { code: "unknown-kind"; value: string }
  | { code: "too-long"; max: number }
  | { code: "too-many"; max: number }
  /** The file itself, before it is read: `max` characters. */
  | { code: "too-large"; max: number }
  /** The source's validity ends before it starts. */
  | { code: "ends-before-start"; from: string; to: string };

export type PackProblem = {
  /** Where in the pack, e.g. "steps[1].phrases[0].text"; "" for the pack itself. */
  path: string;
} & PackProblemCode;

/** A text from the pack as a problem quotes it: a pack may hold text of any length. */
export const quoted = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

type PackIssue = v.InferIssue<typeof PhrasePackSchema>;

/** The code for one issue valibot found in a pack. */
export function packProblemOf(issue: PackIssue): PackProblemCode {
  switch (issue.type) {
    case "strict_object":
      // valibot names a missing key in `expected`, an unknown one with "never".
      if (issue.expected === "Object") return { code: "not-an-object" };
      return issue.expected === "never" ? { code: "unknown-key" } : { code: "missing" };
    case "array":
      return { code: "not-a-list" };
    case "string":
      return { code: "not-text" };
    case "literal":
    case "picklist":
      return {
        code: "not-one-of",
        allowed: issue.expected.replace(/^\((.*)\)$/, "$1"),
        value: quoted(JSON.stringify(issue.input) ?? String(issue.input)),
      };
    case "min_length":
      return typeof issue.input === "string" ? { code: "empty" } : { code: "empty-list" };
    case "max_length":
      return typeof issue.input === "string"
        ? { code: "too-long", max: issue.requirement }
        : { code: "too-many", max: issue.requirement };
    case "length":
      return { code: "not-three-steps", count: issue.input.length };
    case "iso_date":
      return { code: "not-a-date", value: quoted(issue.input) };
    case "regex":
      return { code: "not-an-id", value: quoted(issue.input) };
    default: {
      const unknown: never = issue;
      throw new Error(`Tresteg: no code for a pack issue ${JSON.stringify(unknown)}`);
    }
  }
}
