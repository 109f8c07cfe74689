import type { ExportCheck, FactCheckField } from "./export";

// What a check of an export found, in plain Swedish or English, for verify.html and the
// history view alike. Its own small table: verify.html carries no more than it needs.

type Lang = "sv" | "en";

const FIELD: Record<Lang, Record<FactCheckField, string>> = {
  sv: {
    status: "status",
    startedAt: "start",
    endedAt: "slut",
    outcome: "utfall",
    origin: "adress",
    title: "sidtitel",
    platform: "plattform",
    practice: "övning",
  },
  en: {
    status: "status",
    startedAt: "start",
    endedAt: "end",
    outcome: "outcome",
    origin: "address",
    title: "page title",
    platform: "platform",
    practice: "practice",
  },
};

const WORDS = {
  sv: {
    holds: "Allt som gick att kontrollera håller.",
    fails: "Något håller inte – se raderna markerade ✗.",
    noSums: "SHA256SUMS saknas eller är oläslig: filerna kan inte kontrolleras.",
    filesOk: (n: number) => `Alla ${n} filer stämmer med SHA256SUMS.`,
    differing: (f: string) => `Stämmer inte med SHA256SUMS (ändrad efter exporten): ${f}.`,
    missing: (f: string) => `Står i SHA256SUMS men saknas: ${f}.`,
    unlisted: (f: string) => `Finns i exporten men står inte i SHA256SUMS: ${f}.`,
    noLog: "log.jsonl saknas: loggkedjan kan inte räknas om.",
    unreadable: (l: string) => `Rader i log.jsonl som inte är JSON: ${l}.`,
    chainOk: (n: number, h: string) =>
      `Loggkedjan är omräknad och obruten: ${n} poster, sista hash ${h}.`,
    chainBroken: (seq: number, why: string) =>
      `Loggkedjan bryts vid post ${seq}: ${why}. Posterna från och med den kan inte styrkas.`,
    why: {
      gap: "en post saknas eller har flyttats",
      "prev-hash": "posten pekar inte på föregående posts hash",
      hash: "postens innehåll stämmer inte med dess hash",
      session: "posten hör till en annan incident",
    },
    noKey: "public-key.jwk saknas eller är oläslig: signaturerna kan inte kontrolleras.",
    noSignatures: "Exporten har inga signaturer.",
    sigOk: (n: number) =>
      `Alla ${n} poster har en giltig signatur (ECDSA P-256) med den medföljande nyckeln.`,
    sigInvalid: (s: string) =>
      `Signaturen stämmer inte för post ${s}: posten ändrades efter att den signerades.`,
    sigUnsigned: (s: string) => `Poster utan signatur: ${s}.`,
    sigOther: (s: string) => `Post ${s} är signerad med en annan nyckel.`,
    sigOrphans: (s: string) =>
      `Det finns signaturer för poster som saknas i loggen (post ${s}): poster har tagits bort.`,
    namedOther: (named: string) =>
      `Loggens första post anger en annan nyckel (${named}) än den som följer med.`,
    fingerprint: (f: string) =>
      `Nyckelns fingeravtryck (SHA-256 av den publika nyckeln): ${f}. Jämför med organisationens lista över coachernas nycklar.`,
    reportKey: "report.json anger ett annat fingeravtryck än nyckeln som följer med.",
    factsOk:
      "Rapportens datum, tider, utfall, plattform, adress, sidtitel och övningsmärkning stämmer med loggens egna poster.",
    factsDiffer: (f: string) => `report.json stämmer inte med loggens egna poster: ${f}.`,
    warned: (w: string) => `Tresteg varnade redan vid exporten: ${w}`,
    limits:
      "Vad detta visar: att filerna är oförändrade sedan exporten och att varje signerad post är oförändrad sedan den installation som äger nyckeln signerade den, vid den tid dess klocka angav. Det visar inte att inget utelämnades innan posterna signerades eller att datorns klocka gick rätt.",
  },
  en: {
    holds: "Everything that could be checked holds.",
    fails: "Something does not hold – see the lines marked ✗.",
    noSums: "SHA256SUMS is missing or unreadable: the files cannot be checked.",
    filesOk: (n: number) => `All ${n} files match SHA256SUMS.`,
    differing: (f: string) => `Does not match SHA256SUMS (changed after the export): ${f}.`,
    missing: (f: string) => `Listed in SHA256SUMS but missing: ${f}.`,
    unlisted: (f: string) => `In the export but not listed in SHA256SUMS: ${f}.`,
    noLog: "log.jsonl is missing: the log chain cannot be recomputed.",
    unreadable: (l: string) => `Lines of log.jsonl that are not JSON: ${l}.`,
    chainOk: (n: number, h: string) =>
      `The log chain is recomputed and unbroken: ${n} entries, last hash ${h}.`,
    chainBroken: (seq: number, why: string) =>
      `The log chain breaks at entry ${seq}: ${why}. Entries from there on cannot be verified.`,
    why: {
      gap: "an entry is missing or was moved",
      "prev-hash": "the entry does not point to the previous entry's hash",
      hash: "the entry's content does not match its hash",
      session: "the entry belongs to another incident",
    },
    noKey: "public-key.jwk is missing or unreadable: the signatures cannot be checked.",
    noSignatures: "The export has no signatures.",
    sigOk: (n: number) =>
      `All ${n} entries have a valid signature (ECDSA P-256) by the key included.`,
    sigInvalid: (s: string) =>
      `The signature does not hold for entry ${s}: the entry was changed after it was signed.`,
    sigUnsigned: (s: string) => `Entries without a signature: ${s}.`,
    sigOther: (s: string) => `Entry ${s} is signed with another key.`,
    sigOrphans: (s: string) =>
      `There are signatures for entries missing from the log (entry ${s}): entries were removed.`,
    namedOther: (named: string) =>
      `The log's first entry names another key (${named}) than the one included.`,
    fingerprint: (f: string) =>
      `Key fingerprint (SHA-256 of the public key): ${f}. Compare it with the organisation's list of its coaches' keys.`,
    reportKey: "report.json names another fingerprint than the key included.",
    factsOk:
      "The report's date, times, outcome, platform, address, page title and practice mark agree with the log's own entries.",
    factsDiffer: (f: string) => `report.json does not agree with the log's own entries: ${f}.`,
    warned: (w: string) => `Tresteg already warned at export: ${w}`,
    limits:
      "What this shows: the files are unchanged since the export, and each signed entry is unchanged since the installation owning the key signed it, at the time its clock gave. It does not show that nothing was left out before signing, or that the computer's clock was right.",
  },
};

export interface CheckLine {
  /** Holds, does not hold, or null for a note (what the check can and cannot show). */
  ok: boolean | null;
  text: string;
}

const list = (items: readonly (string | number)[]) => {
  const shown = items.slice(0, 12).join(", ");
  return items.length > 12 ? `${shown} … (${items.length})` : shown;
};

/** The check as lines, each holding or not; the first line is the verdict. */
export function describeCheck(check: ExportCheck, lang: Lang): CheckLine[] {
  const w = WORDS[lang];
  const lines: CheckLine[] = [{ ok: check.holds, text: check.holds ? w.holds : w.fails }];
  const add = (ok: boolean, text: string) => lines.push({ ok, text });
  const { files } = check;
  if (!files.sums) add(false, w.noSums);
  else {
    if (files.differing.length) add(false, w.differing(list(files.differing)));
    if (files.missing.length) add(false, w.missing(list(files.missing)));
    if (files.unlisted.length) add(false, w.unlisted(list(files.unlisted)));
    if (!files.differing.length && !files.missing.length)
      add(true, w.filesOk(files.matching.length));
  }
  const { chain } = check;
  if (!chain) add(false, w.noLog);
  else {
    if (chain.unreadable.length) add(false, w.unreadable(list(chain.unreadable)));
    add(
      chain.ok,
      chain.ok
        ? w.chainOk(chain.count, chain.headHash)
        : w.chainBroken(chain.at.seq, w.why[chain.at.reason]),
    );
  }
  const sig = check.signatures;
  if (!check.fingerprint) add(false, w.noKey);
  if (!sig) add(false, w.noSignatures);
  else {
    if (sig.invalid.length) add(false, w.sigInvalid(list(sig.invalid)));
    if (sig.orphans.length) add(false, w.sigOrphans(list(sig.orphans)));
    if (sig.otherKey.length) add(false, w.sigOther(list(sig.otherKey)));
    if (sig.unsigned.length) add(false, w.sigUnsigned(list(sig.unsigned)));
    if (sig.namedKey && sig.fingerprint && sig.namedKey !== sig.fingerprint) {
      add(false, w.namedOther(sig.namedKey));
    }
    if (sig.ok) add(true, w.sigOk(sig.verified));
  }
  if (check.fingerprint) add(true, w.fingerprint(check.fingerprint));
  if (check.reportKeyDiffers) add(false, w.reportKey);
  if (check.factsDiffer.length) {
    add(false, w.factsDiffer(check.factsDiffer.map((f) => FIELD[lang][f]).join(", ")));
  } else if (check.facts) add(true, w.factsOk);
  for (const warning of check.reportWarnings) add(false, w.warned(warning));
  lines.push({ ok: null, text: w.limits });
  return lines;
}
