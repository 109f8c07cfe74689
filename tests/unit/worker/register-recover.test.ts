import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog, sessionEvents } from "@/lib/log/incident-log";
import type { MeetingRequest } from "@/lib/messages";
import { registerRecover } from "@/lib/worker/recover";
import { aSessionStart, anEvent } from "../builders";
import { worker } from "./fake-worker";

describe("covering the client again when the meeting page reloads during the wait", () => {
  let db: TrestegDb;
  beforeEach(() => {
    fakeBrowser.reset();
    db = new TrestegDb(`recover-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  async function setUp() {
    const log = createIncidentLog(db);
    const started = await log.startSession(aSessionStart({ tabId: 7 }));
    if (!started.ok) throw new Error("could not start");
    await log.append(started.value.id, anEvent("wait-started"));
    await log.append(
      started.value.id,
      anEvent("mute-applied", { target: "client-picture", result: "done" }),
    );
    const sent: { tabId: number; request: MeetingRequest }[] = [];
    registerRecover({
      tabs: worker.tabs,
      db,
      log,
      port: {
        send: async (tabId, request) => {
          sent.push({ tabId, request });
          return { result: "done" };
        },
      },
    });
    return { sessionId: started.value.id, sent };
  }
  const reloaded = (tabId: number, status = "complete") =>
    fakeBrowser.tabs.onUpdated.trigger(tabId, { status }, { id: tabId } as never);

  it("covers the meeting's tab again and logs it", async () => {
    const { sessionId, sent } = await setUp();
    await reloaded(7);
    await vi.waitFor(async () => expect((await sessionEvents(db, sessionId)).length).toBe(4));
    expect(sent).toEqual([
      { tabId: 7, request: expect.objectContaining({ type: "meeting:cover", cover: true }) },
    ]);
    expect((await sessionEvents(db, sessionId)).at(-1)).toMatchObject({
      type: "mute-applied",
      target: "client-picture",
      result: "done",
      code: { reason: "again-after-reload" },
    });
  });

  it("leaves other tabs, and a page still loading, alone", async () => {
    const { sessionId, sent } = await setUp();
    await reloaded(8);
    await reloaded(7, "loading");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual([]);
    expect(await sessionEvents(db, sessionId)).toHaveLength(3);
  });

  it("covers again on every reload of a burst, and logs it once, not once per reload", async () => {
    const { sessionId, sent } = await setUp();
    for (let i = 0; i < 25; i++) await reloaded(7);
    await vi.waitFor(() => expect(sent).toHaveLength(25));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = (await sessionEvents(db, sessionId)).filter(
      (e) => e.type === "mute-applied" && e.code?.reason === "again-after-reload",
    );
    expect(again).toHaveLength(1);
  });

  it("logs a new burst once something else was logged in between", async () => {
    const { sessionId, sent } = await setUp();
    await reloaded(7);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    await vi.waitFor(async () => expect(await sessionEvents(db, sessionId)).toHaveLength(4));
    const log = createIncidentLog(db);
    await log.append(sessionId, anEvent("note"));
    await reloaded(7);
    await reloaded(7);
    await vi.waitFor(() => expect(sent).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const types = (await sessionEvents(db, sessionId)).map((e) => e.type);
    expect(types.slice(3)).toEqual(["mute-applied", "note", "mute-applied"]);
  });
});
