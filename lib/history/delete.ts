import type { TrestegDb } from "../log/db";
import { deleteIncident, endedBefore } from "../log/records";

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
  const expired = await endedBefore(db, cutoff);
  for (const id of expired) await deleteIncident(db, id);
  return expired.length;
}
