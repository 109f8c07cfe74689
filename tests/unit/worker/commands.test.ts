import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { createEvidenceService } from "@/lib/evidence/capture";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog, openSession, sessionEvents } from "@/lib/log/incident-log";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { importPack } from "@/lib/settings";
import { COMMANDS, handleCommand, registerCommands } from "@/lib/worker/commands";
import { fakeCaptureDeps } from "../evidence/fake-capture";
import { anOrganisationPack } from "../settings/storage";
import { aWorkerBrowser, settingsNow, swedish, textOf } from "./fake-worker";

const PANEL = "chrome-extension://abc/sidepanel.html";

describe("the screenshot keyboard command", () => {
  let db: TrestegDb;
  let notices: string[];
  beforeEach(() => {
    db = new TrestegDb(`commands-${crypto.randomUUID()}`);
    notices = [];
  });
  afterEach(() => db.close());

  const deps = (capture = fakeCaptureDeps(), t = swedish) => {
    const log = createIncidentLog(db);
    return {
      evidence: createEvidenceService(db, log, capture),
      pack: async () => BUILTIN_PACK,
      notify: async (message: string) => {
        notices.push(message);
      },
      panelUrl: PANEL,
      t,
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
    expect(notices).toEqual(["Mötesfliken syns inte – visa den och försök igen."]);
    expect(await db.evidence.count()).toBe(0);
  });

  it("tells it in the language the browser's i18n serves", async () => {
    const capture = fakeCaptureDeps({}, { active: false });
    await handleCommand(COMMANDS.screenshot, { id: 7 }, deps(capture, textOf("en")));
    expect(notices).toEqual(["The meeting tab is not visible – show it and try again."]);
  });

  it("asks first on a tab that is not a meeting, and takes the picture only on a second press", async () => {
    const asked = new Map<number, number>();
    let now = 1_750_000_000_000;
    const journal = { id: 9, url: "https://journal.region.se/patient/1", title: "Patientjournal" };
    const ask = {
      ...deps(),
      isMeetingTab: async (tab: { url?: string }) => tab.url?.startsWith("https://meet.") === true,
      asked,
      now: () => now,
    };
    await handleCommand(COMMANDS.screenshot, journal, ask);
    expect(await db.sessions.count()).toBe(0);
    expect(await db.evidence.count()).toBe(0);
    expect(notices).toEqual([
      "Fliken ”Patientjournal” ser inte ut som ett möte, så ingen skärmdump togs. Tryck Alt+Shift+S igen inom 10 sekunder om du vill ta den ändå.",
    ]);
    // Too late: asked again, still nothing taken.
    now += 11_000;
    await handleCommand(COMMANDS.screenshot, journal, ask);
    expect(await db.evidence.count()).toBe(0);
    expect(notices).toHaveLength(2);
    now += 3_000;
    await handleCommand(COMMANDS.screenshot, journal, ask);
    expect(await db.evidence.count()).toBe(1);
    // A meeting tab is taken at once.
    await handleCommand(COMMANDS.screenshot, { id: 7, url: "https://meet.jit.si/x" }, ask);
    expect(await db.evidence.count()).toBe(2);
    expect(notices).toHaveLength(2);
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
    expect(notices).toEqual([
      "Tresteg saknar behörighet att ta skärmdumpar av sidan. Tryck Alt+Shift+S i mötesfönstret.",
    ]);
  });
});

describe("the worker's keyboard commands", () => {
  let db: TrestegDb;
  beforeEach(() => {
    fakeBrowser.reset();
    db = new TrestegDb(`commands-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  const register = (capture = fakeCaptureDeps()) => {
    const { browser, onCommand } = aWorkerBrowser();
    const log = createIncidentLog(db);
    registerCommands({
      browser,
      evidence: createEvidenceService(db, log, capture),
      settings: settingsNow,
      t: textOf("sv"),
    });
    return onCommand;
  };
  const startedWith = async () => {
    await vi.waitFor(async () => expect(await db.evidence.count()).toBe(1));
    return (await openSession(db))?.packId;
  };

  it("starts the incident with the organisation's pack when pressed the moment the worker wakes", async () => {
    await importPack(fakeBrowser.storage.local, JSON.stringify(anOrganisationPack("region-x")));
    const onCommand = register();
    await onCommand.trigger(COMMANDS.screenshot, { id: 7 });
    expect(await startedWith()).toBe("region-x");
  });

  it("uses a pack imported after the worker woke", async () => {
    const onCommand = register();
    await importPack(fakeBrowser.storage.local, JSON.stringify(anOrganisationPack("region-y")));
    await onCommand.trigger(COMMANDS.screenshot, { id: 7 });
    expect(await startedWith()).toBe("region-y");
  });

  it("tells a failure in a silent notification", async () => {
    const onCommand = register(fakeCaptureDeps({}, { active: false }));
    await onCommand.trigger(COMMANDS.screenshot, { id: 7 });
    await vi.waitFor(async () =>
      expect(Object.values(await fakeBrowser.notifications.getAll())).toEqual([
        expect.objectContaining({
          title: "Tresteg",
          message: "Mötesfliken syns inte – visa den och försök igen.",
          silent: true,
        }),
      ]),
    );
  });
});
