import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog, sessionEvents } from "@/lib/log/incident-log";
import type { CoverPush, CoverPushAnswer } from "@/lib/messages";
import { logCoverPush, registerCoverPushes } from "@/lib/worker/cover-pushes";
import { aSessionStart, anEvent } from "../builders";
import { aFakeEvent } from "./fake-worker";

const push = (change: CoverPush["change"], count = 1): CoverPush => ({
  type: "cover:changed",
  change,
  count,
});

describe("logging what the cover told during the wait", () => {
  let db: TrestegDb;
  beforeEach(() => {
    db = new TrestegDb(`cover-pushes-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  /** An incident in tab 7 whose wait runs, the client's picture answered as `answer`. */
  async function aWait(answer: "done" | "failed" | null = "done") {
    const log = createIncidentLog(db);
    const started = await log.startSession(aSessionStart({ tabId: 7 }));
    if (!started.ok) throw new Error("could not start");
    const sessionId = started.value.id;
    await log.append(sessionId, anEvent("wait-started"));
    if (answer) {
      await log.append(
        sessionId,
        anEvent("mute-applied", {
          target: "client-picture",
          result: answer,
          ...(answer === "failed" ? { code: { reason: "no-remote-video" } } : {}),
        }),
      );
    }
    const last = async () => (await sessionEvents(db, sessionId)).at(-1);
    return { log, sessionId, last, deps: { db, log, sleep: async () => {} } };
  }

  it("logs a cover put back as the client's picture done, with the count", async () => {
    const { deps, last } = await aWait();
    expect(await logCoverPush(7, push("reapplied", 3), deps)).toEqual({ logged: true });
    expect(await last()).toMatchObject({
      type: "mute-applied",
      target: "client-picture",
      result: "done",
      code: { reason: "cover-reapplied", count: 3 },
    });
  });

  it("logs a lost cover as failed, and one covered late as done", async () => {
    const { deps, last, sessionId } = await aWait("failed");
    await logCoverPush(7, push("covered-late"), deps);
    expect(await last()).toMatchObject({ result: "done", code: { reason: "covered-late" } });
    await logCoverPush(7, push("lost"), deps);
    expect(await last()).toMatchObject({ result: "failed", code: { reason: "cover-lost" } });
    // Covered late counts as Tresteg's: the end of the wait uncovers it.
    const log = createIncidentLog(db);
    expect((await log.currentState(sessionId))?.mutedByUs).toContain("client-picture");
  });

  it("logs nothing for another tab, or once the wait has ended", async () => {
    const { deps, log, sessionId } = await aWait();
    expect(await logCoverPush(8, push("lost"), deps)).toEqual({
      logged: false,
      why: "not-the-meeting-tab",
    });
    await log.append(sessionId, anEvent("wait-ended"));
    const before = (await sessionEvents(db, sessionId)).length;
    expect(await logCoverPush(7, push("lost"), deps)).toEqual({ logged: false, why: "no-wait" });
    expect(await sessionEvents(db, sessionId)).toHaveLength(before);
  });

  it("refuses, inside the write, a cover change once the wait has ended", async () => {
    const { log, sessionId } = await aWait();
    await log.append(sessionId, anEvent("wait-ended"));
    const result = await log.append(sessionId, {
      type: "mute-applied",
      target: "client-picture",
      result: "done",
      code: { reason: "covered-late", count: 1 },
    });
    expect(result).toEqual({ ok: false, failure: { kind: "refused", refusal: "no-wait" } });
  });

  it("logs after the panel's own answer for the picture when the push overtakes it", async () => {
    const { log, sessionId } = await aWait(null);
    let looks = 0;
    const deps = {
      db,
      log,
      sleep: async () => {
        looks += 1;
        if (looks === 2) {
          await log.append(
            sessionId,
            anEvent("mute-applied", { target: "client-picture", result: "failed" }),
          );
        }
      },
    };
    await logCoverPush(7, push("covered-late"), deps);
    const types = (await sessionEvents(db, sessionId))
      .slice(-2)
      .map((e) => e.type === "mute-applied" && [e.result, e.code?.reason]);
    expect(types).toEqual([
      ["failed", undefined],
      ["done", "covered-late"],
    ]);
  });

  describe("as the worker hears it", () => {
    function aRuntime() {
      const onMessage =
        aFakeEvent<[unknown, { id?: string; tab?: { id?: number } }, (a: unknown) => void]>();
      return { id: "tresteg", onMessage };
    }
    function send(
      runtime: ReturnType<typeof aRuntime>,
      message: unknown,
      sender: { id?: string; tab?: { id?: number } },
    ) {
      return new Promise<{ kept: unknown; answer: CoverPushAnswer | undefined }>((resolve) => {
        let kept: unknown;
        void runtime.onMessage
          .trigger(message, sender, (answer) =>
            resolve({ kept, answer: answer as CoverPushAnswer }),
          )
          .then(([result]) => {
            kept = result;
            if (result !== true) resolve({ kept, answer: undefined });
          });
      });
    }

    it("logs a push from Tresteg's own meeting script in the meeting's tab, and answers", async () => {
      const { log, last } = await aWait();
      const runtime = aRuntime();
      registerCoverPushes({ runtime: runtime as never, db, log, sleep: async () => {} });
      const { answer } = await send(runtime, push("reapplied"), { id: "tresteg", tab: { id: 7 } });
      expect(answer).toEqual({ logged: true });
      expect(await last()).toMatchObject({ code: { reason: "cover-reapplied", count: 1 } });
    });

    it("ignores what another extension sends, and what is not a push", async () => {
      const { log, sessionId } = await aWait();
      const runtime = aRuntime();
      registerCoverPushes({ runtime: runtime as never, db, log, sleep: async () => {} });
      const before = (await sessionEvents(db, sessionId)).length;
      expect((await send(runtime, push("lost"), { id: "someone-else", tab: { id: 7 } })).kept).toBe(
        false,
      );
      expect(
        (await send(runtime, { ...push("lost"), count: -1 }, { id: "tresteg", tab: { id: 7 } }))
          .kept,
      ).toBe(false);
      expect(await sessionEvents(db, sessionId)).toHaveLength(before);
    });
  });
});
