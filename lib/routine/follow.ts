import type { LoggedEvent } from "../log/events";
import { INITIAL_STATE, type IncidentState, transition } from "./machine";
import type { StepNumber } from "./pack";

/** How often a phrase was said in a step, and when last. */
export interface Said {
  count: number;
  lastAt: number;
}

/** What the panel draws from a session's log: the routine's state and the phrases said. */
export interface Progress {
  state: IncidentState;
  /** Per step, per phrase id. */
  said: ReadonlyMap<StepNumber, ReadonlyMap<string, Said>>;
}

const NOTHING_SAID: Progress["said"] = new Map();

function fold(progress: Progress, event: LoggedEvent): Progress {
  const next = transition(progress.state, event);
  // A refused entry changes nothing, as in `replay`.
  if (!next.ok) return progress;
  if (event.type !== "phrase-said") return { state: next.state, said: progress.said };
  const said = new Map(progress.said);
  const inStep = new Map(said.get(event.step));
  inStep.set(event.phraseId, {
    count: (inStep.get(event.phraseId)?.count ?? 0) + 1,
    lastAt: event.at,
  });
  said.set(event.step, inStep);
  return { state: next.state, said };
}

/**
 * Follows a log as it grows. The log is append-only, so a list that extends the one seen last
 * (the same entries, then more) is folded from where it left off: a click costs the same with
 * 10 entries as with 1,000. Any other list (another session) is replayed from the start. Gives
 * the same state as `replay`.
 */
export function followLog(): (events: readonly LoggedEvent[]) => Progress {
  let seen: readonly LoggedEvent[] = [];
  let progress: Progress = { state: INITIAL_STATE, said: NOTHING_SAID };
  return (events) => {
    const grows =
      events.length >= seen.length &&
      (seen.length === 0 || events[seen.length - 1] === seen[seen.length - 1]);
    let from = seen.length;
    if (!grows) {
      from = 0;
      progress = { state: INITIAL_STATE, said: NOTHING_SAID };
    }
    for (let i = from; i < events.length; i++) progress = fold(progress, events[i] as LoggedEvent);
    seen = events;
    return progress;
  };
}
