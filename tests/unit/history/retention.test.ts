import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, purgeExpired } from "@/lib/history/delete";
import { deleteIncident } from "@/lib/log/records";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog, sessionEvents } from "@/lib/log/incident-log";
import { aSessionStart } from "../builders";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

describe("deleting incidents", () => {
  let db: TrestegDb;
  let clock: number;
  beforeEach(() => {
    db = new TrestegDb(`history-${crypto.randomUUID()}`);
    clock = NOW;
  });
  afterEach(() => db.close());

  /** An incident started `daysAgo` days before NOW, ended or left open. */
  async function anIncident(daysAgo: number, ended = true) {
    clock = NOW - daysAgo * DAY_MS;
    let n = 0;
    const log = createIncidentLog(db, { now: () => clock, newId: () => `s-${daysAgo}-${++n}` });
    const started = await log.startSession(aSessionStart());
    if (!started.ok) throw new Error("could not start");
    if (ended) {
      await log.append(started.value.id, { type: "session-ended", outcome: "client-left" });
    }
    await db.drafts.put({
      sessionId: started.value.id,
      edits: {} as never,
      updatedAt: clock,
    });
    return started.value.id;
  }

  it("removes one incident with its log, chain head, screenshots and draft", async () => {
    const gone = await anIncident(1);
    const kept = await anIncident(2);
    await db.evidence.add({ id: "e1", sessionId: gone } as never);
    await deleteIncident(db, gone);
    expect(await db.sessions.get(gone)).toBeUndefined();
    expect(await sessionEvents(db, gone)).toEqual([]);
    expect(await db.heads.get(gone)).toBeUndefined();
    expect(await db.evidence.count()).toBe(0);
    expect(await db.drafts.get(gone)).toBeUndefined();
    expect(await db.sessions.get(kept)).toBeDefined();
    expect(await sessionEvents(db, kept)).toHaveLength(2);
  });

  it("deletes ended incidents older than the retention period, and only those", async () => {
    const old = await anIncident(91);
    const recent = await anIncident(89);
    const oldButOpen = await anIncident(200, false);
    expect(await purgeExpired(db, 90, NOW)).toBe(1);
    expect(await db.sessions.get(old)).toBeUndefined();
    expect(await db.sessions.get(recent)).toBeDefined();
    // An open incident is never deleted, however old: the coach may still be in it.
    expect(await db.sessions.get(oldButOpen)).toBeDefined();
  });

  it("refuses a retention period that would delete everything", async () => {
    await expect(purgeExpired(db, 0, NOW)).rejects.toThrow(/at least one day/);
  });

  it("closes an incident left open for days with a log entry, and then deletes it by retention", async () => {
    const stale = await anIncident(100, false);
    const log = createIncidentLog(db, { now: () => NOW, newId: () => "unused" });
    expect(await purgeExpired(db, 90, NOW, log)).toBe(1);
    expect(await db.sessions.get(stale)).toBeUndefined();
  });

  it("leaves an incident open a day alone: it is not left open yet", async () => {
    const current = await anIncident(1, false);
    const log = createIncidentLog(db, { now: () => NOW, newId: () => "unused" });
    expect(await purgeExpired(db, 90, NOW, log)).toBe(0);
    expect(await db.sessions.get(current)).toMatchObject({ status: "open" });
    expect((await sessionEvents(db, current)).map((e) => e.type)).toEqual(["session-started"]);
  });

  it("logs the closing of one left open, with the time it was closed", async () => {
    const stale = await anIncident(5, false);
    const log = createIncidentLog(db, { now: () => NOW, newId: () => "unused" });
    expect(await purgeExpired(db, 90, NOW, log)).toBe(0);
    const events = await sessionEvents(db, stale);
    expect(events.at(-1)).toMatchObject({ type: "session-ended", outcome: "left-open", at: NOW });
    expect(await db.sessions.get(stale)).toMatchObject({ status: "ended", outcome: "left-open" });
  });

  it("counts an incident dated ahead of the clock from when it was first found so", async () => {
    const ahead = await anIncident(-400);
    expect(await purgeExpired(db, 90, NOW)).toBe(0);
    expect(await db.sessions.get(ahead)).toMatchObject({ aheadSeenAt: NOW });
    expect(await purgeExpired(db, 90, NOW + 91 * DAY_MS)).toBe(1);
    expect(await db.sessions.get(ahead)).toBeUndefined();
  });
});
