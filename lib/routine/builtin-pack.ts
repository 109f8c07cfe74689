import type { PhrasePack } from "./pack";

const ROUTINE = "Rutin RHS9926-1306825477-79 v3.0, Trestegsinformation";
const EXTRA = "Rutin RHS9926-1306825477-79 v3.0, Ytterligare exempel på formuleringar";
const HANDBOOK = "Handbok i personsäkerhet, hot – ställ en klargörande fråga";

/**
 * The routine "Utsatthet vid digitala samtal" (Regionhälsan, Hälsocoach online) as data.
 * Phrases are copied verbatim from seeds/000, spelling included ("medans"); the clarifying
 * question comes from the handbook (seeds/002). Placement follows the routine: the extra
 * formulations sit in the step whose purpose they serve.
 */
export const BUILTIN_PACK: PhrasePack = {
  schemaVersion: 1,
  id: "regionhalsan-hco-utsatthet",
  name: {
    sv: "Utsatthet vid digitala samtal (Regionhälsan)",
    en: "Exposure in digital conversations (Regionhälsan)",
  },
  source: {
    documentId: "RHS9926-1306825477-79",
    title: "Utsatthet vid digitala samtal",
    organisation: "Regionhälsan",
    version: "3.0",
    validFrom: "2025-08-19",
    validTo: "2027-08-19",
  },
  // Routine 000 §2, "Definition av utsatthet vid digitala samtal".
  kinds: [
    {
      id: "personal-attack",
      label: { sv: "Personangrepp", en: "Personal attack" },
      track: "three-steps",
      subcases: [],
    },
    {
      id: "raised-voice",
      label: { sv: "Höjer rösten med hotfull ton", en: "Raised voice, threatening tone" },
      track: "three-steps",
      subcases: [],
    },
    {
      id: "self-harm-threat",
      label: { sv: "Hotar med våld mot sig själv", en: "Threatens violence against themselves" },
      track: "self-harm",
      subcases: [],
    },
    {
      id: "inappropriate",
      label: {
        sv: "Opassande beteende i videosamtalet",
        en: "Inappropriate behaviour in the call",
      },
      track: "three-steps",
      subcases: [
        { id: "undressed", label: { sv: "Bar överkropp", en: "Undressed upper body" } },
        { id: "driving", label: { sv: "Kör bil", en: "Driving a car" } },
        { id: "others-in-room", label: { sv: "Andra i rummet", en: "Others in the room" } },
        { id: "other-call", label: { sv: "Tar ett annat samtal", en: "Taking another call" } },
      ],
    },
    {
      id: "meet-outside",
      label: {
        sv: "Vill träffas utanför coachningen",
        en: "Wants to meet outside the coaching",
      },
      track: "three-steps",
      subcases: [],
    },
  ],
  steps: [
    {
      number: 1,
      title: { sv: "Lugna ner", en: "Calm down" },
      guidance: { sv: "Försök att lugna ner personen.", en: "Try to calm the person down." },
      phrases: [
        {
          id: "calm-down",
          text: "Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.",
          source: ROUTINE,
        },
        {
          id: "dress-upper-body",
          text: "Jag vill att du klär på dig på överkroppen innan vi fortsätter vårt samtal",
          kinds: ["inappropriate/undressed"],
          source: ROUTINE,
        },
        {
          id: "wait-two-minutes",
          // Routine: "(Vi mutar oss själva + klient i ljud och bild." — the wait mutes both sides.
          text: "Jag väntar två minuter medans du tar på dig kläder",
          kinds: ["inappropriate/undressed"],
          source: EXTRA,
          action: "two-minute-wait",
        },
        {
          id: "park-the-car",
          text: "Jag vill att du parkerar bilen för att vi ska kunna fortsätta med detta samtal",
          kinds: ["inappropriate/driving"],
          source: ROUTINE,
        },
        {
          id: "take-call-afterwards",
          text: "Jag skulle uppskatta om du tog det där samtalet efteråt",
          kinds: ["inappropriate/other-call"],
          source: EXTRA,
        },
        {
          id: "is-that-a-threat",
          text: "Ska jag uppfatta det som ett hot?",
          kinds: ["personal-attack", "raised-voice"],
          source: HANDBOOK,
        },
        {
          id: "calm-down-explain",
          text: "Jag vill att du lugnar ner dig för att jag ska få en möjlighet att hjälpa dig. Coachningen fokuserar på dig och jag utgår från våra rutiner och vårt arbetssätt. Jag vill att du lugnar ner dig så jag kan förklara",
          source: EXTRA,
        },
      ],
    },
    {
      number: 2,
      title: { sv: "Varning", en: "Warning" },
      guidance: {
        sv: "Om klienten fortsätter vara hotfull, respektlös eller inte lyssnar.",
        en: "If the client stays threatening, disrespectful or does not listen.",
      },
      phrases: [
        {
          id: "warn-aggressive",
          text: "Fortsätter du att vara aggressiv/respektlös kommer jag avsluta samtalet",
          source: ROUTINE,
        },
        {
          id: "warn-dress-or-park",
          text: "Fortsätter du att inte ta på dig på överkroppen eller stanna bilen kommer jag att avsluta samtalet",
          kinds: ["inappropriate/undressed", "inappropriate/driving"],
          source: ROUTINE,
        },
        {
          id: "warn-threatening",
          text: "Fortsätter du att vara hotfull och inte lyssnar kommer jag att behöva avsluta samtalet",
          source: EXTRA,
        },
      ],
    },
    {
      number: 3,
      title: { sv: "Avsluta samtalet", en: "End the call" },
      guidance: {
        sv: "Samtalet avslutas även om inringaren motsätter sig detta.",
        en: "The call is ended even if the caller objects.",
      },
      phrases: [
        {
          id: "end-now",
          text: "Jag avslutar samtalet nu! Du är välkommen att återkomma och boka en ny tid.",
          source: ROUTINE,
        },
        {
          id: "rebook-others-in-room",
          text: "Jag ber att du går in och bokar en ny tid för vårt samtal, då jag ser att du inte kan ägna dig fullt ut åt samtalet, då det är många i samma rum/då jag hör att det är andra i rummet",
          kinds: ["inappropriate/others-in-room"],
          source: EXTRA,
        },
      ],
    },
  ],
};
