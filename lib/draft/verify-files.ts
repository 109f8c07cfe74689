import type { EvidenceRecord } from "../evidence/types";
import { sha256Hex } from "../log/chain";
import type { IncidentDraft } from "./types";

/** The bytes of each kept screenshot's PNG, by evidence id. */
export async function screenshotBytes(
  draft: IncidentDraft,
  evidence: readonly EvidenceRecord[],
): Promise<Map<string, Uint8Array>> {
  const records = new Map(evidence.map((record) => [record.id, record]));
  const bytes = new Map<string, Uint8Array>();
  for (const shot of draft.screenshots) {
    const png = shot.fileName ? records.get(shot.evidenceId)?.png : undefined;
    if (png) bytes.set(shot.evidenceId, new Uint8Array(await png.arrayBuffer()));
  }
  return bytes;
}

/**
 * The draft with each kept screenshot's file hashed now and compared with the hash in the log,
 * so that an export says whether the file it carries is the one that was captured.
 */
export async function withCheckedFiles(
  draft: IncidentDraft,
  bytes: Map<string, Uint8Array>,
): Promise<IncidentDraft> {
  const screenshots = await Promise.all(
    draft.screenshots.map(async (shot) => {
      if (!shot.fileName) return shot;
      const data = bytes.get(shot.evidenceId);
      // Not in the export then: the report says the file is missing rather than naming it.
      if (!data)
        return { ...shot, fileName: null, fileCheck: "missing" as const, fileSha256: null };
      const fileSha256 = await sha256Hex(data);
      const fileCheck = fileSha256 === shot.sha256 ? ("matches" as const) : ("differs" as const);
      return { ...shot, fileCheck, fileSha256 };
    }),
  );
  return { ...draft, screenshots };
}
