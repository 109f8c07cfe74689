import type { LoggedEvent } from "../log/events";
import type { WaitActions } from "../mute/wait-actions";
import type { IncidentLog } from "../log/incident-log";
import type { PanelActions } from "./actions";
import type { PanelStore } from "./store";

/**
 * Step 3 in one click after its phrase: the call is ended (routine 000, step 3: "Jag
 * avslutar samtalet nu!") and Tresteg leaves the meeting through the platform's own control.
 * Only a leave the page confirmed ends the incident and opens its draft; a failed one stays
 * on screen, with its reason, and the coach leaves by hand.
 */
export function createLeave(deps: {
  log: Pick<IncidentLog, "currentState" | "append">;
  actions: Pick<PanelActions, "terminate" | "end">;
  wait: Pick<WaitActions, "hangUp">;
  store: PanelStore;
  /** A recording stops at the hang-up, logged as such, before the incident ends. */
  recording?: { stop(sessionId: string, reason: "hang-up"): Promise<void> };
}) {
  return async function leave(sessionId: string): Promise<LoggedEvent | undefined> {
    // Where the routine stands now, in the log: a click may come from a view drawn before
    // the last entry was committed.
    const state = await deps.log.currentState(sessionId);
    if (state?.status === "active") {
      // Appended in click order after any write still in flight (a "Samtalet avslutat"
      // clicked just before): refused then, and the log says the call is already ended.
      const terminated = await deps.log.append(sessionId, { type: "terminated" });
      if (!terminated.ok && (await deps.log.currentState(sessionId))?.status !== "terminated") {
        return deps.actions.terminate(sessionId);
      }
    }
    // The settings say whether a host ends the meeting for everyone or only leaves.
    const hungUp = await deps.wait.hangUp(sessionId, deps.store.getState().settings.hostLeave);
    if (!hungUp || hungUp.type !== "hang-up" || hungUp.result !== "done") return hungUp;
    await deps.recording?.stop(sessionId, "hang-up");
    const ended = await deps.actions.end(sessionId, "terminated");
    if (ended) deps.store.setState({ notice: { key: "leftMeeting" } });
    return hungUp;
  };
}

export type Leave = ReturnType<typeof createLeave>;
