import { countKey } from "../i18n/text";
import type { ChainBreak, ChainVerdict } from "../log/chain";
import type { LoggedEvent } from "../log/events";
import type { DraftTranslate } from "./messages";
import type { ChainStatus, Integrity } from "./types";

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

/**
 * What the hashes vouch for, and where they stop. A broken chain still gives a report: it says
 * at which entry the break is, so a reader knows which part of the course of events is backed.
 * verifyChain cannot see entries cut from the end; the stored chain head (written in the same
 * transaction as each entry) can, so its length and hash are compared too when given.
 */
export function buildIntegrity(
  events: readonly LoggedEvent[],
  head: StoredHead | undefined,
  chain: ChainVerdict,
  dt: DraftTranslate,
): Integrity {
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
    statement: dt("statement"),
  };
}
