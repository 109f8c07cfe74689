import { outcomeKey } from "../i18n/text";
import { entryReason } from "../log/describe";
import type { LoggedEvent, Outcome } from "../log/events";
import { isSelfHarm, type KindRef, type PhrasePack, type StepNumber } from "../routine/pack";
import type { Track } from "../routine/self-harm";
import type { DraftContext } from "./context";
import type { ActionsTaken, PhraseUse } from "./types";

/** The highest step an entry shows the routine was at. */
function stepShown(event: LoggedEvent): StepNumber | null {
  switch (event.type) {
    case "step-advanced":
    case "step-back":
      return event.to;
    case "phrase-said":
    case "resolved":
    case "reopened":
      return event.step;
    case "terminated":
      // Routine 000, step 3: only the termination step ends the call.
      return 3;
    default:
      return null;
  }
}

/** An entry that only the three steps produce. */
const STEP_ENTRIES = new Set<LoggedEvent["type"]>([
  "phrase-said",
  "step-advanced",
  "step-back",
  "terminated",
  "wait-started",
]);

/**
 * Whether the three steps were in use at any point: a step entry, or any entry while the
 * guidance in force (the coach's switch, else the kinds) was the three steps. An incident
 * handled only in the handbook's self-harm guidance never used them.
 */
function usedThreeSteps(events: readonly LoggedEvent[], pack: PhrasePack): boolean {
  let kinds: readonly KindRef[] = [];
  let chosen: Track | null = null;
  for (const event of events) {
    if (STEP_ENTRIES.has(event.type)) return true;
    if (event.type === "session-started" || event.type === "kinds-changed") kinds = event.kinds;
    if (event.type === "track-switched") chosen = event.to;
    if (event.type === "resolved" && event.track === "self-harm") continue;
    // A screenshot may start an incident before its kind is chosen: no guidance yet.
    if (kinds.length === 0 && chosen === null) continue;
    const track = chosen ?? (isSelfHarm(pack, kinds) ? "self-harm" : "three-steps");
    if (track === "three-steps") return true;
  }
  return kinds.length === 0 && chosen === null;
}

/**
 * What the coach did, in the routine's terms: how far the three steps went, which prescribed
 * phrases were said in each (verbatim, with every time), the waits, and how it ended.
 */
export function buildActions(
  events: readonly LoggedEvent[],
  sessionOutcome: Outcome | null,
  ctx: DraftContext,
): ActionsTaken {
  const { clock, pack, lang } = ctx;
  let highestStep: StepNumber = 1;
  const said = new Map<StepNumber, Map<string, PhraseUse>>();
  const actions: Omit<ActionsTaken, "threeSteps" | "highestStep" | "steps" | "outcomeText"> = {
    waitCount: 0,
    resolved: [],
    terminated: null,
    hangUp: null,
    outcome: sessionOutcome,
  };

  for (const event of events) {
    const step = stepShown(event);
    if (step !== null && step > highestStep) highestStep = step;
    switch (event.type) {
      case "phrase-said": {
        const byPhrase = said.get(event.step) ?? new Map<string, PhraseUse>();
        said.set(event.step, byPhrase);
        const use = byPhrase.get(event.phraseId) ?? {
          phraseId: event.phraseId,
          text: event.text,
          times: [],
        };
        use.times.push(clock.moment(event.at));
        byPhrase.set(event.phraseId, use);
        break;
      }
      case "wait-started":
        actions.waitCount += 1;
        break;
      case "resolved":
        actions.resolved.push(clock.moment(event.at));
        break;
      case "terminated":
        actions.terminated ??= clock.moment(event.at);
        break;
      case "hang-up": {
        const when = clock.moment(event.at);
        const result = ctx.t(`hangUp.${event.result}`);
        const text = ctx.dt("hangUp", { time: when.time, result });
        const reason = entryReason(event, ctx.t);
        actions.hangUp = {
          when,
          result: event.result,
          text: reason ? `${text} (${reason})` : text,
        };
        break;
      }
      case "session-ended":
        actions.outcome ??= event.outcome;
        break;
      default:
        break;
    }
  }

  const steps = pack.steps.map((step) => ({
    number: step.number,
    title: step.title[lang],
    reached: step.number <= highestStep,
    phrases: [...(said.get(step.number)?.values() ?? [])],
  }));
  const outcomeText = actions.outcome ? ctx.t(outcomeKey(actions.outcome)) : ctx.dt("outcomeOpen");
  return {
    ...actions,
    threeSteps: usedThreeSteps(events, pack),
    highestStep,
    steps,
    outcomeText,
  };
}
