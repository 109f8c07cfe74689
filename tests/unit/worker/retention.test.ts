import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { DAY_MS } from "@/lib/history/delete";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog } from "@/lib/log/incident-log";
import { saveRetentionDays } from "@/lib/settings";
import { RETENTION_ALARM, registerRetention } from "@/lib/worker/retention";
import { aSessionStart } from "../builders";
import { settingsNow, worker } from "./fake-worker";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

describe("the worker's retention purge", () => {
  let db: TrestegDb;
  beforeEach(() => {
    fakeBrowser.reset();
    db = new TrestegDb(`retention-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  const register = () =>
    registerRetention({ alarms: worker.alarms, db, settings: settingsNow, now: () => NOW });

  async function anEndedIncident(daysAgo: number) {
    const log = createIncidentLog(db, {
      now: () => NOW - daysAgo * DAY_MS,
      newId: () => `s-${daysAgo}`,
    });
    const started = await log.startSession(aSessionStart());
    if (!started.ok) throw new Error("could not start");
    await log.append(started.value.id, { type: "session-ended", outcome: "client-left" });
    return started.value.id;
  }

  it("creates the daily alarm when there is none", async () => {
    await register();
    expect(await fakeBrowser.alarms.get(RETENTION_ALARM)).toMatchObject({
      periodInMinutes: 24 * 60,
    });
  });

  it("keeps the daily alarm's schedule when the worker wakes again", async () => {
    const due = NOW + 6 * 60 * 60 * 1000;
    await fakeBrowser.alarms.create(RETENTION_ALARM, { when: due, periodInMinutes: 24 * 60 });
    await register();
    expect(await fakeBrowser.alarms.getAll()).toEqual([
      { name: RETENTION_ALARM, scheduledTime: due, periodInMinutes: 24 * 60 },
    ]);
  });

  it("deletes what has expired at start-up, by the coach's retention period", async () => {
    await saveRetentionDays(fakeBrowser.storage.local, 30);
    const old = await anEndedIncident(31);
    const recent = await anEndedIncident(29);
    await register();
    expect(await db.sessions.get(old)).toBeUndefined();
    expect(await db.sessions.get(recent)).toBeDefined();
  });

  it("deletes again when the daily alarm fires, by the organisation's period if it sets one", async () => {
    await register();
    await fakeBrowser.storage.managed.set({ retentionDays: 10 });
    const old = await anEndedIncident(11);
    await fakeBrowser.alarms.onAlarm.trigger({ name: RETENTION_ALARM, scheduledTime: NOW });
    await vi.waitFor(async () => expect(await db.sessions.get(old)).toBeUndefined());
  });
});
