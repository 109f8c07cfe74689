import Dexie, {
  type IntervalTree,
  type IntervalTreeNode,
  liveQuery,
  type ObservabilitySet,
} from "dexie";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteIncident } from "@/lib/log/records";
import { GENESIS_HASH, verifyChain } from "@/lib/log/chain";
import { mutatedParts, TrestegDb } from "@/lib/log/db";
import type { IncidentEvent, LoggedEvent } from "@/lib/log/events";
import {
  createIncidentLog,
  type IncidentLog,
  type LogResult,
  openSession,
  sessionEvents,
} from "@/lib/log/incident-log";
import { chainHead, entriesFrom } from "@/lib/log/queries";
import { replay } from "@/lib/routine/machine";
import { anEvent, aSessionStart, fakeDeps } from "../builders";

let db: TrestegDb;
let deps: ReturnType<typeof fakeDeps>;
let log: IncidentLog;

beforeEach(() => {
  db = new TrestegDb(`tresteg-test-${crypto.randomUUID()}`);
  deps = fakeDeps(1_750_000_000_000);
  log = createIncidentLog(db, deps);
});

afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(db.name);
});

function written<T>(result: LogResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.failure)}`);
  return result.value;
}

async function aStartedSession(start = aSessionStart()) {
  return written(await log.startSession(start));
}

async function appendAll(sessionId: string, ...events: IncidentEvent[]) {
  const entries: LoggedEvent[] = [];
  for (const event of events) entries.push(written(await log.append(sessionId, event)));
  return entries;
}

/**
 * The next read-write transaction fails as the browser fails a write on a full disk: its
 * requests are issued, then, before they have run, IndexedDB aborts it with `error`
 * (fake-indexeddb's own abort step, with the browser's message on the error).
 */
function abortNextWriteWith(error: DOMException) {
  const transaction = IDBDatabase.prototype.transaction;
  const spy = vi.spyOn(IDBDatabase.prototype, "transaction").mockImplementation(function (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase["transaction"]>
  ) {
    const tx = transaction.apply(this, args);
    if (args[1] === "readwrite") {
      spy.mockRestore();
      queueMicrotask(() => {
        const fake = tx as unknown as { _abort(name: string): void; error: DOMException };
        fake._abort(error.name);
        fake.error = error;
      });
    }
    return tx;
  });
}

/** An incident's summary row, chain head and log as stored now. */
async function rowsOf(sessionId: string) {
  return {
    session: await db.sessions.get(sessionId),
    head: await db.heads.get(sessionId),
    events: await sessionEvents(db, sessionId),
  };
}

/** Nothing of a failed write was kept: the incident's rows are as they were before it. */
async function expectNothingKept(sessionId: string, before: Awaited<ReturnType<typeof rowsOf>>) {
  expect(await rowsOf(sessionId)).toEqual(before);
}

function quotaExceeded(): Error {
  const error = new Error("The quota has been exceeded.");
  error.name = "QuotaExceededError";
  return error;
}

describe("starting a session", () => {
  it("creates the open session row, with the first entry in the log", async () => {
    const session = await aStartedSession(aSessionStart({ kinds: ["raised-voice"], tabId: 12 }));

    expect(session).toEqual({
      id: "session-1",
      status: "open",
      startedAt: 1_750_000_000_000,
      endedAt: null,
      outcome: null,
      kinds: ["raised-voice"],
      origin: "https://meet.example.org",
      title: "Coachning – klient",
      platform: "example-meet",
      tabId: 12,
      packId: "regionhalsan-hco-utsatthet",
      packVersion: "3.0",
      practice: false,
    });
    expect(await db.sessions.get("session-1")).toEqual(session);

    const events = await sessionEvents(db, session.id);
    const head = await db.heads.get("session-1");
    expect(head).toEqual({
      sessionId: "session-1",
      length: 1,
      headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(events).toEqual([
      {
        type: "session-started",
        kinds: ["raised-voice"],
        origin: "https://meet.example.org",
        title: "Coachning – klient",
        platform: "example-meet",
        packId: "regionhalsan-hco-utsatthet",
        packVersion: "3.0",
        // The first incident of this installation names its new signing key.
        signingKey: { fingerprint: (await db.keys.toArray())[0]?.fingerprint, new: true },
        sessionId: "session-1",
        seq: 0,
        at: 1_750_000_000_000,
        prevHash: GENESIS_HASH,
        hash: head?.headHash,
      },
    ]);
    expect(await verifyChain(events)).toEqual({ ok: true, count: 1, headHash: head?.headHash });
  });

  it("refuses a second session while one is open, pointing at the open one", async () => {
    const first = await aStartedSession();
    const second = await log.startSession(aSessionStart({ kinds: ["meet-outside"] }));

    expect(second).toEqual({ ok: false, failure: { kind: "already-open", session: first } });
    expect(await db.sessions.count()).toBe(1);
    expect(await db.events.count()).toBe(1);
  });

  it("lets only one of two panels starting at the same moment open a session", async () => {
    const other = createIncidentLog(db, fakeDeps(1_760_000_000_000));
    const results = await Promise.all([
      log.startSession(aSessionStart()),
      other.startSession(aSessionStart()),
    ]);

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.failure.kind === "already-open")).toHaveLength(1);
    expect(await db.sessions.count()).toBe(1);
    expect(await db.events.count()).toBe(1);
  });

  it("opens a new session once the previous one has ended", async () => {
    const first = await aStartedSession();
    await appendAll(first.id, anEvent("session-ended", { outcome: "client-left" }));
    const second = await aStartedSession();
    expect(second.id).toBe("session-2");
    expect(await db.sessions.count()).toBe(2);
  });

  it("refuses to start without a kind of exposure, writing nothing", async () => {
    const result = await log.startSession(aSessionStart({ kinds: [] }));
    expect(result).toEqual({ ok: false, failure: { kind: "refused", refusal: "no-kinds" } });
    expect(await db.sessions.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
  });

  it("reports a storage failure and leaves no half-written session", async () => {
    vi.spyOn(db.events, "add").mockRejectedValue(quotaExceeded());
    const result = await log.startSession(aSessionStart());
    expect(result).toEqual({
      ok: false,
      failure: { kind: "storage", name: "QuotaExceededError", message: expect.any(String) },
    });
    expect(await db.sessions.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
  });
});

describe("appending to the log", () => {
  it("numbers entries 0, 1, 2 … each chained to the one before, and the chain verifies", async () => {
    const session = await aStartedSession();
    const entries = await appendAll(
      session.id,
      anEvent("phrase-said"),
      anEvent("step-advanced", { from: 1, to: 2 }),
      anEvent("phrase-said", { step: 2, phraseId: "warn-aggressive" }),
    );

    const stored = await sessionEvents(db, session.id);
    expect(stored.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(stored.map((e) => e.at)).toEqual([
      1_750_000_000_000, 1_750_000_001_000, 1_750_000_002_000, 1_750_000_003_000,
    ]);
    for (let i = 1; i < stored.length; i++) {
      expect(stored[i]?.prevHash).toBe(stored[i - 1]?.hash);
    }
    expect(stored.slice(1)).toEqual(entries);
    const verdict = await verifyChain(stored);
    expect(verdict).toEqual({ ok: true, count: 4, headHash: entries[2]?.hash });
    expect(await db.heads.get(session.id)).toMatchObject({
      length: 4,
      headHash: entries[2]?.hash,
    });
  });

  it("stores what was said, word for word", async () => {
    const session = await aStartedSession();
    const text = "Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.";
    await appendAll(session.id, anEvent("phrase-said", { phraseId: "calm-down", text }));
    const [, said] = await sessionEvents(db, session.id);
    expect(said).toMatchObject({ type: "phrase-said", step: 1, phraseId: "calm-down", text });
  });

  it.each<[string, IncidentEvent[], IncidentEvent, string]>([
    ["a phrase of step 2 while in step 1", [], anEvent("phrase-said", { step: 2 }), "wrong-step"],
    ["terminating in step 1", [], anEvent("terminated"), "terminate-before-step-3"],
    [
      "terminating in step 2",
      [anEvent("step-advanced", { from: 1, to: 2 })],
      anEvent("terminated"),
      "terminate-before-step-3",
    ],
    ["skipping to step 3", [], anEvent("step-advanced", { from: 1, to: 3 }), "wrong-step"],
    [
      "ending as resolved mid-routine",
      [],
      anEvent("session-ended", { outcome: "resolved" }),
      "outcome-mismatch",
    ],
    ["a second session-started", [], anEvent("session-started"), "already-started"],
    [
      "anything after the session ended",
      [anEvent("session-ended", { outcome: "client-left" })],
      anEvent("phrase-said"),
      "ended",
    ],
  ])("refuses %s and writes nothing", async (_name, before, event, refusal) => {
    const session = await aStartedSession();
    await appendAll(session.id, ...before);
    const rowBefore = await db.sessions.get(session.id);
    const countBefore = await db.events.count();

    const result = await log.append(session.id, event);

    expect(result).toEqual({ ok: false, failure: { kind: "refused", refusal } });
    expect(await db.events.count()).toBe(countBefore);
    expect(await db.sessions.get(session.id)).toEqual(rowBefore);
  });

  it("says which session it cannot find, writing nothing", async () => {
    const result = await log.append("no-such-session", anEvent("phrase-said"));
    expect(result).toEqual({
      ok: false,
      failure: { kind: "no-session", sessionId: "no-such-session" },
    });
    expect(await db.events.count()).toBe(0);
  });

  it("writes nothing for a session deleted after this writer last saw it", async () => {
    const session = await aStartedSession();
    await appendAll(session.id, anEvent("phrase-said"));
    // Another page deletes it (the history's delete) while this writer still knows its head.
    await deleteIncident(db, session.id);
    const result = await log.append(session.id, anEvent("phrase-said"));
    expect(result).toEqual({ ok: false, failure: { kind: "no-session", sessionId: session.id } });
    expect(await db.events.count()).toBe(0);
    expect(await db.heads.count()).toBe(0);
  });

  it.each([
    ["client-left", []],
    ["resolved", [anEvent("resolved", { step: 1 })]],
    [
      "terminated",
      [
        anEvent("step-advanced", { from: 1, to: 2 }),
        anEvent("step-advanced", { from: 2, to: 3 }),
        anEvent("terminated"),
      ],
    ],
  ] as const)("closes the session row when it ends as %s", async (outcome, before) => {
    const session = await aStartedSession();
    await appendAll(session.id, ...before);
    const [ended] = await appendAll(session.id, anEvent("session-ended", { outcome }));

    const row = await db.sessions.get(session.id);
    expect(row).toMatchObject({ status: "ended", endedAt: ended?.at, outcome });
    expect(row?.endedAt).toBe(1_750_000_000_000 + (before.length + 1) * 1000);
  });

  it("keeps the session row's kinds in step with the log", async () => {
    const session = await aStartedSession(aSessionStart({ kinds: ["personal-attack"] }));
    await appendAll(
      session.id,
      anEvent("kinds-changed", { kinds: ["inappropriate/undressed", "raised-voice"] }),
    );
    expect((await db.sessions.get(session.id))?.kinds).toEqual([
      "inappropriate/undressed",
      "raised-voice",
    ]);
  });

  it("leaves the row's status and kinds alone for ordinary entries", async () => {
    const session = await aStartedSession();
    await appendAll(
      session.id,
      anEvent("phrase-said"),
      anEvent("call-start-set", { callStartedAt: 5 }),
    );
    expect(await db.sessions.get(session.id)).toMatchObject({
      status: "open",
      endedAt: null,
      outcome: null,
      kinds: ["personal-attack"],
    });
  });
});

describe("two panels writing to the same session", () => {
  it("interleaves their entries into one gap-free, verifying chain", async () => {
    const session = await aStartedSession();
    const panelA = createIncidentLog(db, deps);
    const panelB = createIncidentLog(db, deps);
    const said = (panel: IncidentLog, who: string, i: number) =>
      panel.append(
        session.id,
        anEvent("phrase-said", {
          phraseId: i % 2 ? "calm-down" : "calm-down-explain",
          text: `${who}${i}`,
        }),
      );

    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => said(panelA, "A", i)),
      ...Array.from({ length: 20 }, (_, i) => said(panelB, "B", i)),
    ]);

    expect(results.filter((r) => !r.ok)).toEqual([]);
    const stored = await sessionEvents(db, session.id);
    expect(stored).toHaveLength(41);
    expect(new Set(stored.map((e) => e.seq)).size).toBe(41);
    expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 41 }, (_, i) => i));
    expect(await verifyChain(stored)).toMatchObject({ ok: true, count: 41 });
    const texts = stored.flatMap((e) => (e.type === "phrase-said" ? [e.text] : []));
    expect(texts.sort()).toEqual(
      [
        ...Array.from({ length: 20 }, (_, i) => `A${i}`),
        ...Array.from({ length: 20 }, (_, i) => `B${i}`),
      ].sort(),
    );
    expect(await db.heads.get(session.id)).toMatchObject({
      length: 41,
      headHash: stored[40]?.hash,
    });
  });

  it("interleaves ordinary entries and Dexie's writes from another connection", async () => {
    const session = await aStartedSession();
    // A second page's own connection, writing entries that go through Dexie (the summary row
    // changes) while this one commits ordinary entries with IndexedDB itself.
    const other = new TrestegDb(db.name);
    try {
      const otherPage = createIncidentLog(other, deps);
      const results = await Promise.all([
        ...Array.from({ length: 10 }, (_, i) =>
          log.append(session.id, anEvent("phrase-said", { text: `A${i}` })),
        ),
        ...Array.from({ length: 10 }, (_, i) =>
          otherPage.append(
            session.id,
            anEvent("kinds-changed", { kinds: [i % 2 ? "raised-voice" : "threat"] }),
          ),
        ),
      ]);

      expect(results.filter((r) => !r.ok)).toEqual([]);
      const stored = await sessionEvents(db, session.id);
      expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i));
      expect(await verifyChain(stored)).toMatchObject({ ok: true, count: 21 });
      expect(stored.filter((e) => e.type === "phrase-said")).toHaveLength(10);
      expect(await db.heads.get(session.id)).toMatchObject({
        length: 21,
        headHash: stored[20]?.hash,
      });
      // The summary row holds the kinds of the last kinds entry in the chain.
      const lastKinds = stored.findLast((e) => e.type === "kinds-changed");
      expect((await db.sessions.get(session.id))?.kinds).toEqual(
        lastKinds?.type === "kinds-changed" ? lastKinds.kinds : null,
      );
    } finally {
      other.close();
    }
  });

  it("keeps one panel's clicks in the order they were made", async () => {
    const session = await aStartedSession();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        log.append(session.id, anEvent("phrase-said", { text: `${i}` })),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const texts = (await sessionEvents(db, session.id)).flatMap((e) =>
      e.type === "phrase-said" ? [e.text] : [],
    );
    expect(texts).toEqual(Array.from({ length: 10 }, (_, i) => `${i}`));
  });

  it("sees what the other panel wrote before deciding what is allowed", async () => {
    const session = await aStartedSession();
    const panelA = createIncidentLog(db, deps);
    const panelB = createIncidentLog(db, deps);
    expect((await panelA.currentState(session.id))?.step).toBe(1);

    written(await panelB.append(session.id, anEvent("step-advanced", { from: 1, to: 2 })));

    expect((await panelA.currentState(session.id))?.step).toBe(2);
    expect(await panelA.append(session.id, anEvent("phrase-said", { step: 1 }))).toEqual({
      ok: false,
      failure: { kind: "refused", refusal: "wrong-step" },
    });
    expect((await panelA.append(session.id, anEvent("phrase-said", { step: 2 }))).ok).toBe(true);
  });

  it("reads only what the other writer added when its head moved on, not the whole log", async () => {
    // The recorder commits an entry every few seconds while the coach clicks in the panel:
    // a click after each of them must not read the incident's whole log again.
    const session = await aStartedSession();
    const panel = createIncidentLog(db, deps);
    const recorder = createIncidentLog(db, deps);
    for (let i = 0; i < 60; i++) {
      written(await panel.append(session.id, anEvent("phrase-said", { text: `A${i}` })));
    }
    for (let i = 0; i < 3; i++) {
      written(await recorder.append(session.id, anEvent("phrase-said", { text: `R${i}` })));
    }
    let read = 0;
    db.events.hook("reading", (entry) => {
      read += 1;
      return entry;
    });

    const entry = written(await panel.append(session.id, anEvent("phrase-said", { text: "A60" })));

    expect(read).toBe(3);
    const stored = await sessionEvents(db, session.id);
    expect(entry.seq).toBe(64);
    expect(entry.prevHash).toBe(stored[63]?.hash);
    expect(await verifyChain(stored)).toMatchObject({ ok: true, count: 65 });
  });

  it("takes in what the other writer's entries changed when it reads only those", async () => {
    const session = await aStartedSession();
    const panel = createIncidentLog(db, deps);
    const other = createIncidentLog(db, deps);
    written(await panel.append(session.id, anEvent("phrase-said", { step: 1 })));
    written(await other.append(session.id, anEvent("step-advanced", { from: 1, to: 2 })));

    // The panel still holds step 1; the write finds the head moved, reads the one entry after
    // it, and is then at step 2, where a step-1 phrase is refused.
    expect(await panel.append(session.id, anEvent("phrase-said", { step: 1 }))).toEqual({
      ok: false,
      failure: { kind: "refused", refusal: "wrong-step" },
    });
    expect(written(await panel.append(session.id, anEvent("phrase-said", { step: 2 }))).seq).toBe(
      3,
    );
  });

  it("lets only one of two panels advance from step 1 at the same moment", async () => {
    const session = await aStartedSession();
    const panelA = createIncidentLog(db, deps);
    const panelB = createIncidentLog(db, deps);
    const advance = anEvent("step-advanced", { from: 1, to: 2 });
    const results = await Promise.all([
      panelA.append(session.id, advance),
      panelB.append(session.id, advance),
    ]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toEqual({
      ok: false,
      failure: { kind: "refused", refusal: "wrong-step" },
    });
    expect(await sessionEvents(db, session.id)).toHaveLength(2);
  });
});

describe("finding the open session", () => {
  it("finds the open session, and nothing once it has ended", async () => {
    expect(await openSession(db)).toBeUndefined();
    const session = await aStartedSession();
    expect(await openSession(db)).toEqual(session);

    await appendAll(session.id, anEvent("session-ended", { outcome: "client-left" }));
    expect(await openSession(db)).toBeUndefined();
  });

  it("finds the new session, not the ended one before it", async () => {
    const first = await aStartedSession();
    await appendAll(first.id, anEvent("session-ended", { outcome: "client-left" }));
    const second = await aStartedSession();
    expect((await openSession(db))?.id).toBe(second.id);
  });
});

describe("the state the panel shows", () => {
  it("is the stored log replayed through the step machine", async () => {
    const session = await aStartedSession();
    await appendAll(
      session.id,
      anEvent("call-start-set", { callStartedAt: 1_749_999_000_000 }),
      anEvent("phrase-said", { phraseId: "calm-down" }),
      anEvent("step-advanced", { from: 1, to: 2 }),
      anEvent("phrase-said", { step: 2, phraseId: "warn-aggressive" }),
      anEvent("resolved", { step: 2 }),
      anEvent("reopened", { step: 2 }),
      anEvent("kinds-changed", { kinds: ["raised-voice"] }),
    );
    const expected = replay(await sessionEvents(db, session.id));
    expect(expected.refused).toEqual([]);

    expect(await log.currentState(session.id)).toEqual(expected.state);
    expect(await createIncidentLog(db, deps).currentState(session.id)).toEqual(expected.state);
    expect(expected.state).toMatchObject({
      status: "active",
      step: 2,
      reached: 2,
      kinds: ["raised-voice"],
      callStartedAt: 1_749_999_000_000,
    });
  });

  it("is nothing for a session that does not exist", async () => {
    expect(await log.currentState("no-such-session")).toBeUndefined();
  });
});

describe("remembering the meeting's tab", () => {
  it("updates the tab without adding to the log", async () => {
    const session = await aStartedSession(aSessionStart({ tabId: 3 }));
    await log.linkTab(session.id, 44);
    expect((await db.sessions.get(session.id))?.tabId).toBe(44);
    expect(await db.events.count()).toBe(1);
    await log.linkTab(session.id, null);
    expect((await db.sessions.get(session.id))?.tabId).toBeNull();
  });
});

describe("when storage fails", () => {
  it("reports a full disk as a storage failure and keeps what was already written", async () => {
    const session = await aStartedSession();
    await appendAll(
      session.id,
      anEvent("phrase-said"),
      anEvent("step-advanced", { from: 1, to: 2 }),
    );
    const before = await sessionEvents(db, session.id);
    const rowBefore = await db.sessions.get(session.id);

    abortNextWriteWith(new DOMException("The quota has been exceeded.", "QuotaExceededError"));
    const result = await log.append(session.id, anEvent("phrase-said", { step: 2 }));

    expect(result).toEqual({
      ok: false,
      failure: {
        kind: "storage",
        name: "QuotaExceededError",
        message: expect.stringContaining("quota"),
      },
    });
    expect(await sessionEvents(db, session.id)).toEqual(before);
    expect(await db.sessions.get(session.id)).toEqual(rowBefore);
    expect(await verifyChain(before)).toMatchObject({ ok: true, count: 3 });

    const retried = written(await log.append(session.id, anEvent("phrase-said", { step: 2 })));
    expect(retried).toMatchObject({ seq: 3, prevHash: before[2]?.hash });
    expect(await verifyChain(await sessionEvents(db, session.id))).toMatchObject({
      ok: true,
      count: 4,
    });
  });

  it("writes neither the entry nor the head when the head cannot be stored", async () => {
    const session = await aStartedSession();
    const before = await rowsOf(session.id);
    // IndexedDB refuses a value as the request is made (one it cannot clone): the entry's
    // request was issued just before it in the same transaction.
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore["put"]>
    ) {
      if (this.name === "heads") throw new DOMException("could not be cloned", "DataCloneError");
      return put.apply(this, args);
    });

    const result = await log.append(session.id, anEvent("phrase-said"));

    expect(result).toMatchObject({
      ok: false,
      failure: { kind: "storage", name: "DataCloneError" },
    });
    await expectNothingKept(session.id, before);
    vi.restoreAllMocks();
    expect(written(await log.append(session.id, anEvent("phrase-said"))).seq).toBe(1);
  });

  it("writes neither the entry, the head nor the summary when a summary change fails", async () => {
    const session = await aStartedSession();
    const before = await rowsOf(session.id);
    vi.spyOn(db.heads, "put").mockRejectedValue(quotaExceeded());

    const result = await log.append(session.id, anEvent("kinds-changed"));

    expect(result).toMatchObject({
      ok: false,
      failure: { kind: "storage", name: "QuotaExceededError" },
    });
    await expectNothingKept(session.id, before);
    vi.restoreAllMocks();
    expect(written(await log.append(session.id, anEvent("kinds-changed"))).seq).toBe(1);
  });

  it("reports a closed database as a storage failure instead of throwing", async () => {
    const session = await aStartedSession();
    await appendAll(session.id, anEvent("phrase-said"));
    db.close();

    const result = await log.append(session.id, anEvent("phrase-said"));

    expect(result).toMatchObject({
      ok: false,
      failure: { kind: "storage", name: "DatabaseClosedError" },
    });
    if (!result.ok && result.failure.kind === "storage")
      expect(result.failure.message).not.toBe("");
    await db.open();
    const stored = await sessionEvents(db, session.id);
    expect(stored.map((e) => e.seq)).toEqual([0, 1]);
    expect(await verifyChain(stored)).toMatchObject({ ok: true, count: 2 });
  });
});

/** The values a live query gives, until it has given `count` of them. */
function firstValues<T>(query: () => Promise<T>, count: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const values: T[] = [];
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        values.push(value);
        if (values.length === count) {
          subscription.unsubscribe();
          resolve(values);
        }
      },
      error: reject,
    });
  });
}

describe("an ordinary entry committed without Dexie", () => {
  it("reaches the live queries on its head and on its log", async () => {
    const session = await aStartedSession();
    const native = vi.spyOn(db, "backendDB");
    const heads = firstValues(() => chainHead(db, session.id), 2);
    const logs = firstValues(() => entriesFrom(db, session.id, 0), 2);
    // Each live query has read once before the click.
    await new Promise((resolve) => setTimeout(resolve, 20));

    const entry = written(await log.append(session.id, anEvent("phrase-said")));
    expect(native).toHaveBeenCalled();

    const [headBefore, headAfter] = await heads;
    expect(headBefore).toMatchObject({ length: 1 });
    expect(headAfter).toEqual({ sessionId: session.id, length: 2, headHash: entry.hash });
    const [logBefore, logAfter] = await logs;
    expect(logBefore).toHaveLength(1);
    expect(logAfter?.at(-1)).toEqual(entry);
  });

  it("tells the live queries before the page goes away", async () => {
    const session = await aStartedSession();
    const said: ObservabilitySet[] = [];
    const listener = (parts: ObservabilitySet) => void said.push(parts);
    Dexie.on("storagemutated", listener);
    try {
      vi.useFakeTimers({ toFake: ["setTimeout"] });
      written(await log.append(session.id, anEvent("phrase-said")));
      expect(said).toEqual([]);
      window.dispatchEvent(new Event("pagehide"));
      expect(said).toHaveLength(1);
      expect(Object.keys(said[0] ?? {})).toContain(`idb://${db.name}/heads/`);
      // Told once: the timer finds nothing left.
      vi.runAllTimers();
      expect(said).toHaveLength(1);
    } finally {
      vi.useRealTimers();
      Dexie.on("storagemutated").unsubscribe(listener);
    }
  });

  it("goes through Dexie when the open connection cannot start a transaction", async () => {
    const session = await aStartedSession();
    // Dexie still counts the connection open while it upgrades or closes it: IndexedDB then
    // refuses a transaction on it before anything is written.
    vi.spyOn(db, "backendDB").mockReturnValue({
      transaction: () => {
        throw new DOMException("The database connection is closing.", "InvalidStateError");
      },
    } as unknown as IDBDatabase);

    const entry = written(await log.append(session.id, anEvent("phrase-said")));

    expect(await sessionEvents(db, session.id)).toEqual([expect.anything(), entry]);
    expect(await db.heads.get(session.id)).toEqual({
      sessionId: session.id,
      length: 2,
      headHash: entry.hash,
    });
    expect(await db.signatures.get([session.id, 1])).toMatchObject({ hash: entry.hash });
  });

  it("names the parts Dexie's own write of the same rows names", async () => {
    const session = await aStartedSession();
    const entry = written(await log.append(session.id, anEvent("phrase-said")));
    const stored = {
      entry: (await db.events.get([session.id, 1])) as LoggedEvent,
      head: await db.heads.get(session.id),
      signature: await db.signatures.get([session.id, 1]),
    };
    expect(stored.entry).toEqual(entry);
    expect(stored.signature).toBeDefined();

    // The same rows written by Dexie into a twin database, and what Dexie says it touched.
    const twin = new TrestegDb(`tresteg-twin-${crypto.randomUUID()}`);
    try {
      await twin.heads.add({ sessionId: session.id, length: 1, headHash: entry.prevHash });
      const said = new Promise<ObservabilitySet>((resolve) => {
        const listener = (parts: ObservabilitySet) => {
          if (!Object.keys(parts).some((part) => part.includes(twin.name))) return;
          Dexie.on("storagemutated").unsubscribe(listener);
          resolve(parts);
        };
        Dexie.on("storagemutated", listener);
      });
      await twin.transaction("rw", [twin.events, twin.heads, twin.signatures], async () => {
        await twin.events.add(stored.entry);
        await twin.heads.put(stored.head!);
        await twin.signatures.put(stored.signature!);
      });
      const dexie = await said;

      const ours = mutatedParts(twin, [
        ["events", stored.entry],
        ["heads", stored.head!],
        ["signatures", stored.signature!],
      ]);
      expect(Object.keys(dexie)).toHaveLength(8);
      expect(Object.keys(ours).sort()).toEqual(Object.keys(dexie).sort());
      for (const part of Object.keys(dexie)) {
        expect([part, plain(ours[part])]).toEqual([part, plain(dexie[part])]);
      }
    } finally {
      twin.close();
      await Dexie.delete(twin.name);
    }
  });
});

/** A range set as the ranges it holds, in order. */
function plain(set: IntervalTree | undefined): unknown[] {
  const ranges: unknown[] = [];
  const walk = (node: IntervalTree | IntervalTreeNode | null | undefined) => {
    if (!node || !("from" in node)) return;
    walk(node.l);
    ranges.push([node.from, node.to]);
    walk(node.r);
  };
  walk(set);
  return ranges;
}
