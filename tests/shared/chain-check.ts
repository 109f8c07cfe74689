import { createHash } from "node:crypto";

/**
 * Recomputes a session log's hash chain in Node, independent of the extension's code and of
 * the browser: entries in seq order from 0, each `prevHash` the hash before (64 zeros first),
 * each `hash` the SHA-256 of the entry's canonical JSON (sorted keys, undefined left out)
 * without the hash itself.
 */
export function chainVerifies(entries: readonly Record<string, unknown>[]): boolean {
  const canon = (v: unknown): string => {
    if (v === null || typeof v !== "object") return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map(canon).join(",")}]`;
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canon(o[k])}`)
      .join(",")}}`;
  };
  const sorted = [...entries].sort((a, b) => (a.seq as number) - (b.seq as number));
  let prev = "0".repeat(64);
  for (const [i, entry] of sorted.entries()) {
    const { hash, ...content } = entry;
    const hex = createHash("sha256").update(canon(content), "utf8").digest("hex");
    if (entry.seq !== i || entry.prevHash !== prev || hex !== hash) return false;
    prev = hash as string;
  }
  return true;
}
