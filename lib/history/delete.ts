import type { TrestegDb } from "../log/db";
import type { IncidentLog } from "../log/incident-log";
import { deleteIncident, endedBefore, markDatedAhead, openIncidents } from "../log/records";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** An incident is one call: one still open this long after its last entry was left open. */
export const LEFT_OPEN_DAYS = 2;

/**
 * Closes, with a logged "session-ended" (outcome "left-open"), every incident whose last entry
 * is more than LEFT_OPEN_DAYS old, so that it falls under retention instead of being kept for
 * ever. One dated ahead of the clock counts from when retention first found it so.
 * Returns how many were closed.
 */
export async function closeLeftOpen(
  db: TrestegDb,
  log: Pick<IncidentLog, "append">,
  now: number,
): Promise<number> {
  const limit = LEFT_OPEN_DAYS * DAY_MS;
  let closed = 0;
  for (const { session, lastAt } of await openIncidents(db)) {
    const since = session.aheadSeenAt ?? (lastAt > now + DAY_MS ? null : lastAt);
    if (since === null || now - since <= limit) continue;
    const result = await log.append(session.id, { type: "session-ended", outcome: "left-open" });
    if (!result.ok) {
      throw new Error(
        `Could not close ${session.id}, left open: ${JSON.stringify(result.failure)}`,
      );
    }
    closed += 1;
  }
  return closed;
}

/**
 * Data minimisation: ended incidents older than the retention period are deleted. With the
 * log given, incidents left open for days are first closed (logged), and so fall under it too;
 * one dated ahead of the clock is counted from when it was first found so, never skipped.
 * Returns how many were deleted.
 */
export async function purgeExpired(
  db: TrestegDb,
  retentionDays: number,
  now: number,
  log?: Pick<IncidentLog, "append">,
): Promise<number> {
  if (!Number.isFinite(retentionDays) || retentionDays < 1) {
    throw new Error(`Retention must be at least one day, not ${retentionDays}`);
  }
  await markDatedAhead(db, now + DAY_MS, now);
  if (log) await closeLeftOpen(db, log, now);
  const cutoff = now - retentionDays * DAY_MS;
  const expired = await endedBefore(db, cutoff);
  for (const id of expired) await deleteIncident(db, id);
  return expired.length;
}
