import Dexie from "dexie";
import type { TrestegDb } from "../log/db";

/**
 * Deletes one incident and everything that belongs to it — log, chain head, screenshots,
 * draft edits — in one transaction, so nothing half-deleted is left behind.
 */
export async function deleteSession(db: TrestegDb, sessionId: string): Promise<void> {
  await db.transaction(
    "rw",
    [db.sessions, db.events, db.heads, db.evidence, db.drafts],
    async () => {
      await db.events
        .where("[sessionId+seq]")
        .between([sessionId, Dexie.minKey], [sessionId, Dexie.maxKey])
        .delete();
      await db.evidence.where("sessionId").equals(sessionId).delete();
      await db.heads.delete(sessionId);
      await db.drafts.delete(sessionId);
      await db.sessions.delete(sessionId);
    },
  );
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Data minimisation: ended incidents older than the retention period are deleted. An open
 * incident is never deleted, however old. Returns how many were deleted.
 */
export async function purgeExpired(
  db: TrestegDb,
  retentionDays: number,
  now: number,
): Promise<number> {
  if (!Number.isFinite(retentionDays) || retentionDays < 1) {
    throw new Error(`Retention must be at least one day, not ${retentionDays}`);
  }
  const cutoff = now - retentionDays * DAY_MS;
  const expired = await db.sessions
    .where("startedAt")
    .below(cutoff)
    .filter((s) => s.status === "ended" && (s.endedAt ?? s.startedAt) < cutoff)
    .primaryKeys();
  for (const id of expired) await deleteSession(db, id);
  return expired.length;
}
