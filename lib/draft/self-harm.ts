import type { LoggedEvent } from "../log/events";
import { isSelfHarm, type KindRef } from "../routine/pack";
import type { SelfHarmField } from "../routine/self-harm";
import type { DraftContext } from "./context";
import type { SelfHarmSection } from "./types";

/** Handbook 002: "Dokumentera kundens namn, telefonnummer och adress": these identify. */
const IDENTIFYING: ReadonlySet<SelfHarmField> = new Set(["name", "phone", "address"]);

/**
 * What the coach documented in the handbook's guidance for a threat of violence against
 * themselves ("Att tänka på vid suicidhot"): the details, the referrals and the 112 call. Null
 * for an incident that neither is of that kind nor logged anything of it.
 */
export function buildSelfHarm(
  events: readonly LoggedEvent[],
  kinds: readonly KindRef[],
  ctx: DraftContext,
): SelfHarmSection | null {
  const section: SelfHarmSection = { details: [], referrals: [], emergency: [], identifies: false };
  let used = isSelfHarm(ctx.pack, kinds);
  for (const event of events) {
    const when = ctx.clock.moment(event.at);
    switch (event.type) {
      case "self-harm-detail":
        section.details.push({
          seq: event.seq,
          when,
          field: event.field,
          label: ctx.t(`selfHarm.${event.field}`),
          value: event.value,
        });
        if (IDENTIFYING.has(event.field)) section.identifies = true;
        break;
      case "referral":
        section.referrals.push({
          seq: event.seq,
          when,
          to: event.to,
          label: ctx.t(`referral.${event.to}`),
        });
        break;
      case "emergency-reminder":
        section.emergency.push({
          seq: event.seq,
          when,
          stage: "reminder",
          text: ctx.t("event.emergency-reminder"),
        });
        break;
      case "emergency-call":
        section.emergency.push({
          seq: event.seq,
          when,
          stage: event.confirmed ? "called" : "logged-as-called",
          text: ctx.t(event.confirmed ? "event.emergency-called" : "event.emergency-call"),
        });
        break;
      case "track-switched":
        if (event.to === "self-harm") used = true;
        break;
      default:
        break;
    }
  }
  const logged = section.details.length + section.referrals.length + section.emergency.length;
  return used || logged > 0 ? section : null;
}
