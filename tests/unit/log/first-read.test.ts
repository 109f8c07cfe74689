import Dexie from "dexie";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TrestegDb } from "@/lib/log/db";
import { readOpenAtFirstDraw } from "@/lib/log/first-read";
import { createIncidentLog, openSession, sessionEvents } from "@/lib/log/incident-log";
import { anEvent, aSessionStart, fakeDeps } from "../builders";

// The panel's first draw reads the open incident with IndexedDB itself, before Dexie is
// loaded: it must find what Dexie's own queries find, and never create or hold the database.

let name: string;
let db: TrestegDb;

beforeEach(() => {
  name = `first-read-${crypto.randomUUID()}`;
  db = new TrestegDb(name);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

describe("readOpenAtFirstDraw", () => {
  it("finds the open incident and its whole log, in order, as Dexie's queries do", async () => {
    const log = createIncidentLog(db, fakeDeps(1_750_000_000_000));
    const ended = await log.startSession(aSessionStart());
    if (!ended.ok) throw new Error("not started");
    await log.append(ended.value.id, anEvent("session-ended", { outcome: "client-left" }));
    const started = await log.startSession(aSessionStart());
    if (!started.ok) throw new Error("not started");
    for (let i = 0; i < 12; i++) await log.append(started.value.id, anEvent("phrase-said"));

    const read = await readOpenAtFirstDraw(indexedDB, name);

    expect(read.session).toEqual(await openSession(db));
    expect(read.events).toEqual(await sessionEvents(db, started.value.id));
    expect(read.events?.map((e) => e.seq)).toEqual([...Array(13).keys()]);
  });

  it("says none is open when every incident has ended", async () => {
    const log = createIncidentLog(db, fakeDeps(1_750_000_000_000));
    const started = await log.startSession(aSessionStart());
    if (!started.ok) throw new Error("not started");
    await log.append(started.value.id, anEvent("session-ended", { outcome: "client-left" }));

    expect(await readOpenAtFirstDraw(indexedDB, name)).toEqual({ session: null, events: null });
  });

  it("does not create the database where Tresteg has stored nothing yet", async () => {
    const fresh = `never-opened-${crypto.randomUUID()}`;

    expect(await readOpenAtFirstDraw(indexedDB, fresh)).toEqual({ session: null, events: null });

    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(fresh);
    // Dexie then creates it with its whole schema, as on any first start.
    const later = new TrestegDb(fresh);
    await later.open();
    expect(later.verno).toBe(7);
    expect(later.tables.map((t) => t.name)).toContain("events");
    later.close();
    await Dexie.delete(fresh);
  });

  it("lets go of the database, so that Dexie's upgrade asked for during the read goes through", async () => {
    // An older database (as after an update, before the worker has upgraded it): the first
    // version's schema only.
    const older = new Dexie(name);
    older
      .version(1)
      .stores({ sessions: "id, status, startedAt", events: "[sessionId+seq], sessionId, at" });
    await older.open();
    older.close();
    // Read, and let go: the newer version Dexie asks for meanwhile is not blocked.
    const reading = readOpenAtFirstDraw(indexedDB, name);
    const upgraded = new TrestegDb(name);
    const [read] = await Promise.all([reading, upgraded.open()]);
    expect(read).toEqual({ session: null, events: null });
    expect(upgraded.verno).toBe(7);
    upgraded.close();
  });
});
