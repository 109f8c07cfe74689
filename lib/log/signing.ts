import { sha256Hex } from "./chain";
import type { SigningKeyRecord, TrestegDb } from "./db";

// Each committed entry's hash is signed with this installation's own ECDSA P-256 key, made with
// WebCrypto at first use. The private key is made non-extractable and kept as a CryptoKey in
// the extension's IndexedDB: code can ask the browser to sign with it, but nothing can read it
// out, so a rewritten log cannot be re-signed from another profile or machine. The public key
// goes with every export (docs/verify.md). Signing follows ProofMode's per-item signature and
// the signed package digests of Webrecorder's WACZ (github.com/webrecorder/wacz-auth-spec).

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGN = { name: "ECDSA", hash: "SHA-256" } as const;

/** The one key of this installation; a reinstall (a new database) makes a new one. */
export const INSTALLATION_KEY = "installation";

/** What the log needs of the key at commit time. */
interface EntrySigner {
  fingerprint: string;
  /** The signature of an entry's hash (its 64 hex characters as ASCII), base64, r‖s. */
  sign(hash: string): Promise<string>;
}

export function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** The SHA-256 of the key's SubjectPublicKeyInfo (DER), hex: `openssl pkey -pubin -outform DER | sha256sum`. */
export const keyFingerprint = (spki: Uint8Array) => sha256Hex(spki);

async function makeKey(now: number): Promise<SigningKeyRecord> {
  const pair = await crypto.subtle.generateKey(ALGORITHM, false, ["sign", "verify"]);
  const spki = new Uint8Array(await crypto.subtle.exportKey("spki", pair.publicKey));
  const jwk = await crypto.subtle.exportKey("jwk", pair.publicKey);
  return {
    id: INSTALLATION_KEY,
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    publicJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y },
    spki: toBase64(spki),
    fingerprint: await keyFingerprint(spki),
    createdAt: now,
  };
}

/**
 * This installation's key, made and stored at first use. Two pages that both find none both
 * make one; only the first stored is kept (add, not put), and the other uses it.
 */
export async function installationKey(
  db: TrestegDb,
  now: number,
): Promise<{ key: SigningKeyRecord; created: boolean }> {
  const stored = await db.keys.get(INSTALLATION_KEY);
  if (stored) return { key: stored, created: false };
  const made = await makeKey(now);
  try {
    await db.keys.add(made);
    return { key: made, created: true };
  } catch (error) {
    if ((error as { name?: string }).name !== "ConstraintError") throw error;
    const winner = await db.keys.get(INSTALLATION_KEY);
    if (!winner) throw error;
    return { key: winner, created: false };
  }
}

/** Signs with a stored key: the ASCII bytes of the hash, ECDSA P-256 with SHA-256. */
export function signerOf(key: SigningKeyRecord): EntrySigner {
  return {
    fingerprint: key.fingerprint,
    sign: async (hash) =>
      toBase64(
        new Uint8Array(
          await crypto.subtle.sign(SIGN, key.privateKey, new TextEncoder().encode(hash)),
        ),
      ),
  };
}

/** Whether `signature` (base64, r‖s) is the key's signature of `hash`. */
export async function verifySignature(
  publicKey: CryptoKey,
  hash: string,
  signature: string,
): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(signature);
  } catch {
    return false;
  }
  return crypto.subtle.verify(
    SIGN,
    publicKey,
    bytes as BufferSource,
    new TextEncoder().encode(hash) as BufferSource,
  );
}

/** A public key from its JWK (as stored and exported), for verifying. */
export const importPublicJwk = (jwk: JsonWebKey) =>
  crypto.subtle.importKey("jwk", { ...jwk, ext: true }, ALGORITHM, true, ["verify"]);
