import Dexie from "dexie";
import {
  INITIAL_STATE,
  type IncidentState,
  type Refusal,
  replay,
  transition,
} from "../routine/machine";
import type { KindRef } from "../routine/pack";
import { GENESIS_HASH, hashEntry } from "./chain";
import type { SessionRecord, TrestegDb } from "./db";
import type { IncidentEvent, LoggedEvent } from "./events";

/** Why a write did not happen, as a value the panel can show. */
export type LogFailure =
  | { kind: "refused"; refusal: Refusal }
  | { kind: "no-session"; sessionId: string }
  | { kind: "already-open"; session: SessionRecord }
  | { kind: "storage"; name: string; message: string };

export type LogResult<T> = { ok: true; value: T } | { ok: false; failure: LogFailure };

export interface SessionStart {
  kinds: KindRef[];
  /** Set when something other than the coach's choice of kind started it (a screenshot). */
  trigger?: "evidence";
  origin: string;
  title: string;
  platform: string;
  tabId: number | null;
  packId: string;
  packVersion: string;
}

/** What one append's transaction did: wrote an entry, or why it did not. */
type Written =
  { ok: true; entry: LoggedEvent; state: IncidentState } | { ok: false; failure: LogFailure };

export interface LogDeps {
  now: () => number;
  newId: () => string;
}

const realDeps: LogDeps = { now: () => Date.now(), newId: () => crypto.randomUUID() };

function storageFailure(error: unknown): LogFailure {
  const e = error as { name?: string; message?: string; inner?: { name?: string } };
  return {
    kind: "storage",
    name: e?.inner?.name ?? e?.name ?? "Error",
    message: e?.message ?? String(error),
  };
}

/** What the summary row learns from an entry, written in the same transaction. */
function summaryPatch(entry: LoggedEvent): Partial<SessionRecord> {
  switch (entry.type) {
    case "kinds-changed":
      return { kinds: entry.kinds };
    case "session-ended":
      return { status: "ended", endedAt: entry.at, outcome: entry.outcome };
    default:
      return {};
  }
}

export function sessionEvents(db: TrestegDb, sessionId: string): Promise<LoggedEvent[]> {
  return db.events
    .where("[sessionId+seq]")
    .between([sessionId, Dexie.minKey], [sessionId, Dexie.maxKey])
    .toArray();
}

/** The newest session that has not been ended, if any. */
export async function openSession(db: TrestegDb): Promise<SessionRecord | undefined> {
  const open = await db.sessions.where("status").equals("open").sortBy("startedAt");
  return open.at(-1);
}

/**
 * The append-only, hash-chained incident log. Every write goes through the step machine first
 * and is committed to IndexedDB before its promise resolves, so whatever the panel shows as
 * done is on disk. Writers in several extension pages may share a session: each append reads
 * the head and writes the next entry in one read-write transaction, which IndexedDB serialises.
 */
export function createIncidentLog(db: TrestegDb, deps: LogDeps = realDeps) {
  // Replayed state per session, valid for the log length it was computed at.
  const cache = new Map<string, { length: number; state: IncidentState }>();

  async function stateAt(session: SessionRecord): Promise<IncidentState> {
    const cached = cache.get(session.id);
    if (cached && cached.length === session.length) return cached.state;
    const events = await sessionEvents(db, session.id);
    const { state } = replay(events);
    cache.set(session.id, { length: events.length, state });
    return state;
  }

  async function startSession(start: SessionStart): Promise<LogResult<SessionRecord>> {
    const first = transition(INITIAL_STATE, sessionStartedEvent(start));
    if (!first.ok) return { ok: false, failure: { kind: "refused", refusal: first.refusal } };
    const id = deps.newId();
    const at = deps.now();
    const unhashed = {
      ...sessionStartedEvent(start),
      sessionId: id,
      seq: 0,
      at,
      prevHash: GENESIS_HASH,
    } as Omit<LoggedEvent, "hash">;
    const entry = { ...unhashed, hash: await hashEntry(unhashed) } as LoggedEvent;
    const session: SessionRecord = {
      id,
      status: "open",
      startedAt: at,
      endedAt: null,
      outcome: null,
      kinds: start.kinds,
      origin: start.origin,
      title: start.title,
      platform: start.platform,
      tabId: start.tabId,
      packId: start.packId,
      packVersion: start.packVersion,
      length: 1,
      headHash: entry.hash,
    };
    try {
      const existing = await db.transaction("rw", db.sessions, db.events, async () => {
        // One open incident at a time: two panels clicking at once must not make two.
        const open = await db.sessions.where("status").equals("open").first();
        if (open) return open;
        await db.sessions.add(session);
        await db.events.add(entry);
        return null;
      });
      if (existing) return { ok: false, failure: { kind: "already-open", session: existing } };
    } catch (error) {
      return { ok: false, failure: storageFailure(error) };
    }
    cache.set(id, { length: 1, state: first.state });
    return { ok: true, value: session };
  }

  /**
   * Appends one entry. `alsoWrite` runs inside the same transaction (e.g. storing the
   * screenshot the entry describes), so the record and its log entry land together or not at
   * all.
   */
  async function append(
    sessionId: string,
    event: IncidentEvent,
    options: { alsoWrite?: (entry: LoggedEvent) => Promise<unknown> } = {},
  ): Promise<LogResult<LoggedEvent>> {
    // Read the head, check the event against the replayed state, hash and write, all in one
    // read-write transaction. IndexedDB runs read-write transactions on the same stores one at
    // a time and in the order they were opened, so writers in other pages cannot slip an entry
    // in between (no lost writes under contention), and this page's clicks land in click order.
    let written: Written;
    try {
      const tables = [db.sessions, db.events, db.evidence];
      written = await db.transaction("rw", tables, async (): Promise<Written> => {
        const session = await db.sessions.get(sessionId);
        if (!session) return { ok: false, failure: { kind: "no-session", sessionId } };
        const state = await stateAt(session);
        const next = transition(state, event);
        if (!next.ok) return { ok: false, failure: { kind: "refused", refusal: next.refusal } };
        const unhashed = {
          ...event,
          sessionId,
          seq: session.length,
          at: deps.now(),
          prevHash: session.headHash,
        } as Omit<LoggedEvent, "hash">;
        // WebCrypto is not an IndexedDB request: waitFor keeps the transaction alive meanwhile.
        const hash = await Dexie.waitFor(hashEntry(unhashed));
        const entry = { ...unhashed, hash } as LoggedEvent;
        await db.events.add(entry);
        await db.sessions.update(sessionId, {
          ...summaryPatch(entry),
          length: session.length + 1,
          headHash: entry.hash,
        });
        if (options.alsoWrite) await options.alsoWrite(entry);
        return { ok: true, entry, state: next.state };
      });
    } catch (error) {
      return { ok: false, failure: storageFailure(error) };
    }
    if (!written.ok) return written;
    // Only now is the entry on disk; the cache follows the log, never leads it.
    cache.set(sessionId, { length: written.entry.seq + 1, state: written.state });
    return { ok: true, value: written.entry };
  }

  /** The session's state as the log says, replayed through the step machine. */
  async function currentState(sessionId: string): Promise<IncidentState | undefined> {
    const session = await db.sessions.get(sessionId);
    return session ? stateAt(session) : undefined;
  }

  /** Remembers which tab the meeting is in now (not evidence, so not logged). */
  async function linkTab(sessionId: string, tabId: number | null): Promise<void> {
    await db.sessions.update(sessionId, { tabId });
  }

  return { startSession, append, currentState, linkTab };
}

export type IncidentLog = ReturnType<typeof createIncidentLog>;

function sessionStartedEvent(start: SessionStart): IncidentEvent {
  return {
    type: "session-started",
    kinds: start.kinds,
    origin: start.origin,
    title: start.title,
    platform: start.platform,
    packId: start.packId,
    packVersion: start.packVersion,
    ...(start.trigger ? { trigger: start.trigger } : {}),
  };
}
