import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEvidenceService } from "@/lib/evidence/capture";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog, openSession, sessionEvents } from "@/lib/log/incident-log";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { COMMANDS, handleCommand } from "@/lib/worker/commands";
import { fakeCaptureDeps } from "../evidence/fake-capture";

const PANEL = "chrome-extension://abc/sidepanel.html";

describe("the screenshot keyboard command", () => {
  let db: TrestegDb;
  let notices: string[];
  beforeEach(() => {
    db = new TrestegDb(`commands-${crypto.randomUUID()}`);
    notices = [];
  });
  afterEach(() => db.close());

  const deps = (capture = fakeCaptureDeps()) => {
    const log = createIncidentLog(db);
    return {
      evidence: createEvidenceService(db, log, capture),
      pack: () => BUILTIN_PACK,
      notify: async (message: string) => {
        notices.push(message);
      },
      panelUrl: PANEL,
    };
  };

  it("captures the tab the command came from, starting an incident if none is open", async () => {
    await handleCommand(COMMANDS.screenshot, { id: 7 }, deps());
    const session = await openSession(db);
    const types = (await sessionEvents(db, session?.id ?? "")).map((e) => e.type);
    expect(types).toEqual(["session-started", "screenshot-taken"]);
    expect(notices).toEqual([]);
  });

  it("tells the coach by a notification when it cannot capture (the panel may be closed)", async () => {
    const capture = fakeCaptureDeps({}, { active: false });
    await handleCommand(COMMANDS.screenshot, { id: 7 }, deps(capture));
    expect(notices).toEqual([expect.stringContaining("Mötesfliken syns inte")]);
    expect(await db.evidence.count()).toBe(0);
  });

  it("ignores commands it does not own", async () => {
    await handleCommand("_execute_action", { id: 7 }, deps());
    expect(await db.sessions.count()).toBe(0);
    expect(notices).toEqual([]);
  });

  it("pressed in the detached panel window, captures the meeting the panel serves", async () => {
    const asked: number[] = [];
    const capture = fakeCaptureDeps({
      getTab: async (tabId) => {
        asked.push(tabId);
        return { id: tabId, windowId: 1, active: true, url: "https://meet.jit.si/x", title: "M" };
      },
    });
    await handleCommand(COMMANDS.screenshot, { id: 99, url: `${PANEL}?tab=7` }, deps(capture));
    expect(asked).toEqual([7]);
    const [shot] = await db.evidence.toArray();
    expect(shot?.origin).toBe("https://meet.jit.si");
  });

  it("says to press it in the meeting window when the panel's grant does not reach it", async () => {
    const capture = fakeCaptureDeps({
      captureVisibleTab: async () => {
        throw new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
      },
    });
    await handleCommand(COMMANDS.screenshot, { id: 99, url: `${PANEL}?tab=7` }, deps(capture));
    expect(notices).toEqual([expect.stringContaining("Tryck Alt+Shift+S i mötesfönstret")]);
  });
});
