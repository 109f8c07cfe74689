import type { LoggedEvent } from "./events";

/** The previous-hash of a session's first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted, so that the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new Error(`Cannot hash a non-finite number (${value})`);
    }
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export async function sha256Hex(data: string | ArrayBuffer | Uint8Array): Promise<string> {
  // A view made here, so an ArrayBuffer from another realm (a Blob's bytes) is accepted too.
  const bytes =
    typeof data === "string"
      ? new TextEncoder().encode(data)
      : data instanceof Uint8Array
        ? data
        : new Uint8Array(data);
  const digest = await crypto.subtle.digest("SHA-256", bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The hash of an entry covers everything in it except the hash itself. */
export function hashEntry(entry: Omit<LoggedEvent, "hash">): Promise<string> {
  const { hash: _ignored, ...content } = entry as LoggedEvent;
  return sha256Hex(canonicalJson(content));
}

export type ChainBreak =
  | { reason: "gap"; seq: number; expectedSeq: number }
  | { reason: "prev-hash"; seq: number }
  | { reason: "hash"; seq: number }
  | { reason: "session"; seq: number };

export type ChainVerdict =
  { ok: true; count: number; headHash: string } | { ok: false; count: number; at: ChainBreak };

/**
 * Walks a session's entries in order and says where the chain first breaks: a missing entry,
 * an entry whose previous-hash does not match, or an entry whose content no longer matches
 * its own hash.
 */
export async function verifyChain(entries: readonly LoggedEvent[]): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  const sessionId = entries[0]?.sessionId;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as LoggedEvent;
    if (entry.sessionId !== sessionId) {
      return { ok: false, count: entries.length, at: { reason: "session", seq: entry.seq } };
    }
    if (entry.seq !== i) {
      return {
        ok: false,
        count: entries.length,
        at: { reason: "gap", seq: entry.seq, expectedSeq: i },
      };
    }
    if (entry.prevHash !== prevHash) {
      return { ok: false, count: entries.length, at: { reason: "prev-hash", seq: entry.seq } };
    }
    if ((await hashEntry(entry)) !== entry.hash) {
      return { ok: false, count: entries.length, at: { reason: "hash", seq: entry.seq } };
    }
    prevHash = entry.hash;
  }
  return { ok: true, count: entries.length, headHash: prevHash };
}
