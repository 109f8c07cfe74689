import { buildDraft } from "../draft/build";
import { withDefaults, type DraftEdits } from "../draft/edits";
import type { IncidentDraft } from "../draft/types";
import type { EvidenceRecord } from "../evidence/types";
import type { Lang } from "../i18n/text";
import { verifyChain } from "../log/chain";
import type { SessionRecord, TrestegDb } from "../log/db";
import type { LoggedEvent } from "../log/events";
import { incidentRecords } from "../log/records";
import type { PhrasePack } from "../routine/pack";
import type { SignatureRecord } from "../log/db";
import { verifySignatures } from "../verify/signatures";

export interface LoadedDraft {
  session: SessionRecord;
  draft: IncidentDraft;
  edits: DraftEdits;
  evidence: EvidenceRecord[];
  /** The log and its signatures as stored, which the ZIP carries for a recipient to check. */
  events: LoggedEvent[];
  signatures: SignatureRecord[];
  publicKey: { fingerprint: string; jwk: JsonWebKey; spki: string; createdAt: number } | null;
}

/**
 * Reads one incident with its log, screenshots and the coach's edits, checks the chain and
 * the signatures, and builds its draft. A broken chain still gives a draft that says where it breaks.
 */
export async function loadDraft(
  db: TrestegDb,
  sessionId: string,
  pack: PhrasePack,
  lang: Lang,
  now?: number,
): Promise<LoadedDraft | null> {
  const records = await incidentRecords(db, sessionId);
  const { session, events, evidence, head, draft: stored, signatures, publicKey } = records;
  if (!session) return null;
  const edits = withDefaults(stored?.edits);
  const chain = await verifyChain(events);
  const signed = await verifySignatures(events, signatures, publicKey);
  const draft = buildDraft({
    session,
    events,
    evidence,
    pack,
    edits,
    chain,
    head,
    signatures: signed,
    publicKey: publicKey && { fingerprint: publicKey.fingerprint, jwk: publicKey.jwk },
    lang,
    ...(now !== undefined ? { now } : {}),
  });
  return { session, draft, edits, evidence, events, signatures, publicKey };
}
