import { fill, type Lang, type Translator } from "../i18n/text";

/**
 * The incident draft's own words. Swedish is the source; English must have every key (the type
 * says so). Log sentences come from lib/log/describe through lib/i18n; prescribed phrases come
 * from the log verbatim.
 */
export const draftSv = {
  title: "Incidentrapport – utkast",
  practice: "ÖVNING – inte en verklig händelse",
  generatedBy: "Utkast från Tresteg. Fritext är coachens egen; resten kommer från loggen.",
  "h.when": "Datum och tid",
  "h.channel": "Enhet och kanal",
  "h.kinds": "Typ av utsatthet",
  "h.timeline": "Händelseförlopp",
  "h.mutes": "Väntan och avstängt ljud och bild",
  "h.screenshots": "Skärmdumpar",
  "h.actions": "Vidtagna åtgärder",
  "h.description": "Beskrivning av händelsen (coachens ord)",
  "h.coachActions": "Åtgärder (coachens ord)",
  "h.notes": "Anteckningar under samtalet",
  "h.threatDetails": "Uppgifter om avsändaren",
  "h.identity": "Klientens identitet",
  "h.police": "Polisanmälan",
  "h.checklist": "Checklista efter händelsen",
  "h.routine": "Rutin",
  "h.integrity": "Kontrollsummor och loggkedja",
  date: "Datum",
  callStarted: "Samtalet började",
  "callStart.edited": "angiven i utkastet",
  "callStart.logged": "angiven under samtalet",
  incidentStarted: "Incidenten startades",
  incidentEnded: "Incidenten avslutades",
  stillOpen: "pågår fortfarande",
  timeZone: "Tidszon",
  unit: "Enhet",
  channel: "Kanal",
  videoCall: "Videosamtal",
  platform: "Plattform",
  origin: "Adress",
  pageTitle: "Sidans titel",
  missing: "(inte angivet)",
  kindsMissing: "Typ ej vald",
  tagged: "Markerat",
  timelineEmpty: "Inget loggat.",
  unverified: "(ej styrkt)",
  "wait.closed": "Väntan {from}–{to} ({duration}, planerad {planned}): {reason}",
  "wait.open":
    "Väntan från {from} (planerad {planned}): inte avslutad när incidenten avslutades {end}",
  "wait.running": "Väntan från {from} (planerad {planned}): pågår fortfarande",
  "mute.closed": "{target} {off} {from}–{to} ({duration})",
  "mute.open":
    "{target} {off} från {from}: fortfarande {off} när incidenten avslutades {end} ({duration})",
  "mute.running": "{target} {off} från {from}: fortfarande {off}",
  "mute.wasAlready": " – var redan {off}",
  "mute.applyFailed": "{target}: kunde inte stängas av {time}",
  "mute.restoreFailed": "{target}: kunde inte återställas {time}",
  noMutes: "Ingen väntan och inget avstängt.",
  noScreenshots: "Inga skärmdumpar.",
  "shot.line": "{n}. {time} – {width}×{height} px, {size}",
  "shot.page": "Sida: {title} ({origin})",
  "shot.caption": "Bildtext: {caption}",
  "shot.file": "Fil: {file}",
  "shot.deleted": "Raderad {time}: bildfilen finns inte kvar, hashen finns i loggen.",
  "shot.notInLog": "Finns inte i loggen.",
  "shot.recordDiffers": "Bildens lagrade hash skiljer sig från loggens.",
  "shot.fileMatches": "Bildfilen kontrollerad vid export: stämmer med loggen.",
  "shot.fileDiffers": "Bildfilen stämmer INTE med loggen (filens SHA-256 {hash}).",
  "shot.fileMissing": "Bildfilen saknas.",
  sizeUnknown: "storlek okänd",
  highestStep: "Högsta steg: {n} – {title}",
  "step.reached": "Steg {n} – {title}",
  "step.notReached": "Steg {n} – {title}: nåddes inte",
  phraseUse: "”{text}” ({times})",
  noPhrases: "inga fraser loggade",
  waits: "Tvåminutersväntan: {count}",
  terminatedAt: "Samtalet avslutades av coachen {time}",
  notTerminated: "Samtalet avslutades inte av coachen",
  hangUp: "Lade på i mötet {time}: {result}",
  resolvedAt: "Klienten lugnade sig {time}",
  outcome: "Utfall",
  outcomeOpen: "incidenten är inte avslutad",
  notFilledIn: "(inte ifyllt)",
  noNotes: "Inga anteckningar.",
  identityLeftOut:
    "Klientens identitet anges inte i utkastet. Coachen lägger bara till den om det behövs.",
  identityAdded: "Tillagd av coachen: {identity}",
  kNumber: "K-nummer",
  requirement: "Polisanmälan",
  source: "Källa",
  "req.required": "krävs",
  "req.assess": "bedöms av chef och coach",
  "req.if-serious": "om händelsen inneburit allvarlig fara för liv eller hälsa",
  "check.manager": "Kontakta närmaste chef",
  "check.manager.detail":
    "Nu. Chefen kontaktar säkerhetsfunktionen, HR och vid behov Arbetsmiljöverket.",
  "check.medcontrol": "Avvikelserapport i MedControl",
  "check.medcontrol.detail":
    "Skriv in K-numret från polisanmälan när det finns. Bifoga dokument om händelsen.",
  "check.work-environment-authority": "Anmälan till Arbetsmiljöverket",
  "check.work-environment-authority.detail":
    "Omgående om händelsen inneburit allvarlig fara för liv eller hälsa; även HR-chef och säkerhetsfunktionen.",
  "check.police-report": "Polisanmälan",
  "check.police-report.detail":
    "Görs av närmaste chef tillsammans med dig, på polisstationen. Regionhälsan anmäler, du är målsägare. Begär åtkomstskyddad anmälan. Notera K-numret.",
  "check.call-tracing": "Spårning av samtalet",
  "check.call-tracing.detail":
    "Säkerhetsfunktionen ansöker inom tio dagar från samtalet. Kräver exakt klockslag och en polisanmälan: underrätta säkerhetsfunktionen så fort som möjligt.",
  "check.follow-up-week": "Uppföljningssamtal efter en vecka",
  "check.follow-up-three-months": "Uppföljningssamtal efter tre månader",
  "check.follow-up-year": "Uppföljningssamtal efter ett år",
  "check.follow-up.detail": "Närmaste chef erbjuder samtalet.",
  "check.crisis-support": "Stöd erbjudet (krisstöd)",
  "check.crisis-support.detail":
    "Samtalsstöd från extern part, t.ex. Hälsan och arbetslivet. Den drabbade lämnas inte ensam det första dygnet.",
  "due.now": "nu",
  "due.without-delay": "omgående",
  "due.deadline": "senast {date}",
  "due.on": "{date}",
  done: "klart {time}",
  notDone: "ej klart",
  "warn.soon": "Mindre än tre dagar kvar",
  "warn.overdue": "Tidsfristen har passerat",
  routineLine:
    "{title}, {organisation}. Dokument-ID {id}, version {version}, giltig {from} – {to}.",
  packLine: "Frasbibliotek: {name} ({id})",
  packMismatch:
    "Obs: incidenten loggades med version {logged}; frasbiblioteket har version {current}.",
  "chain.broken":
    "Loggkedjan bryts vid post {seq}: {reason}. Posterna från och med post {seq} kan inte styrkas.",
  "break.gap": "en post saknas (väntade post {expected})",
  "break.prev-hash": "posten pekar inte på föregående posts hash",
  "break.hash": "postens innehåll stämmer inte med dess hash",
  "break.session": "posten hör till en annan incident",
  headHash: "Loggens sista hash (SHA-256): {hash}",
  noEntries: "Loggen är tom.",
  summaryMismatch:
    "Incidentens sammanfattning anger {length} poster men loggen har {count}: slutet av loggen kan saknas.",
  summaryHeadDiffers:
    "Incidentens sammanfattning anger en annan sista hash än loggens sista post: loggen kan ha ändrats.",
  "integrity.shot": "{n}. post {seq}, tagen {utc} (UTC) = {local} (lokal tid)",
  "integrity.noSeq": "ingen loggpost",
  "integrity.deleted": "raderad",
  statement:
    "Vad detta visar: att filerna i exporten är oförändrade sedan exporten (SHA256SUMS), och att varje signerad loggpost är oförändrad sedan denna installation av Tresteg signerade den, vid den tid som datorns egen klocka angav. Vad det inte visar: att inget utelämnades innan posterna signerades, att datorns klocka gick rätt, vem som satt vid datorn eller att händelsen gick till så som den beskrivs.",
  howToCheck:
    "Kontroll: öppna verify.html i ZIP-exporten i en webbläsare, eller följ verify.md (sha256sum, jq eller Node) – det kräver inte Tresteg.",
  "print.header": "Incidentrapport {date} kl. {time} · Enhet: {unit}",
  "print.practice": "ÖVNING",
  "print.page": "Sida {page} av {pages}",
  // Draft and self-harm
  "chain.ok.one": "Loggkedjan är obruten: {count} post.",
  "chain.ok.other":
    "Loggkedjan är obruten: {count} poster, var och en med hashen av den föregående.",
  // Ljud is neuter, bild and the devices are common gender.
  "off.client-sound": "avstängt",
  "off.client-picture": "dold",
  "off.own-mic": "avstängd",
  "off.own-camera": "avstängd",
  "due.fromIncident":
    "räknat från incidentens start kl. {time}, eftersom samtalets starttid inte är angiven",
  "callStart.notGiven": "inte angiven (tidsfristerna räknas från incidentens start {time})",
  "h.selfHarm": "Hot om våld mot sig själv",
  "selfHarm.intro": "Handbokens stöd vid suicidhot användes i stället för de tre stegen.",
  "selfHarm.documented": "Dokumenterat",
  "selfHarm.noDetails": "Inget dokumenterat.",
  "selfHarm.referred": "Hänvisning",
  "selfHarm.referredTo": "Hänvisad till {to}",
  "selfHarm.noReferrals": "Ingen hänvisning loggad.",
  "selfHarm.emergency": "112",
  "selfHarm.noEmergency": "Inget om 112 loggat.",
  "selfHarm.loggedAsCalled":
    "{text} (loggat av en äldre version av Tresteg när påminnelsen visades, inte bekräftat av coachen)",
  identityDocumented:
    "Utkastet innehåller klientens identitet så som coachen dokumenterade den under samtalet (avsnittet ”Hot om våld mot sig själv”). Tänk på vem utkastet går till.",
  // Evidence
  "shot.underCover":
    "Tagen under skyddet: klientens bild ur mötessidans video, medan den var täckt för coachen.",
  // --- evidence ---
  "facts.rowDiffers":
    "Incidentens sammanfattningsrad stämmer inte med loggkedjan ({fields}). Rapporten använder loggkedjans uppgifter.",
  "facts.fromRow":
    "Loggkedjan saknar sin första post: start, adress, sidtitel och plattform kommer från sammanfattningsraden och styrks inte av kedjan.",
  "fact.status": "status",
  "fact.startedAt": "start",
  "fact.endedAt": "slut",
  "fact.outcome": "utfall",
  "fact.kinds": "typ",
  "fact.origin": "adress",
  "fact.title": "sidtitel",
  "fact.platform": "plattform",
  "fact.packId": "frasbibliotek",
  "fact.packVersion": "rutinens version",
  "fact.practice": "övning",
  "sig.ok.one":
    "Posten är signerad med denna installations nyckel (ECDSA P-256) och signaturen stämmer.",
  "sig.ok.other":
    "Alla {count} poster är signerade med denna installations nyckel (ECDSA P-256) och varje signatur stämmer.",
  "sig.key": "Signeringsnyckelns fingeravtryck (SHA-256 av den publika nyckeln): {fingerprint}",
  "sig.newKey":
    "Incidentens första post anger att nyckeln var ny: den första incidenten sedan denna installation av Tresteg skapade sin nyckel.",
  "sig.none":
    "Loggen är inte signerad: den skrevs före signering eller utan nyckel. Hashkedjan kan då räknas om av den som ändrar loggen.",
  "sig.noKey":
    "Nyckeln som signerade loggen finns inte i denna installation: signaturerna kan inte kontrolleras.",
  "sig.unsigned": "Poster utan signatur: {seqs}.",
  "sig.invalid":
    "Signaturen stämmer inte för post {seqs}: posten har ändrats efter att den signerades.",
  "sig.otherKey": "Post {seqs} är signerad med en annan nyckel än denna installations.",
  "sig.orphans":
    "Det finns signaturer för poster som saknas i loggen (post {seqs}): poster har tagits bort.",
  "sig.namedOther":
    "Incidentens första post anger nyckeln {named}, men loggen kontrolleras med nyckeln {fingerprint}.",
  anchor:
    "Ankare för MedControl: loggen har {length} poster och sista hash {hash} – MedControls egen tidsstämpel på denna text visar att loggen fanns i just den formen då, så en senare ändring av loggen går att upptäcka.",
  anchorEmpty: "Ankare för MedControl: loggen är tom.",
};

export type DraftKey = keyof typeof draftSv;

export const draftEn: Record<DraftKey, string> = {
  title: "Incident report – draft",
  practice: "PRACTICE – not a real incident",
  generatedBy: "Draft from Tresteg. Free text is the coach's own; the rest comes from the log.",
  "h.when": "Date and time",
  "h.channel": "Unit and channel",
  "h.kinds": "Kind of exposure",
  "h.timeline": "Course of events",
  "h.mutes": "Wait and muted sound and picture",
  "h.screenshots": "Screenshots",
  "h.actions": "Actions taken",
  "h.description": "Description of the incident (the coach's words)",
  "h.coachActions": "Actions (the coach's words)",
  "h.notes": "Notes during the call",
  "h.threatDetails": "Details about the sender",
  "h.identity": "The client's identity",
  "h.police": "Police report",
  "h.checklist": "Checklist after the incident",
  "h.routine": "Routine",
  "h.integrity": "Checksums and log chain",
  date: "Date",
  callStarted: "The call began",
  "callStart.edited": "set in the draft",
  "callStart.logged": "set during the call",
  incidentStarted: "The incident was started",
  incidentEnded: "The incident was ended",
  stillOpen: "still ongoing",
  timeZone: "Time zone",
  unit: "Unit",
  channel: "Channel",
  videoCall: "Video call",
  platform: "Platform",
  origin: "Address",
  pageTitle: "Page title",
  missing: "(not given)",
  kindsMissing: "Kind not chosen",
  tagged: "Tagged",
  timelineEmpty: "Nothing logged.",
  unverified: "(not verified)",
  "wait.closed": "Wait {from}–{to} ({duration}, planned {planned}): {reason}",
  "wait.open": "Wait from {from} (planned {planned}): not over when the incident ended {end}",
  "wait.running": "Wait from {from} (planned {planned}): still running",
  "mute.closed": "{target} {off} {from}–{to} ({duration})",
  "mute.open": "{target} {off} from {from}: still {off} when the incident ended {end} ({duration})",
  "mute.running": "{target} {off} from {from}: still {off}",
  "mute.wasAlready": " – was already {off}",
  "mute.applyFailed": "{target}: could not be turned off {time}",
  "mute.restoreFailed": "{target}: could not be restored {time}",
  noMutes: "No wait and nothing muted.",
  noScreenshots: "No screenshots.",
  "shot.line": "{n}. {time} – {width}×{height} px, {size}",
  "shot.page": "Page: {title} ({origin})",
  "shot.caption": "Caption: {caption}",
  "shot.file": "File: {file}",
  "shot.deleted": "Deleted {time}: the image file is gone, its hash is in the log.",
  "shot.notInLog": "Not in the log.",
  "shot.recordDiffers": "The stored hash of the image differs from the log's.",
  "shot.fileMatches": "Image file checked at export: matches the log.",
  "shot.fileDiffers": "The image file does NOT match the log (file SHA-256 {hash}).",
  "shot.fileMissing": "The image file is missing.",
  sizeUnknown: "size unknown",
  highestStep: "Highest step: {n} – {title}",
  "step.reached": "Step {n} – {title}",
  "step.notReached": "Step {n} – {title}: not reached",
  phraseUse: "“{text}” ({times})",
  noPhrases: "no phrases logged",
  waits: "Two-minute waits: {count}",
  terminatedAt: "The coach ended the call {time}",
  notTerminated: "The coach did not end the call",
  hangUp: "Hung up in the meeting {time}: {result}",
  resolvedAt: "The client calmed down {time}",
  outcome: "Outcome",
  outcomeOpen: "the incident has not been ended",
  notFilledIn: "(not filled in)",
  noNotes: "No notes.",
  identityLeftOut:
    "The client's identity is left out of the draft. The coach adds it only when it is needed.",
  identityAdded: "Added by the coach: {identity}",
  kNumber: "K-number",
  requirement: "Police report",
  source: "Source",
  "req.required": "required",
  "req.assess": "assessed by manager and coach",
  "req.if-serious": "if the incident meant serious danger to life or health",
  "check.manager": "Contact your manager",
  "check.manager.detail":
    "Now. The manager contacts the security function, HR and if needed the Work Environment Authority.",
  "check.medcontrol": "Deviation report in MedControl",
  "check.medcontrol.detail":
    "Enter the police report's K-number when there is one. Attach documents about the incident.",
  "check.work-environment-authority": "Report to the Work Environment Authority",
  "check.work-environment-authority.detail":
    "Without delay if the incident meant serious danger to life or health; also the HR manager and the security function.",
  "check.police-report": "Police report",
  "check.police-report.detail":
    "Made by your manager together with you, at the police station. Regionhälsan reports, you are the injured party. Ask for access protection. Note the K-number.",
  "check.call-tracing": "Tracing of the call",
  "check.call-tracing.detail":
    "The security function applies within ten days of the call. It needs the exact time and a police report: tell the security function as soon as possible.",
  "check.follow-up-week": "Follow-up talk after one week",
  "check.follow-up-three-months": "Follow-up talk after three months",
  "check.follow-up-year": "Follow-up talk after one year",
  "check.follow-up.detail": "Your manager offers the talk.",
  "check.crisis-support": "Support offered (crisis support)",
  "check.crisis-support.detail":
    "Counselling from an external party, e.g. Hälsan och arbetslivet. The person affected is not left alone during the first day.",
  "due.now": "now",
  "due.without-delay": "without delay",
  "due.deadline": "by {date}",
  "due.on": "{date}",
  done: "done {time}",
  notDone: "not done",
  "warn.soon": "Fewer than three days left",
  "warn.overdue": "The deadline has passed",
  routineLine: "{title}, {organisation}. Document id {id}, version {version}, valid {from} – {to}.",
  packLine: "Phrase pack: {name} ({id})",
  packMismatch:
    "Note: the incident was logged with version {logged}; the phrase pack has {current}.",
  "chain.broken":
    "The log chain breaks at entry {seq}: {reason}. Entries from entry {seq} on cannot be verified.",
  "break.gap": "an entry is missing (expected entry {expected})",
  "break.prev-hash": "the entry does not point to the previous entry's hash",
  "break.hash": "the entry's content does not match its hash",
  "break.session": "the entry belongs to another incident",
  headHash: "Hash of the log's last entry (SHA-256): {hash}",
  noEntries: "The log is empty.",
  summaryMismatch:
    "The incident's summary counts {length} entries but the log has {count}: the end of the log may be missing.",
  summaryHeadDiffers:
    "The incident's summary names another last hash than the log's last entry: the log may have been changed.",
  "integrity.shot": "{n}. entry {seq}, taken {utc} (UTC) = {local} (local time)",
  "integrity.noSeq": "no log entry",
  "integrity.deleted": "deleted",
  statement:
    "What this shows: that the files in the export are unchanged since the export (SHA256SUMS), and that each signed log entry is unchanged since this installation of Tresteg signed it, at the time the computer's own clock gave. What it does not show: that nothing was left out before the entries were signed, that the computer's clock was right, who sat at the computer, or that the incident happened as described.",
  howToCheck:
    "To check: open verify.html from the ZIP export in a browser, or follow verify.md (sha256sum, jq or Node) – Tresteg is not needed.",
  "print.header": "Incident report {date} at {time} · Unit: {unit}",
  "print.practice": "PRACTICE",
  "print.page": "Page {page} of {pages}",
  "chain.ok.one": "The log chain is unbroken: {count} entry.",
  "chain.ok.other":
    "The log chain is unbroken: {count} entries, each carrying the previous one's hash.",
  "off.client-sound": "off",
  "off.client-picture": "hidden",
  "off.own-mic": "off",
  "off.own-camera": "off",
  "due.fromIncident":
    "counted from the incident's start at {time}, since the call's start time is not given",
  "callStart.notGiven": "not given (the deadlines count from the incident's start {time})",
  "h.selfHarm": "Threat of violence against themselves",
  "selfHarm.intro":
    "The handbook's guidance on suicide threats was used instead of the three steps.",
  "selfHarm.documented": "Documented",
  "selfHarm.noDetails": "Nothing documented.",
  "selfHarm.referred": "Referral",
  "selfHarm.referredTo": "Referred to {to}",
  "selfHarm.noReferrals": "No referral logged.",
  "selfHarm.emergency": "112",
  "selfHarm.noEmergency": "Nothing about 112 logged.",
  "selfHarm.loggedAsCalled":
    "{text} (logged by an older version of Tresteg when the reminder was shown, not confirmed by the coach)",
  identityDocumented:
    "The draft holds the client's identity as the coach documented it during the call (the section “Threat of violence against themselves”). Mind who the draft goes to.",
  // Evidence
  "shot.underCover":
    "Taken under the cover: the client's picture from the meeting page's video, while it was covered for the coach.",
  // --- evidence ---
  "facts.rowDiffers":
    "The incident's summary row does not agree with the log chain ({fields}). The report uses the log chain's values.",
  "facts.fromRow":
    "The log chain lacks its first entry: start, address, page title and platform come from the summary row and are not backed by the chain.",
  "fact.status": "status",
  "fact.startedAt": "start",
  "fact.endedAt": "end",
  "fact.outcome": "outcome",
  "fact.kinds": "kind",
  "fact.origin": "address",
  "fact.title": "page title",
  "fact.platform": "platform",
  "fact.packId": "phrase pack",
  "fact.packVersion": "routine version",
  "fact.practice": "practice",
  "sig.ok.one":
    "The entry is signed with this installation's key (ECDSA P-256) and the signature holds.",
  "sig.ok.other":
    "All {count} entries are signed with this installation's key (ECDSA P-256) and every signature holds.",
  "sig.key": "Signing key fingerprint (SHA-256 of the public key): {fingerprint}",
  "sig.newKey":
    "The incident's first entry says the key was new: the first incident since this installation of Tresteg made its key.",
  "sig.none":
    "The log is not signed: it was written before signing or without a key. Its hash chain can then be recomputed by whoever changes the log.",
  "sig.noKey":
    "The key that signed the log is not in this installation: the signatures cannot be checked.",
  "sig.unsigned": "Entries without a signature: {seqs}.",
  "sig.invalid":
    "The signature does not hold for entry {seqs}: the entry was changed after it was signed.",
  "sig.otherKey": "Entry {seqs} is signed with another key than this installation's.",
  "sig.orphans":
    "There are signatures for entries missing from the log (entry {seqs}): entries were removed.",
  "sig.namedOther":
    "The incident's first entry names the key {named}, but the log is checked with the key {fingerprint}.",
  anchor:
    "Anchor for MedControl: the log has {length} entries and last hash {hash} – MedControl's own timestamp on this text shows the log existed in exactly this form then, so a later change of the log can be detected.",
  anchorEmpty: "Anchor for MedControl: the log is empty.",
};

export type DraftTranslate = Translator<DraftKey>;

const tables: Record<Lang, Record<DraftKey, string>> = { sv: draftSv, en: draftEn };

export function draftTranslator(lang: Lang): DraftTranslate {
  const table = tables[lang];
  return (key, params) => fill(table[key], params);
}
