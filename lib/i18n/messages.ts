import type { Outcome } from "../log/events";
import type { Refusal } from "../routine/machine";

/**
 * The panel's own words. Swedish is the source; English must have every key (the type says
 * so). Prescribed phrases are not here: they come from the phrase pack, verbatim.
 */
export const sv = {
  appName: "Tresteg",
  language: "Språk",
  switchLanguage: "English",
  switchLanguageLabel: "Byt språk till engelska",
  meeting: "Möte",
  meetingUnknown: "Okänd sida – Tresteg kan inte läsa fliken",
  noMeetingTab: "Ingen mötesflik hittades. Öppna Tresteg från fliken med videosamtalet.",
  platform: "Plattform",
  startIncident: "Starta incident",
  startHint: "Välj vad som händer. Ett klick startar loggen.",
  startAs: "Starta incident: {kind}",
  incidentSince: "Incident pågår sedan {time}",
  kinds: "Sort av utsatthet",
  changeKinds: "Ändra sort",
  saveKinds: "Spara sort",
  cancel: "Avbryt",
  callStart: "Samtalet började",
  callStartSet: "Samtalets starttid",
  setCallStart: "Spara starttid",
  callStartInvalid: "Skriv tiden som TT:MM eller TT:MM:SS.",
  steps: "Trestegsrutinen",
  stepLabel: "Steg {n}: {title}",
  currentStep: "nuvarande steg",
  phrases: "Fraser att säga – klicka när du har sagt den",
  saidAt: "Sagt {time}",
  saidTimes: "Sagt {count} gånger, senast {time}",
  saying: "Loggar …",
  next: "Nästa steg: {title}",
  back: "Tillbaka till steg {n}",
  resolve: "Klienten har lugnat sig",
  resolveHint: "Samtalet fortsätter",
  terminate: "Samtalet avslutat",
  resolvedBanner: "Klienten har lugnat sig – samtalet fortsätter.",
  terminatedBanner: "Samtalet är avslutat.",
  reopen: "Klienten eskalerar igen – fortsätt i steg {n}",
  endIncident: "Avsluta incidenten",
  endClientLeft: "Klienten lämnade samtalet – avsluta incidenten",
  endedSummary: "Incidenten avslutades {time}: {outcome}.",
  newIncident: "Ny incident",
  timeline: "Tidslinje",
  timelineEmpty: "Inget loggat ännu.",
  errorTitle: "Det gick inte",
  dismiss: "Stäng meddelandet",
  storageError:
    "Kunde inte spara i webbläsarens lagring ({name}): {message}. Det som redan är loggat finns kvar. Försök igen; om det upprepas, frigör diskutrymme.",
  alreadyOpen: "En incident pågår redan – den visas nu.",
  noSession: "Incidenten finns inte längre.",
  "outcome.resolved": "Klienten lugnade sig, samtalet fortsatte",
  "outcome.terminated": "Samtalet avslutades av coachen",
  "outcome.client-left": "Klienten lämnade samtalet",
  "refusal.not-started": "Ingen incident är startad.",
  "refusal.already-started": "Incidenten är redan startad.",
  "refusal.not-active": "Rutinen är inte aktiv just nu.",
  "refusal.ended": "Incidenten är avslutad.",
  "refusal.no-kinds": "Välj minst en sort av utsatthet.",
  "refusal.last-step": "Steg 3 är sista steget.",
  "refusal.first-step": "Steg 1 är första steget.",
  "refusal.wrong-step": "Det hör till ett annat steg. Gå till det steget först.",
  "refusal.terminate-before-step-3": "Samtalet avslutas i steg 3.",
  "refusal.not-resolved": "Det finns inget att återuppta.",
  "refusal.outcome-mismatch": "Utfallet stämmer inte med var rutinen står.",
  "event.session-started": "Incident startad: {kinds}",
  "event.kinds-changed": "Sort ändrad: {kinds}",
  "event.call-start-set": "Samtalets starttid satt till {time}",
  "event.phrase-said": "Steg {step} – sa: ”{text}”",
  "event.step-advanced": "Gick till steg {to}: {title}",
  "event.step-back": "Tillbaka till steg {to}: {title}",
  "event.resolved": "Klienten har lugnat sig (steg {step})",
  "event.reopened": "Klienten eskalerade igen – fortsätter i steg {step}",
  "event.terminated": "Samtalet avslutat",
  "event.session-ended": "Incident avslutad: {outcome}",
};

export type MessageKey = keyof typeof sv;

export const en: Record<MessageKey, string> = {
  appName: "Tresteg",
  language: "Language",
  switchLanguage: "Svenska",
  switchLanguageLabel: "Switch language to Swedish",
  meeting: "Meeting",
  meetingUnknown: "Unknown page – Tresteg cannot read this tab",
  noMeetingTab: "No meeting tab found. Open Tresteg from the tab with the video call.",
  platform: "Platform",
  startIncident: "Start incident",
  startHint: "Choose what is happening. One click starts the log.",
  startAs: "Start incident: {kind}",
  incidentSince: "Incident ongoing since {time}",
  kinds: "Kind of exposure",
  changeKinds: "Change kind",
  saveKinds: "Save kind",
  cancel: "Cancel",
  callStart: "The call began",
  callStartSet: "Call start time",
  setCallStart: "Save start time",
  callStartInvalid: "Write the time as HH:MM or HH:MM:SS.",
  steps: "The three-step routine",
  stepLabel: "Step {n}: {title}",
  currentStep: "current step",
  phrases: "Phrases to say – click once you have said it",
  saidAt: "Said {time}",
  saidTimes: "Said {count} times, last {time}",
  saying: "Logging …",
  next: "Next step: {title}",
  back: "Back to step {n}",
  resolve: "The client has calmed down",
  resolveHint: "The call continues",
  terminate: "Call ended",
  resolvedBanner: "The client has calmed down – the call continues.",
  terminatedBanner: "The call has been ended.",
  reopen: "The client escalates again – continue in step {n}",
  endIncident: "End the incident",
  endClientLeft: "The client left the call – end the incident",
  endedSummary: "The incident ended {time}: {outcome}.",
  newIncident: "New incident",
  timeline: "Timeline",
  timelineEmpty: "Nothing logged yet.",
  errorTitle: "That did not work",
  dismiss: "Dismiss the message",
  storageError:
    "Could not save to the browser's storage ({name}): {message}. What is already logged is kept. Try again; if it repeats, free some disk space.",
  alreadyOpen: "An incident is already open – it is shown now.",
  noSession: "The incident no longer exists.",
  "outcome.resolved": "The client calmed down, the call continued",
  "outcome.terminated": "The coach ended the call",
  "outcome.client-left": "The client left the call",
  "refusal.not-started": "No incident has been started.",
  "refusal.already-started": "The incident has already started.",
  "refusal.not-active": "The routine is not active right now.",
  "refusal.ended": "The incident has ended.",
  "refusal.no-kinds": "Choose at least one kind of exposure.",
  "refusal.last-step": "Step 3 is the last step.",
  "refusal.first-step": "Step 1 is the first step.",
  "refusal.wrong-step": "That belongs to another step. Go to that step first.",
  "refusal.terminate-before-step-3": "The call is ended in step 3.",
  "refusal.not-resolved": "There is nothing to reopen.",
  "refusal.outcome-mismatch": "The outcome does not match where the routine stands.",
  "event.session-started": "Incident started: {kinds}",
  "event.kinds-changed": "Kind changed: {kinds}",
  "event.call-start-set": "Call start time set to {time}",
  "event.phrase-said": "Step {step} – said: “{text}”",
  "event.step-advanced": "Went to step {to}: {title}",
  "event.step-back": "Back to step {to}: {title}",
  "event.resolved": "The client calmed down (step {step})",
  "event.reopened": "The client escalated again – continuing in step {step}",
  "event.terminated": "Call ended",
  "event.session-ended": "Incident ended: {outcome}",
};

export type Lang = "sv" | "en";
const tables: Record<Lang, Record<MessageKey, string>> = { sv, en };

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return tables[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

export const outcomeKey = (outcome: Outcome): MessageKey => `outcome.${outcome}`;
export const refusalKey = (refusal: Refusal): MessageKey => `refusal.${refusal}`;
