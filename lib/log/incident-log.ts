import { MAX_KEY, MIN_KEY } from "./keys";
import {
  INITIAL_STATE,
  type IncidentState,
  type Refusal,
  replay,
  transition,
} from "../routine/machine";
import { GENESIS_HASH, hashEntry } from "./chain";
import {
  type EntryWrite,
  HeadMoved,
  SessionGone,
  commitEntry,
  headAfter,
  headRefusal,
} from "./commit";
import type { SessionRecord, SignatureRecord, SigningKeyRecord, TrestegDb } from "./db";
import type { IncidentEvent, LoggedEvent } from "./events";
import { INSTALLATION_KEY, installationKey, signerOf } from "./signing";

/** Why a write did not happen, as a value the panel can show. */
export type LogFailure =
  | { kind: "refused"; refusal: Refusal }
  | { kind: "no-session"; sessionId: string }
  | { kind: "already-open"; session: SessionRecord }
  | { kind: "storage"; name: string; message: string };

export type LogResult<T> = { ok: true; value: T } | { ok: false; failure: LogFailure };

/** What starting an incident records: the summary's opening fields. */
export type SessionStart = Pick<
  SessionRecord,
  "kinds" | "origin" | "title" | "platform" | "tabId" | "packId" | "packVersion" | "practice"
> & {
  /** Set when something other than the coach's choice of kind started it (a screenshot). */
  trigger?: "evidence";
};

export interface LogDeps {
  now: () => number;
  newId: () => string;
}

/**
 * An entry's signature row, or null when it could not be signed (the entry is still written:
 * a click is never lost to a signing failure, and the draft names every unsigned entry).
 */
async function signatureOf(
  key: SigningKeyRecord | null,
  entry: LoggedEvent,
): Promise<SignatureRecord | null> {
  if (!key) return null;
  try {
    const signature = await signerOf(key).sign(entry.hash);
    return {
      sessionId: entry.sessionId,
      seq: entry.seq,
      hash: entry.hash,
      key: key.fingerprint,
      signature,
    };
  } catch (error) {
    console.error("Tresteg: an entry could not be signed", error);
    return null;
  }
}

const realDeps: LogDeps = { now: () => Date.now(), newId: () => crypto.randomUUID() };

/** A session's chain head: how many entries, the last hash, and the replayed state. */
interface Head {
  length: number;
  headHash: string;
  state: IncidentState;
}

const MAX_ATTEMPTS = 25;

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
    .between([sessionId, MIN_KEY], [sessionId, MAX_KEY])
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
 * done is on disk. Appends from one writer run in click order; writers in several extension
 * pages (two panels, the worker) may share a session: each append checks, inside its
 * transaction, that the head it hashed against is still the head, and retries if not.
 */
export function createIncidentLog(
  source: TrestegDb | Promise<TrestegDb>,
  deps: LogDeps = realDeps,
) {
  // The panel draws before its database is open (lib/log/first-read.ts): a click that comes
  // first waits here for it. The worker and the recorder give an open one.
  let opened: TrestegDb | null = source instanceof Promise ? null : source;
  const database = async (): Promise<TrestegDb> => (opened ??= await source);
  // The head of each session's chain as this writer last saw it, with the replayed state.
  // Only a hint: every write checks it against the stored head and re-reads when it moved.
  const heads = new Map<string, Head>();
  // Appends to one session from this writer run one after another, in click order.
  const queues = new Map<string, Promise<unknown>>();
  // Told about each entry this writer committed, right after the commit (the panel shows it
  // without reading it back; other writers' entries reach it through its live query).
  const committed = new Set<(entry: LoggedEvent) => void>();
  const announce = (entry: LoggedEvent) => {
    for (const listener of committed) listener(entry);
  };
  // This installation's signing key, read (or made) once per writer.
  let signingKey: Promise<SigningKeyRecord | null> | undefined;
  const currentKey = (now: number): Promise<SigningKeyRecord | null> => {
    signingKey ??= database()
      .then((db) => installationKey(db, now))
      .then(
        ({ key }) => key,
        (error: unknown) => {
          console.error("Tresteg: no signing key; entries are written unsigned", error);
          signingKey = undefined;
          return null;
        },
      );
    return signingKey;
  };

  // Heads another writer moved on since this writer last saw them (the recorder commits an
  // entry every few seconds while the coach clicks): kept so that reading the head again reads
  // only what was added since, not the whole log.
  const outdated = new Map<string, Head>();

  async function readHead(sessionId: string): Promise<Head | undefined> {
    const db = await database();
    const known = outdated.get(sessionId);
    outdated.delete(sessionId);
    if (known) {
      const caughtUp = await catchUp(sessionId, known);
      if (caughtUp) return caughtUp;
    }
    const session = await db.sessions.get(sessionId);
    if (!session) return undefined;
    const events = await sessionEvents(db, session.id);
    const head: Head = {
      length: events.length,
      headHash: events.at(-1)?.hash ?? GENESIS_HASH,
      state: replay(events).state,
    };
    heads.set(sessionId, head);
    return head;
  }

  /**
   * `known` moved on by the entries committed after it, when they follow it: each continues
   * the chain from its head, in order. Anything else (a gap, another chain) is read whole.
   */
  async function catchUp(sessionId: string, known: Head): Promise<Head | undefined> {
    const db = await database();
    const added = await db.events
      .where("[sessionId+seq]")
      .between([sessionId, known.length], [sessionId, MAX_KEY])
      .toArray();
    let head = known;
    for (const entry of added) {
      if (entry.seq !== head.length || entry.prevHash !== head.headHash) return undefined;
      const next = transition(head.state, entry);
      if (!next.ok) return undefined;
      head = { length: head.length + 1, headHash: entry.hash, state: next.state };
    }
    if (added.length === 0) return undefined;
    heads.set(sessionId, head);
    return head;
  }

  function outdate(sessionId: string) {
    const head = heads.get(sessionId);
    heads.delete(sessionId);
    if (head) outdated.set(sessionId, head);
  }

  function serially<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(sessionId) ?? Promise.resolve();
    const next = previous.then(work, work);
    queues.set(
      sessionId,
      // The caller gets the outcome through `next`; the queue only needs to move on.
      next.catch(() => undefined),
    );
    return next;
  }

  async function startSession(start: SessionStart): Promise<LogResult<SessionRecord>> {
    let db: TrestegDb;
    try {
      db = await database();
    } catch (error) {
      return { ok: false, failure: storageFailure(error) };
    }
    const first = transition(INITIAL_STATE, sessionStartedEvent(start));
    if (!first.ok) return { ok: false, failure: { kind: "refused", refusal: first.refusal } };
    const id = deps.newId();
    // The key is read afresh: whether it is new (no incident has named it yet) is the
    // stored key's, and another page may have started the incident that named it.
    signingKey = undefined;
    const at = deps.now();
    const key = await currentKey(at);
    const isNewKey = key !== null && key.announcedAt === undefined;
    const unhashed = {
      ...sessionStartedEvent(start),
      ...(key
        ? { signingKey: { fingerprint: key.fingerprint, ...(isNewKey ? { new: true } : {}) } }
        : {}),
      sessionId: id,
      seq: 0,
      at,
      prevHash: GENESIS_HASH,
    } as Omit<LoggedEvent, "hash">;
    const entry = { ...unhashed, hash: await hashEntry(unhashed) } as LoggedEvent;
    const signature = await signatureOf(key, entry);
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
      practice: start.practice === true,
    };
    try {
      const scope = [db.sessions, db.events, db.heads, db.signatures, db.keys];
      const existing = await db.transaction("rw", scope, async () => {
        // One open incident at a time: two panels clicking at once must not make two.
        const open = await db.sessions.where("status").equals("open").first();
        if (open) return open;
        await db.sessions.add(session);
        await db.events.add(entry);
        await db.heads.add({ sessionId: id, length: 1, headHash: entry.hash });
        if (signature) await db.signatures.add(signature);
        // The first incident that names a new key says so in its first entry, once.
        if (isNewKey) await db.keys.update(INSTALLATION_KEY, { announcedAt: at });
        return null;
      });
      if (existing) return { ok: false, failure: { kind: "already-open", session: existing } };
    } catch (error) {
      return { ok: false, failure: storageFailure(error) };
    }
    heads.set(id, { length: 1, headHash: entry.hash, state: first.state });
    announce(entry);
    return { ok: true, value: session };
  }

  /**
   * Appends one entry. `alsoWrite` runs inside the same transaction (e.g. storing the
   * screenshot the entry describes), so the record and its log entry land together or not at
   * all.
   */
  function append(
    sessionId: string,
    event: IncidentEvent,
    options: { alsoWrite?: (entry: LoggedEvent) => Promise<unknown> } = {},
  ): Promise<LogResult<LoggedEvent>> {
    return serially(sessionId, () => appendNow(sessionId, event, options));
  }

  async function appendNow(
    sessionId: string,
    event: IncidentEvent,
    options: { alsoWrite?: (entry: LoggedEvent) => Promise<unknown> },
  ): Promise<LogResult<LoggedEvent>> {
    let db: TrestegDb;
    try {
      db = opened ?? (await database());
    } catch (error) {
      return { ok: false, failure: storageFailure(error) };
    }
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let head: Head | undefined;
      try {
        head = heads.get(sessionId) ?? (await readHead(sessionId));
      } catch (error) {
        return { ok: false, failure: storageFailure(error) };
      }
      if (!head) return { ok: false, failure: { kind: "no-session", sessionId } };
      const next = transition(head.state, event);
      if (!next.ok) {
        // A refusal on a cached head may be stale (another panel moved on): check once more.
        if (attempt === 0 && heads.has(sessionId)) {
          outdate(sessionId);
          continue;
        }
        return { ok: false, failure: { kind: "refused", refusal: next.refusal } };
      }
      // Hashing happens before the transaction: WebCrypto is not an IndexedDB request and
      // would let the transaction commit early. The transaction then checks the head is
      // still the one hashed against, so a concurrent writer makes this attempt retry.
      const at = deps.now();
      const unhashed = {
        ...event,
        sessionId,
        seq: head.length,
        at,
        prevHash: head.headHash,
      } as Omit<LoggedEvent, "hash">;
      const entry = { ...unhashed, hash: await hashEntry(unhashed) } as LoggedEvent;
      // Signed before the transaction too, for the same reason as the hash.
      const signature = await signatureOf(await currentKey(at), entry);
      const expected = head;
      try {
        const patch = summaryPatch(entry);
        // An ordinary click touches only the log, its head and the signatures, and is
        // committed with IndexedDB itself (lib/log/commit.ts) once the database is open. The
        // session row changes only when its summary does (kinds, end), so the panel's
        // open-session query stays quiet; evidence (a screenshot, a recording's chunk) only
        // when a record comes along.
        const write = { entry, expected, signature };
        const ordinary = Object.keys(patch).length === 0 && !options.alsoWrite;
        if (ordinary && db.isOpen()) await commitOrdinary(db, write);
        else await commitWithRecords(db, write, patch, options.alsoWrite);
      } catch (error) {
        outdate(sessionId);
        if (error instanceof SessionGone) {
          return { ok: false, failure: { kind: "no-session", sessionId } };
        }
        if (error instanceof HeadMoved || (error as { name?: string }).name === "ConstraintError") {
          // Back off a little, differently per writer, so two panels do not collide forever.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * attempt));
          continue;
        }
        return { ok: false, failure: storageFailure(error) };
      }
      // Only now is the entry on disk; the cached head follows the log, never leads it.
      heads.set(sessionId, { length: entry.seq + 1, headHash: entry.hash, state: next.state });
      announce(entry);
      return { ok: true, value: entry };
    }
    return {
      ok: false,
      failure: {
        kind: "storage",
        name: "Contention",
        message: `the log kept changing under this write (${MAX_ATTEMPTS} attempts)`,
      },
    };
  }

  /** The session's state as the log says, replayed through the step machine. */
  async function currentState(sessionId: string): Promise<IncidentState | undefined> {
    return (await readHead(sessionId))?.state;
  }

  /** Remembers which tab the meeting is in now (not evidence, so not logged). */
  async function linkTab(sessionId: string, tabId: number | null): Promise<void> {
    const db = await database();
    await db.sessions.update(sessionId, { tabId });
  }

  /** Calls `listener` with every entry this writer commits; returns the unsubscribe. */
  function onCommitted(listener: (entry: LoggedEvent) => void): () => void {
    committed.add(listener);
    return () => committed.delete(listener);
  }

  return { startSession, append, currentState, linkTab, onCommitted };
}

/**
 * An ordinary entry, committed with IndexedDB itself. A connection that cannot start a
 * transaction though Dexie holds it open (Dexie upgrading it, or closing it before it has said
 * so) refuses before anything is written: the entry then goes through Dexie, which opens the
 * database again or says why it cannot.
 */
async function commitOrdinary(db: TrestegDb, write: EntryWrite): Promise<void> {
  try {
    await commitEntry(db, write);
  } catch (error) {
    if ((error as { name?: string }).name !== "InvalidStateError") throw error;
    await commitWithRecords(db, write, {}, undefined);
  }
}

/**
 * Commits an entry that also changes the session's summary row or brings a record along, in
 * one Dexie transaction: the head check of lib/log/commit.ts, with the other writes beside it.
 */
async function commitWithRecords(
  db: TrestegDb,
  write: EntryWrite,
  patch: Partial<SessionRecord>,
  alsoWrite: ((entry: LoggedEvent) => Promise<unknown>) | undefined,
): Promise<void> {
  const { entry, signature } = write;
  const summaryChanges = Object.keys(patch).length > 0;
  const scope = [
    db.events,
    db.heads,
    db.signatures,
    ...(summaryChanges ? [db.sessions] : []),
    ...(alsoWrite ? [db.evidence, db.chunks] : []),
  ];
  await db.transaction("rw", scope, async () => {
    // Issued together, in one round trip: IndexedDB runs them in order, so the read sees the
    // head as it was before this write. If it was not the head hashed against (or the session
    // is gone), throwing aborts the transaction and nothing is kept.
    const [stored] = await Promise.all([
      db.heads.get(entry.sessionId),
      db.events.add(entry),
      db.heads.put(headAfter(write)),
      summaryChanges ? db.sessions.update(entry.sessionId, patch) : null,
      signature ? db.signatures.put(signature) : null,
    ]);
    const refused = headRefusal(stored, write);
    if (refused) throw refused;
    if (alsoWrite) await alsoWrite(entry);
  });
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
    ...(start.practice ? { practice: true as const } : {}),
  };
}
