import type { LoggedEvent } from "../log/events";
import { replay } from "../routine/machine";

/**
 * After the meeting page reloads during the two-minute wait, the layer over the client's
 * video is gone with the old page. If Tresteg had covered it and the wait still runs, it must
 * be covered again: a reload must not show the coach what the wait was hiding.
 */
export function needsCoverAgain(events: readonly LoggedEvent[]): boolean {
  const { state } = replay(events);
  return (
    state.status !== "ended" && state.wait !== null && state.mutedByUs.includes("client-picture")
  );
}
