import * as v from "valibot";
import { quoted, type PackProblem } from "../routine/pack-problem";
import { HELP_CHANNELS, HelpContactsSchema } from "../help/contacts";
import {
  HostLeaveSchema,
  RecordingNoticeReadSchema,
  OwnOriginsSchema,
  RETENTION_RANGE,
  RetentionDaysSchema,
  type SettingKey,
  WaitMutesSchema,
} from "./schema";

/**
 * Why a stored or managed setting is not used, as a code with what it needs to be worded
 * (./describe.ts, with the tables in lib/i18n). The key is the setting's own name, as in
 * storage and in the organisation's policy: an IT admin finds the value with it.
 */
export type SettingsProblemCode =
  | { code: "not-a-number" }
  | { code: "not-whole-days" }
  | { code: "out-of-range"; min: number; max: number }
  | { code: "not-a-list" }
  | { code: "not-an-origin"; value: string }
  | { code: "unknown-choice"; value: string }
  /** The organisation's pack, with what is wrong in it. */
  | { code: "pack-rejected"; problems: PackProblem[] }
  | { code: "newer-version"; found: number }
  /** `found` as JSON: a version that is not a whole number. */
  | { code: "not-a-version"; found: string }
  /** The contact at `number` (1, 2, …) lacks a name, a known role or channel, or its address
   * does not fit its channel (a phone number for tel, an e-mail address for email and teams). */
  | { code: "not-a-contact"; number: number; channels: string }
  | { code: "too-many"; max: number }
  | { code: "not-yes-no" }
  | { code: "not-text" };

export type SettingsProblem = { key: SettingKey } & SettingsProblemCode;

/** A value checked as one setting: the value to use, or what is wrong with it. */
export type Checked<T> =
  { ok: true; value: T } | { ok: false; problems: [SettingsProblemCode, ...SettingsProblemCode[]] };

/** A value from storage or policy as a problem quotes it. */
export const shown = (input: unknown) => quoted(typeof input === "string" ? input : String(input));

function checker<S extends v.GenericSchema>(
  schema: S,
  problemOf: (issue: v.InferIssue<S>) => SettingsProblemCode,
): (value: unknown) => Checked<v.InferOutput<S>> {
  return (value) => {
    const parsed = v.safeParse(schema, value);
    if (parsed.success) return { ok: true, value: parsed.output };
    const [first, ...rest] = parsed.issues;
    return { ok: false, problems: [problemOf(first), ...rest.map(problemOf)] };
  };
}

export const checkRetentionDays = checker(RetentionDaysSchema, (issue) => {
  switch (issue.type) {
    case "number":
      return { code: "not-a-number" };
    case "integer":
      return { code: "not-whole-days" };
    case "min_value":
    case "max_value":
      return { code: "out-of-range", ...RETENTION_RANGE };
    default: {
      const unknown: never = issue;
      throw new Error(`Tresteg: no code for ${JSON.stringify(unknown)}`);
    }
  }
});

export const checkOwnOrigins = checker(OwnOriginsSchema, (issue) => {
  switch (issue.type) {
    case "array":
      return { code: "not-a-list" };
    case "string":
    case "check":
      return { code: "not-an-origin", value: shown(issue.input) };
    default: {
      const unknown: never = issue;
      throw new Error(`Tresteg: no code for ${JSON.stringify(unknown)}`);
    }
  }
});

export const checkWaitMutes = checker(WaitMutesSchema, (issue) => {
  switch (issue.type) {
    case "array":
      return { code: "not-a-list" };
    case "picklist":
      return { code: "unknown-choice", value: shown(issue.input) };
    default: {
      const unknown: never = issue;
      throw new Error(`Tresteg: no code for ${JSON.stringify(unknown)}`);
    }
  }
});

/** The most contacts the settings keep: a short list the coach reads under stress. */
export const MAX_HELP_CONTACTS = 20;

export const checkHelpContacts = checker(HelpContactsSchema, (issue): SettingsProblemCode => {
  const index = issue.path?.[0]?.key;
  if (typeof index === "number") {
    return { code: "not-a-contact", number: index + 1, channels: HELP_CHANNELS.join(", ") };
  }
  return issue.type === "array"
    ? { code: "not-a-list" }
    : { code: "too-many", max: MAX_HELP_CONTACTS };
});

export const checkRecordingNoticeRead = checker(
  RecordingNoticeReadSchema,
  (): SettingsProblemCode => ({ code: "not-text" }),
);

export const checkHostLeave = checker(HostLeaveSchema, (issue) => {
  switch (issue.type) {
    case "picklist":
      return { code: "unknown-choice", value: shown(issue.input) };
    default: {
      const unknown: never = issue.type;
      throw new Error(`Tresteg: no code for ${JSON.stringify(unknown)}`);
    }
  }
});
