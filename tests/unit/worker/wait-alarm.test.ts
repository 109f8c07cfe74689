import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog } from "@/lib/log/incident-log";
import {
  onWaitAlarm,
  registerWaitNotices,
  sessionOfAlarm,
  waitAlarmName,
} from "@/lib/worker/wait-alarm";
import { aSessionStart } from "../builders";
import { swedish, textOf, worker } from "./fake-worker";

describe("the end of the two-minute wait, when the panel may be closed", () => {
  const deps = (open: boolean, notices: string[]) => ({
    panelIsOpen: async () => open,
    notify: async (id: string, message: string) => {
      notices.push(`${id} ${message}`);
    },
    t: swedish,
  });

  it("names each wait's alarm after its session and reads the session back", () => {
    expect(sessionOfAlarm(waitAlarmName("abc-123"))).toBe("abc-123");
    expect(sessionOfAlarm("something-else")).toBeNull();
  });

  it("tells a coach whose panel is closed, with a notification", async () => {
    const notices: string[] = [];
    expect(await onWaitAlarm(waitAlarmName("s1"), deps(false, notices))).toBe(true);
    expect(notices).toEqual([expect.stringMatching(/^wait:s1 Två minuter har gått\./)]);
  });

  it("leaves it to the open panel, which shows the end itself", async () => {
    const notices: string[] = [];
    expect(await onWaitAlarm(waitAlarmName("s1"), deps(true, notices))).toBe(false);
    expect(notices).toEqual([]);
  });

  it("ignores alarms that are not a wait's", async () => {
    const notices: string[] = [];
    expect(await onWaitAlarm("retention", deps(false, notices))).toBe(false);
    expect(notices).toEqual([]);
  });
});

describe("the worker's wait notices", () => {
  let db: TrestegDb;
  beforeEach(() => {
    fakeBrowser.reset();
    db = new TrestegDb(`wait-${crypto.randomUUID()}`);
  });
  afterEach(() => {
    db.close();
    vi.restoreAllMocks();
  });

  const alarm = (name: string) => fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: 0 });
  const notices = async () => fakeBrowser.notifications.getAll();

  it("shows a notice that stays, in the browser's language, when the wait is over", async () => {
    registerWaitNotices({ browser: worker, db, t: textOf("en") });
    await alarm(waitAlarmName("s1"));
    await vi.waitFor(async () =>
      expect(await notices()).toEqual({
        "wait:s1": expect.objectContaining({
          message: expect.stringMatching(/^Two minutes are up\./),
          requireInteraction: true,
          silent: true,
        }),
      }),
    );
  });

  it("says nothing when a panel is open, or for another alarm", async () => {
    const panel = fakeBrowser.runtime.getURL("/sidepanel.html?tab=7");
    const runtime = fakeBrowser.runtime as { getContexts?: unknown };
    runtime.getContexts = async () => [{ documentUrl: panel }];
    try {
      registerWaitNotices({ browser: worker, db, t: swedish });
      await alarm(waitAlarmName("s1"));
      await alarm("retention");
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await notices()).toEqual({});
    } finally {
      delete runtime.getContexts;
    }
  });

  it("opens the panel for the meeting when the notice is clicked", async () => {
    const log = createIncidentLog(db, { newId: () => "s1", now: () => 1_750_000_000_000 });
    await log.startSession(aSessionStart({ tabId: 7 }));
    const opened = vi.spyOn(fakeBrowser.windows, "create");
    registerWaitNotices({ browser: worker, db, t: swedish });
    await alarm(waitAlarmName("s1"));
    await vi.waitFor(async () => expect(Object.keys(await notices())).toEqual(["wait:s1"]));
    await fakeBrowser.notifications.onClicked.trigger("wait:s1");
    await vi.waitFor(() =>
      expect(opened).toHaveBeenCalledWith(
        expect.objectContaining({ url: fakeBrowser.runtime.getURL("/sidepanel.html?tab=7") }),
      ),
    );
    expect(await notices()).toEqual({});
  });
});
