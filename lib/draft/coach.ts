import type { LoggedEvent } from "../log/events";
import type { DraftContext } from "./context";
import type { DraftEdits } from "./edits";
import type { CoachText } from "./types";

/**
 * The coach's own words, kept apart from what the log records, as established incident forms
 * do: the description of what happened, the actions taken, the notes made during the call and
 * the handbook's details for a threat from someone unknown. The client's identity stays out
 * unless the coach adds it: the draft goes to people who may not need it.
 */
export function buildCoachText(
  events: readonly LoggedEvent[],
  edits: DraftEdits,
  ctx: DraftContext,
  /** The self-harm details name the client: the draft then holds the identity, and says so. */
  identified = false,
): CoachText {
  const notes: CoachText["notes"] = [];
  const threatDetails: CoachText["threatDetails"] = [];
  for (const event of events) {
    if (event.type === "note") {
      notes.push({ seq: event.seq, when: ctx.clock.moment(event.at), text: event.text });
    } else if (event.type === "threat-detail") {
      threatDetails.push({
        seq: event.seq,
        when: ctx.clock.moment(event.at),
        field: event.field,
        label: ctx.t(`threat.${event.field}`),
        value: event.value,
      });
    }
  }
  const identity = edits.clientIdentity.trim();
  return {
    description: edits.description,
    actions: edits.actions,
    notes,
    threatDetails,
    clientIdentity: identity ? identity : null,
    identityText: identified
      ? [ctx.dt("identityDocumented"), identity ? ctx.dt("identityAdded", { identity }) : ""]
          .filter(Boolean)
          .join(" ")
      : identity
        ? ctx.dt("identityAdded", { identity })
        : ctx.dt("identityLeftOut"),
  };
}
