import { unzipSync } from "fflate";
import { canonicalJson, type ChainVerdict, sha256Hex, verifyChain } from "../log/chain";
import type { LoggedEvent } from "../log/events";
import { chainFacts, type IncidentFacts } from "../draft/facts";
import { keyFingerprint } from "../log/signing";
import { type EntrySignature, type SignatureVerdict, verifySignatures } from "./signatures";

// Checks a Tresteg export from its files alone: each file against SHA256SUMS, the hash chain
// recomputed from log.jsonl, every signature with the key the export carries, and the
// report's headline facts against the log's own entries. The extension's history view and the
// verify.html inside every ZIP run this same code (verify.html is built from it), so a
// recipient sees what the coach sees. The format is in docs/verify.md.

/** The names of the files an export carries beside the reports and the screenshots. */
export const EXPORT_FILES = {
  sums: "SHA256SUMS",
  log: "log.jsonl",
  signatures: "log-signatures.jsonl",
  jwk: "public-key.jwk",
  pem: "public-key.pem",
  report: "report.json",
} as const;

export type FactCheckField =
  "startedAt" | "endedAt" | "outcome" | "origin" | "title" | "platform" | "practice" | "status";

export interface ExportCheck {
  files: {
    /** SHA256SUMS is there and readable. */
    sums: boolean;
    matching: string[];
    differing: string[];
    /** Listed in SHA256SUMS but not in the export. */
    missing: string[];
    /** In the export but not listed (SHA256SUMS itself aside). */
    unlisted: string[];
  };
  /** The chain recomputed from log.jsonl; null when the export has no log. */
  chain: (ChainVerdict & { unreadable: number[] }) | null;
  signatures: SignatureVerdict | null;
  /** The key's fingerprint as computed here from public-key.jwk; null without a key. */
  fingerprint: string | null;
  /** report.json names another fingerprint than the key it comes with. */
  reportKeyDiffers: boolean;
  /** Facts where report.json says something other than the log's own entries. */
  factsDiffer: FactCheckField[];
  facts: IncidentFacts | null;
  /** What Tresteg itself warned about in report.json's integrity section at export. */
  reportWarnings: string[];
  /** Everything checked holds: files, chain, signatures, facts, and no warning at export. */
  holds: boolean;
}

const decode = (bytes: Uint8Array | undefined) =>
  bytes ? new TextDecoder("utf-8", { fatal: false }).decode(bytes) : null;

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** "hash  path" lines, as sha256sum writes and checks them. */
function parseSums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
    if (match) sums.set(match[2] as string, match[1] as string);
  }
  return sums;
}

/** The lines of a JSON Lines file, parsed; the numbers (from 1) of lines that are not JSON. */
function jsonLines<T>(text: string): { rows: T[]; unreadable: number[] } {
  const rows: T[] = [];
  const unreadable: number[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const value = parseJson(line);
    if (value && typeof value === "object") rows.push(value as T);
    else unreadable.push(i + 1);
  });
  return { rows, unreadable };
}

type ReportJson = {
  status?: unknown;
  practice?: unknown;
  call?: { incidentStarted?: { at?: unknown }; ended?: { at?: unknown } | null };
  channel?: { origin?: unknown; title?: unknown; platform?: unknown };
  actions?: { outcome?: unknown };
  integrity?: {
    publicKey?: { fingerprint?: unknown } | null;
    summaryText?: unknown;
    facts?: { text?: unknown };
    signatures?: { lines?: Array<{ text?: unknown; warning?: unknown }> } | null;
    chain?: { ok?: unknown };
    chainText?: unknown;
  };
};

function reportFacts(report: ReportJson): Record<FactCheckField, unknown> {
  return {
    status: report.status,
    startedAt: report.call?.incidentStarted?.at,
    endedAt: report.call?.ended ? report.call.ended.at : null,
    outcome: report.actions?.outcome,
    origin: report.channel?.origin,
    title: report.channel?.title,
    platform: report.channel?.platform,
    practice: report.practice,
  };
}

function reportWarnings(report: ReportJson): string[] {
  const integrity = report.integrity;
  if (!integrity) return [];
  const warnings: unknown[] = [];
  if (integrity.chain?.ok === false) warnings.push(integrity.chainText);
  warnings.push(integrity.summaryText, integrity.facts?.text);
  for (const line of integrity.signatures?.lines ?? []) {
    if (line.warning === true) warnings.push(line.text);
  }
  return warnings.filter((w): w is string => typeof w === "string" && w.length > 0);
}

async function fingerprintOf(jwk: JsonWebKey): Promise<string | null> {
  try {
    const key = await crypto.subtle.importKey(
      "jwk",
      { ...jwk, ext: true },
      { name: "ECDSA", namedCurve: "P-256" },
      true,
      ["verify"],
    );
    return await keyFingerprint(new Uint8Array(await crypto.subtle.exportKey("spki", key)));
  } catch {
    return null;
  }
}

/** Checks an export given as its files, by path inside the ZIP. */
export async function checkExport(files: ReadonlyMap<string, Uint8Array>): Promise<ExportCheck> {
  const sumsText = decode(files.get(EXPORT_FILES.sums));
  const sums = sumsText === null ? new Map<string, string>() : parseSums(sumsText);
  const fileCheck: ExportCheck["files"] = {
    sums: sumsText !== null && sums.size > 0,
    matching: [],
    differing: [],
    missing: [],
    unlisted: [],
  };
  for (const [path, expected] of sums) {
    const data = files.get(path);
    if (!data) fileCheck.missing.push(path);
    else if ((await sha256Hex(data)) === expected) fileCheck.matching.push(path);
    else fileCheck.differing.push(path);
  }
  for (const path of files.keys()) {
    if (path !== EXPORT_FILES.sums && !sums.has(path)) fileCheck.unlisted.push(path);
  }

  const logText = decode(files.get(EXPORT_FILES.log));
  let events: LoggedEvent[] = [];
  let chain: ExportCheck["chain"] = null;
  if (logText !== null) {
    const { rows, unreadable } = jsonLines<LoggedEvent>(logText);
    events = rows;
    chain = { ...(await verifyChain(events)), unreadable };
  }

  const jwk = parseJson(decode(files.get(EXPORT_FILES.jwk))) as JsonWebKey | null;
  const fingerprint = jwk ? await fingerprintOf(jwk) : null;
  let signatures: SignatureVerdict | null = null;
  const signatureText = decode(files.get(EXPORT_FILES.signatures));
  if (logText !== null && (signatureText !== null || jwk)) {
    const { rows } = jsonLines<EntrySignature>(signatureText ?? "");
    signatures = await verifySignatures(
      events,
      rows,
      jwk && fingerprint ? { fingerprint, jwk } : null,
    );
  }

  const report = parseJson(decode(files.get(EXPORT_FILES.report))) as ReportJson | null;
  const facts = chainFacts(events);
  const factsDiffer: FactCheckField[] = [];
  if (report && facts) {
    const said = reportFacts(report);
    for (const field of Object.keys(said) as FactCheckField[]) {
      if (canonicalJson(said[field] ?? null) !== canonicalJson(facts[field] ?? null)) {
        factsDiffer.push(field);
      }
    }
  }
  const reportFingerprint = report?.integrity?.publicKey?.fingerprint;
  const reportKeyDiffers =
    typeof reportFingerprint === "string" && reportFingerprint !== fingerprint;
  const warnings = report ? reportWarnings(report) : [];

  const holds =
    fileCheck.sums &&
    fileCheck.differing.length === 0 &&
    fileCheck.missing.length === 0 &&
    fileCheck.unlisted.length === 0 &&
    chain !== null &&
    chain.ok &&
    chain.unreadable.length === 0 &&
    signatures !== null &&
    signatures.ok &&
    !reportKeyDiffers &&
    factsDiffer.length === 0 &&
    warnings.length === 0;
  return {
    files: fileCheck,
    chain,
    signatures,
    fingerprint,
    reportKeyDiffers,
    factsDiffer,
    facts,
    reportWarnings: warnings,
    holds,
  };
}

/** The files of a ZIP, by path; folders left out. Throws when it is not a ZIP. */
export function unzipExport(zip: Uint8Array): Map<string, Uint8Array> {
  const entries = unzipSync(zip);
  return new Map(Object.entries(entries).filter(([path]) => !path.endsWith("/")));
}
