import { countKey } from "../i18n/text";
import type { ChainBreak, ChainVerdict } from "../log/chain";
import type { LoggedEvent } from "../log/events";
import type { DraftTranslate } from "./messages";
import type { SignatureVerdict } from "../verify/signatures";
import type { FactField } from "./facts";
import type { ChainStatus, Integrity, SignatureCheck } from "./types";

/**
 * The index of the first entry the chain does not vouch for: the length of the log when it is
 * whole, else the entry where verifyChain found the break.
 */
export function firstUnverifiedIndex(events: readonly LoggedEvent[], chain: ChainVerdict): number {
  if (chain.ok) return events.length;
  const index = events.findIndex((event) => event.seq === chain.at.seq);
  return index === -1 ? 0 : index;
}

/** Where the stored chain head says the log ends (lib/log keeps it beside the log). */
export interface StoredHead {
  length: number;
  headHash: string;
}

function breakReason(at: ChainBreak, dt: DraftTranslate): string {
  switch (at.reason) {
    case "gap":
      return dt("break.gap", { expected: at.expectedSeq });
    case "prev-hash":
      return dt("break.prev-hash");
    case "hash":
      return dt("break.hash");
    case "session":
      return dt("break.session");
    default: {
      const unknown: never = at;
      return JSON.stringify(unknown);
    }
  }
}

function firstEntryNamesNewKey(events: readonly LoggedEvent[]): boolean {
  const first = events[0];
  return first?.type === "session-started" && first.signingKey?.new === true;
}

/**
 * What the hashes vouch for, and where they stop. A broken chain still gives a report: it says
 * at which entry the break is, so a reader knows which part of the course of events is backed.
 * verifyChain cannot see entries cut from the end; the stored chain head (written in the same
 * transaction as each entry) can, so its length and hash are compared too when given.
 */
/** "3, 4, 7" – a list of entry numbers, cut short when it is long. */
function seqList(seqs: readonly number[]): string {
  const shown = seqs.slice(0, 12).join(", ");
  return seqs.length > 12 ? `${shown} … (${seqs.length})` : shown;
}

function signatureCheck(
  verdict: SignatureVerdict,
  newKey: boolean,
  dt: DraftTranslate,
): SignatureCheck {
  const lines: SignatureCheck["lines"] = [];
  const warn = (text: string) => lines.push({ text, warning: true });
  const anySigned =
    verdict.verified + verdict.invalid.length + verdict.otherKey.length + verdict.orphans.length >
    0;
  if (!anySigned && verdict.namedKey === null) warn(dt("sig.none"));
  else if (verdict.fingerprint === null) warn(dt("sig.noKey"));
  if (verdict.invalid.length) warn(dt("sig.invalid", { seqs: seqList(verdict.invalid) }));
  if (verdict.orphans.length) warn(dt("sig.orphans", { seqs: seqList(verdict.orphans) }));
  if (verdict.otherKey.length) warn(dt("sig.otherKey", { seqs: seqList(verdict.otherKey) }));
  if (anySigned || verdict.namedKey !== null) {
    if (verdict.unsigned.length) warn(dt("sig.unsigned", { seqs: seqList(verdict.unsigned) }));
  }
  if (
    verdict.namedKey !== null &&
    verdict.fingerprint &&
    verdict.namedKey !== verdict.fingerprint
  ) {
    warn(dt("sig.namedOther", { named: verdict.namedKey, fingerprint: verdict.fingerprint }));
  }
  if (verdict.ok) {
    lines.push({
      text: dt(countKey("sig.ok", verdict.verified), { count: verdict.verified }),
      warning: false,
    });
  }
  if (verdict.fingerprint) {
    lines.push({ text: dt("sig.key", { fingerprint: verdict.fingerprint }), warning: false });
  }
  if (newKey) lines.push({ text: dt("sig.newKey"), warning: false });
  return {
    ok: verdict.ok,
    fingerprint: verdict.fingerprint,
    namedKey: verdict.namedKey,
    newKey,
    verified: verdict.verified,
    unsigned: verdict.unsigned,
    invalid: verdict.invalid,
    otherKey: verdict.otherKey,
    orphans: verdict.orphans,
    lines,
  };
}

export interface IntegrityInput {
  events: readonly LoggedEvent[];
  head: StoredHead | undefined;
  chain: ChainVerdict;
  facts: { source: "chain" | "row"; rowDiffers: FactField[] };
  signatures?: SignatureVerdict;
  publicKey?: { fingerprint: string; jwk: JsonWebKey } | null;
}

export function buildIntegrity(input: IntegrityInput, dt: DraftTranslate): Integrity {
  const { events, head, chain } = input;
  const status: ChainStatus = chain.ok
    ? { ok: true, count: chain.count }
    : { ok: false, count: chain.count, breakSeq: chain.at.seq, reason: chain.at.reason };
  const chainText = chain.ok
    ? events.length === 0
      ? dt("noEntries")
      : dt(countKey("chain.ok", chain.count), { count: chain.count })
    : dt("chain.broken", { seq: chain.at.seq, reason: breakReason(chain.at, dt) });
  const headHash = events.at(-1)?.hash ?? null;
  const summaryMatches = head ? head.length === events.length && head.headHash === headHash : null;
  return {
    algorithm: "SHA-256",
    chain: status,
    chainText,
    headHash,
    summaryMatches,
    summaryText:
      !head || summaryMatches
        ? null
        : head.length !== events.length
          ? dt("summaryMismatch", { length: head.length, count: events.length })
          : dt("summaryHeadDiffers"),
    facts: {
      ...input.facts,
      text:
        input.facts.source === "row"
          ? dt("facts.fromRow")
          : input.facts.rowDiffers.length
            ? dt("facts.rowDiffers", {
                fields: input.facts.rowDiffers.map((f) => dt(`fact.${f}`)).join(", "),
              })
            : null,
    },
    signatures: input.signatures
      ? signatureCheck(input.signatures, firstEntryNamesNewKey(events), dt)
      : null,
    publicKey: input.publicKey ?? null,
    anchor: {
      length: events.length,
      headHash,
      text: headHash ? dt("anchor", { length: events.length, hash: headHash }) : dt("anchorEmpty"),
    },
    statement: dt("statement"),
  };
}
