import type { LoggedEvent } from "../log/events";
import type { Localized } from "./pack";

/**
 * The handbook's guidance for a threat of violence against themselves ("Att tänka på vid
 * suicidhot", Handbok i personsäkerhet, seeds/002). The panel shows it instead of the three
 * steps: stay, listen, document, refer, and call 112 if acute without leaving the client.
 */
export const SELF_HARM_GUIDANCE: readonly Localized[] = [
  {
    sv: "Stanna kvar och lyssna. Lägg inte på och börja inte ringa andra – var närvarande och låt klienten berätta.",
    en: "Stay and listen. Do not hang up or start calling others – be present and let the client talk.",
  },
  {
    sv: "Visa att du är beredd att hjälpa. Var öppen och fördomsfri; ge utrymme för känslorna.",
    en: "Show that you are ready to help. Be open and without prejudice; give room for feelings.",
  },
  {
    sv: "Dokumentera namn, telefonnummer och adress, och om det kommer fram: hur, när, var och varför.",
    en: "Document name, phone number and address, and if it comes up: how, when, where and why.",
  },
  {
    sv: "Hänvisa till vårdcentralen, psykiatrin eller socialtjänsten.",
    en: "Refer to primary care, psychiatry or social services.",
  },
  {
    sv: "Är det akut: ring 112 utan att lämna klienten ensam eller lägga på. Fortsätt prata med personen.",
    en: "If it is acute: call 112 without leaving the client alone or hanging up. Keep talking.",
  },
];

export type SelfHarmField = "name" | "phone" | "address" | "how" | "when" | "where" | "why";
export const SELF_HARM_FIELDS: readonly SelfHarmField[] = [
  "name",
  "phone",
  "address",
  "how",
  "when",
  "where",
  "why",
];

export type Referral = "primary-care" | "psychiatry" | "social-services";
export const REFERRALS: readonly Referral[] = ["primary-care", "psychiatry", "social-services"];

/** Which guidance the panel shows: the three steps, or the handbook's for self-harm. */
export type Track = "three-steps" | "self-harm";

/**
 * Where the 112 call stands, from the log (handbook 002: "Tillkalla polis 112 om situationen är
 * akut"): nothing yet, the reminder shown, or the call confirmed by the coach. An older
 * "emergency-call" entry without `confirmed` was logged when only the reminder was shown.
 */
export type EmergencyStatus =
  { stage: "none" } | { stage: "reminded"; at: number } | { stage: "called"; at: number };

export function emergencyStatus(events: readonly LoggedEvent[]): EmergencyStatus {
  let status: EmergencyStatus = { stage: "none" };
  for (const event of events) {
    if (event.type === "emergency-call" && event.confirmed) {
      status = { stage: "called", at: event.at };
    } else if (event.type === "emergency-reminder" || event.type === "emergency-call") {
      if (status.stage === "none") status = { stage: "reminded", at: event.at };
    }
  }
  return status;
}
