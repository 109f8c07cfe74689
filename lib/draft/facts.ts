import type { SessionRecord } from "../log/db";
import type { LoggedEvent, Outcome } from "../log/events";
import type { KindRef } from "../routine/pack";

/**
 * The incident's headline facts as its chained entries give them: the first entry
 * (session-started) holds the start, the meeting's address, title and platform, the routine's
 * version and whether it was practice; session-ended holds the end and the outcome. The
 * sessions row is an index for listing; an export takes these from the chain, so a changed
 * row cannot change a report while the chain still verifies.
 */
export interface IncidentFacts {
  status: "open" | "ended";
  startedAt: number;
  endedAt: number | null;
  outcome: Outcome | null;
  kinds: KindRef[];
  origin: string;
  title: string;
  platform: string;
  packId: string;
  packVersion: string;
  practice: boolean;
}

export type FactField = keyof IncidentFacts;

const FIELDS: readonly FactField[] = [
  "status",
  "startedAt",
  "endedAt",
  "outcome",
  "kinds",
  "origin",
  "title",
  "platform",
  "packId",
  "packVersion",
  "practice",
];

/** The facts from the log; null when its first entry is not a session start (it is gone). */
export function chainFacts(events: readonly LoggedEvent[]): IncidentFacts | null {
  const first = events[0];
  if (!first || first.type !== "session-started" || first.seq !== 0) return null;
  let kinds = first.kinds;
  let ended: Extract<LoggedEvent, { type: "session-ended" }> | undefined;
  for (const event of events) {
    if (event.type === "kinds-changed") kinds = event.kinds;
    if (event.type === "session-ended") ended ??= event;
  }
  return {
    status: ended ? "ended" : "open",
    startedAt: first.at,
    endedAt: ended?.at ?? null,
    outcome: ended?.outcome ?? null,
    kinds,
    origin: first.origin,
    title: first.title,
    platform: first.platform,
    packId: first.packId,
    packVersion: first.packVersion,
    practice: first.practice === true,
  };
}

/** The facts as the sessions row has them (used only when the chain has no start). */
export function rowFacts(row: SessionRecord): IncidentFacts {
  return {
    status: row.status,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    outcome: row.outcome,
    kinds: row.kinds,
    origin: row.origin,
    title: row.title,
    platform: row.platform,
    packId: row.packId,
    packVersion: row.packVersion,
    practice: row.practice === true,
  };
}

/** The fields where the sessions row says something other than the chain. */
export function factsDiffer(row: IncidentFacts, chain: IncidentFacts): FactField[] {
  return FIELDS.filter((field) => JSON.stringify(row[field]) !== JSON.stringify(chain[field]));
}
