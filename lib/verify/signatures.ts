import { importPublicJwk, verifySignature } from "../log/signing";

// One check of the entries' signatures, for the draft in the extension and for an export
// checked from its files alone (lib/verify/export.ts, verify.html): the same code in both.

export interface SignedEntry {
  seq: number;
  hash: string;
  /** The fingerprint the incident's first entry names as its signing key, when it does. */
  signingKey?: { fingerprint: string };
}

export interface EntrySignature {
  seq: number;
  hash: string;
  key: string;
  signature: string;
}

export interface PublicKeyRef {
  fingerprint: string;
  jwk: JsonWebKey;
}

export interface SignatureVerdict {
  /** The key the signatures were checked with; null when there is none. */
  fingerprint: string | null;
  /** The key the incident's first entry names; null for a log from before signing. */
  namedKey: string | null;
  /** Entries whose signature is this key's signature of the entry's hash as it is now. */
  verified: number;
  /** Entries with no signature. */
  unsigned: number[];
  /** Entries whose signature does not fit: the entry (or its signature) was changed. */
  invalid: number[];
  /** Entries signed by another key than the one given. */
  otherKey: number[];
  /** Signatures of entries the log does not have (cut out, or cut off at the end). */
  orphans: number[];
  /** Every entry is verified and nothing is left over. */
  ok: boolean;
}

/**
 * Checks every entry against the signature stored for its place in the chain. A signature
 * over another hash than the entry's (the entry was rewritten and rehashed), a signature that
 * does not verify, one by another key, a missing one, and one whose entry is gone are each
 * reported with the entries they concern.
 */
export async function verifySignatures(
  entries: readonly SignedEntry[],
  signatures: readonly EntrySignature[],
  key: PublicKeyRef | null,
): Promise<SignatureVerdict> {
  const bySeq = new Map(signatures.map((s) => [s.seq, s]));
  const present = new Set(entries.map((e) => e.seq));
  const publicKey = key ? await importPublicJwk(key.jwk).catch(() => null) : null;
  const verdict: SignatureVerdict = {
    fingerprint: key?.fingerprint ?? null,
    namedKey: entries.find((e) => e.seq === 0)?.signingKey?.fingerprint ?? null,
    verified: 0,
    unsigned: [],
    invalid: [],
    otherKey: [],
    orphans: signatures.filter((s) => !present.has(s.seq)).map((s) => s.seq),
    ok: false,
  };
  for (const entry of entries) {
    const signature = bySeq.get(entry.seq);
    if (!signature) verdict.unsigned.push(entry.seq);
    else if (key && signature.key !== key.fingerprint) verdict.otherKey.push(entry.seq);
    else if (
      !publicKey ||
      signature.hash !== entry.hash ||
      !(await verifySignature(publicKey, entry.hash, signature.signature))
    ) {
      verdict.invalid.push(entry.seq);
    } else verdict.verified += 1;
  }
  verdict.ok =
    entries.length > 0 &&
    verdict.verified === entries.length &&
    verdict.orphans.length === 0 &&
    (verdict.namedKey === null || verdict.namedKey === verdict.fingerprint);
  return verdict;
}
