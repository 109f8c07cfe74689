import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TrestegDb } from "@/lib/log/db";
import type { MuteTarget } from "@/lib/log/events";
import { createIncidentLog, sessionEvents } from "@/lib/log/incident-log";
import type { ActionReport } from "@/lib/messages";
import { createWaitActions } from "@/lib/mute/wait-actions";
import type { Run } from "@/lib/panel/run";
import { aSessionStart } from "../builders";

// The wait's end stops the page watching for a client's picture it could not cover yet, so
// nothing is covered once the wait is over.
describe("ending a wait whose client's picture was not covered", () => {
  let db: TrestegDb;
  beforeEach(() => {
    db = new TrestegDb(`wait-actions-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  async function aWait(coverAnswers: { on: ActionReport; off: ActionReport }) {
    const log = createIncidentLog(db);
    const started = await log.startSession(aSessionStart({ tabId: 7 }));
    if (!started.ok) throw new Error("could not start");
    const sent: string[] = [];
    const run: Run = async (_key, write) => {
      const result = await write();
      return result.ok ? result.value : undefined;
    };
    const wait = createWaitActions({
      log,
      run,
      port: {
        muteTab: async () => ({ result: "done" }),
        send: async (_tab, request) => {
          if (request.type !== "meeting:cover") return { result: "done" };
          sent.push(`cover:${request.cover}`);
          return request.cover ? coverAnswers.on : coverAnswers.off;
        },
        probe: async () => null,
      },
      meetingTab: async () => ({
        tabId: 7,
        origin: "https://meet.jit.si",
        title: "möte",
        platform: "jitsi",
        readable: true,
      }),
      now: () => Date.now(),
      targets: (): MuteTarget[] => ["client-picture"],
      alarms: { set: async () => {}, clear: async () => {} },
    });
    const sessionId = started.value.id;
    await wait.start(sessionId);
    const state = async () => (await log.currentState(sessionId))!;
    const restores = async () =>
      (await sessionEvents(db, sessionId)).filter((e) => e.type === "mute-restored");
    return { wait, sessionId, sent, state, restores };
  }

  it("stops the watching, and logs no restore of what was never covered", async () => {
    const { wait, sessionId, sent, state, restores } = await aWait({
      on: { result: "failed", code: { reason: "no-remote-video" } },
      off: { result: "already" },
    });
    await wait.end(sessionId, "continue", await state());
    expect(sent).toEqual(["cover:true", "cover:false"]);
    expect(await restores()).toEqual([]);
  });

  it("logs the uncover when the page had covered the picture late without it being logged", async () => {
    const { wait, sessionId, restores, state } = await aWait({
      on: { result: "failed", code: { reason: "no-remote-video" } },
      off: { result: "done" },
    });
    await wait.end(sessionId, "continue", await state());
    expect(await restores()).toMatchObject([
      { type: "mute-restored", target: "client-picture", result: "done" },
    ]);
  });

  it("uncovers once what it covered, as before", async () => {
    const { wait, sessionId, sent, state, restores } = await aWait({
      on: { result: "done" },
      off: { result: "done" },
    });
    await wait.end(sessionId, "continue", await state());
    expect(sent).toEqual(["cover:true", "cover:false"]);
    expect(await restores()).toHaveLength(1);
  });
});
