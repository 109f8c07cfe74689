import type { Translate } from "../i18n/text";
import type { PackProblem } from "../routine/pack-problem";
import type { SettingsProblem } from "./problem";

/** Where a pack problem is, for the list that shows it: its path, or the pack itself. */
export const packProblemPlace = (problem: PackProblem, t: Translate): string =>
  problem.path || t("packProblem.thePack");

/** What is wrong at a pack problem's place, and what to do, in the language of `t`. */
export function describePackProblem(problem: PackProblem, t: Translate): string {
  switch (problem.code) {
    case "not-json":
      return t("packProblem.not-json", { error: problem.error });
    case "not-one-of":
      return t("packProblem.not-one-of", { allowed: problem.allowed, value: problem.value });
    case "not-three-steps":
      return t("packProblem.not-three-steps", { count: problem.count });
    case "step-out-of-order":
      return t("packProblem.step-out-of-order", { expected: problem.expected });
    case "too-long":
    case "too-many":
    case "too-large":
      return t(`packProblem.${problem.code}`, { max: problem.max });
    case "ends-before-start":
      return t("packProblem.ends-before-start", { from: problem.from, to: problem.to });
    case "not-a-date":
    case "not-an-id":
    case "duplicate":
    case "unknown-kind":
      return t(`packProblem.${problem.code}`, { value: problem.value });
    case "list-not-object":
    case "not-an-object":
    case "not-a-list":
    case "not-text":
    case "missing":
    case "unknown-key":
    case "empty":
    case "empty-list":
      return t(`packProblem.${problem.code}`);
    default: {
      const unknown: never = problem;
      return JSON.stringify(unknown);
    }
  }
}

/**
 * What is wrong with a stored or managed setting, and what to do, in the language of `t`. A
 * rejected pack says each of its problems after the first sentence.
 */
export function describeSettingsProblem(problem: SettingsProblem, t: Translate): string {
  switch (problem.code) {
    case "out-of-range":
      return t("settingsProblem.out-of-range", { min: problem.min, max: problem.max });
    case "not-an-origin":
    case "unknown-choice":
      return t(`settingsProblem.${problem.code}`, { value: problem.value });
    case "newer-version":
    case "not-a-version":
      return t(`settingsProblem.${problem.code}`, { found: problem.found });
    case "pack-rejected": {
      const each = problem.problems.map(
        (p) => `${packProblemPlace(p, t)}: ${describePackProblem(p, t)}`,
      );
      return [t("settingsProblem.pack-rejected"), ...each].join(" ");
    }
    case "not-a-contact":
      return t("settingsProblem.not-a-contact", {
        number: problem.number,
        channels: problem.channels,
      });
    case "too-many":
      return t("settingsProblem.too-many", { max: problem.max });
    case "not-a-number":
    case "not-whole-days":
    case "not-a-list":
    case "not-yes-no":
    case "not-text":
      return t(`settingsProblem.${problem.code}`);
    default: {
      const unknown: never = problem;
      return JSON.stringify(unknown);
    }
  }
}
