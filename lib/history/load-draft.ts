import { buildDraft } from "../draft/build";
import { withDefaults, type DraftEdits } from "../draft/edits";
import type { IncidentDraft } from "../draft/types";
import type { EvidenceRecord } from "../evidence/types";
import type { Lang } from "../i18n/text";
import { verifyChain } from "../log/chain";
import type { SessionRecord, TrestegDb } from "../log/db";
import { incidentRecords } from "../log/records";
import type { PhrasePack } from "../routine/pack";

export interface LoadedDraft {
  session: SessionRecord;
  draft: IncidentDraft;
  edits: DraftEdits;
  evidence: EvidenceRecord[];
}

/**
 * Reads one incident with its log, screenshots and the coach's edits, checks the chain, and
 * builds its draft. A broken chain still gives a draft that says where it breaks.
 */
export async function loadDraft(
  db: TrestegDb,
  sessionId: string,
  pack: PhrasePack,
  lang: Lang,
  now?: number,
): Promise<LoadedDraft | null> {
  const { session, events, evidence, head, draft: stored } = await incidentRecords(db, sessionId);
  if (!session) return null;
  const edits = withDefaults(stored?.edits);
  const chain = await verifyChain(events);
  const draft = buildDraft({
    session,
    events,
    evidence,
    pack,
    edits,
    chain,
    head,
    lang,
    ...(now !== undefined ? { now } : {}),
  });
  return { session, draft, edits, evidence };
}
