import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { browserCaptureDeps } from "../lib/evidence/browser-deps";
import { createEvidenceService } from "../lib/evidence/capture";
import { TrestegDb } from "../lib/log/db";
import { createIncidentLog, openSession, sessionEvents } from "../lib/log/incident-log";
import { browserMeetingPort } from "../lib/panel/browser-port";
import { COVER_LABEL } from "../lib/panel/wait-actions";
import { needsCoverAgain } from "../lib/worker/recover";
import { BUILTIN_PACK } from "../lib/routine/builtin-pack";
import type { PhrasePack } from "../lib/routine/pack";
import { loadPackInForce } from "../lib/routine/pack-store";
import { purgeExpired } from "../lib/history/delete";
import { loadRetentionDays } from "../lib/history/retention-settings";
import { loadOwnOrigins } from "../lib/platforms/own-origins";
import { NO_MANAGED, readManaged } from "../lib/settings/managed";
import { handleCommand } from "../lib/worker/commands";
import { registerOwnPlatforms, type ScriptingApi } from "../lib/worker/own-platforms";
import { onWaitAlarm, sessionOfAlarm } from "../lib/worker/wait-alarm";

const RETENTION_ALARM = "retention";

export default defineBackground(() => {
  // Chrome: the toolbar icon and its keyboard command (_execute_action) open the side panel
  // beside the active tab. Firefox opens its sidebar through _execute_sidebar_action.
  if (browser.sidePanel) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  }

  // The pack in force (the organisation's, if imported), kept current as it changes.
  let pack: PhrasePack = BUILTIN_PACK;
  // What the organisation pushes by policy wins (none: Chrome answers {}, Firefox refuses).
  const readManagedStorage = () =>
    browser.storage.managed.get().then(
      (raw) => readManaged(raw as Record<string, unknown>),
      () => NO_MANAGED,
    );
  const readPack = () =>
    Promise.all([loadPackInForce(browser.storage.local), readManagedStorage()]).then(
      ([inForce, managed]) => {
        pack = managed.pack ?? inForce.pack;
      },
      (error) => console.error("Tresteg: phrase pack", error),
    );
  void readPack();
  // The organisation's own platforms get the meeting script once access is granted.
  const registerOwn = () =>
    Promise.all([loadOwnOrigins(browser.storage.local), readManagedStorage()])
      .then(([own, managed]) =>
        registerOwnPlatforms([...new Set([...managed.ownOrigins, ...own])], {
          scripting: browser.scripting as unknown as ScriptingApi,
          granted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
          scriptFile: "content-scripts/meeting.js",
        }),
      )
      .catch((error) => console.error("Tresteg: own platforms", error));
  void registerOwn();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== "local") return;
    if ("phrasePack" in changes) void readPack();
    if ("ownOrigins" in changes) void registerOwn();
  });

  const db = new TrestegDb();
  const log = createIncidentLog(db);
  const evidence = createEvidenceService(db, log, browserCaptureDeps);
  const notify = async (message: string) => {
    await browser.notifications.create({
      type: "basic",
      iconUrl: browser.runtime.getURL("/icon/128.png"),
      title: "Tresteg",
      message,
      silent: true,
    });
  };

  // Data minimisation also when the panel is never opened: once a day, and at start-up.
  const purge = () =>
    Promise.all([loadRetentionDays(browser.storage.local), readManagedStorage()])
      .then(([own, managed]) => purgeExpired(db, managed.retentionDays ?? own, Date.now()))
      .catch((error) => console.error("Tresteg: retention", error));
  void browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60 });
  void purge();

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) {
      void purge();
      return;
    }
    onWaitAlarm(alarm.name, {
      panelIsOpen: () => panelIsOpen(),
      notify: async (id, message) => {
        await browser.notifications.create(id, {
          type: "basic",
          iconUrl: browser.runtime.getURL("/icon/128.png"),
          title: "Tresteg",
          message,
          silent: true,
          requireInteraction: true,
        });
      },
    }).catch((error) => console.error("Tresteg: wait alarm", error));
  });

  // Clicking the "two minutes are up" notice opens the panel for the meeting.
  browser.notifications.onClicked.addListener((id) => {
    const sessionId = sessionOfAlarm(id);
    if (!sessionId) return;
    void browser.notifications.clear(id);
    void openPanelFor(sessionId);
  });

  async function openPanelFor(sessionId: string) {
    const tabId = (await db.sessions.get(sessionId))?.tabId ?? null;
    const url = browser.runtime.getURL(
      tabId === null ? "/sidepanel.html" : `/sidepanel.html?tab=${tabId}`,
    );
    await browser.windows.create({ url, type: "popup", width: 420, height: 900 });
  }

  async function panelIsOpen(): Promise<boolean> {
    // Firefox has no getContexts: tell the coach anyway rather than risk silence.
    if (!browser.runtime.getContexts) return false;
    const panelUrl = browser.runtime.getURL("/sidepanel.html");
    const contexts = await browser.runtime.getContexts({});
    return contexts.some((c) => c.documentUrl?.startsWith(panelUrl));
  }

  // A meeting page reloaded during the wait: cover the client's video again, and log it.
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status !== "complete") return;
    void (async () => {
      const session = await openSession(db);
      if (!session || session.tabId !== tabId) return;
      if (!needsCoverAgain(await sessionEvents(db, session.id))) return;
      const report = await browserMeetingPort.send(tabId, {
        type: "meeting:cover",
        cover: true,
        label: COVER_LABEL,
      });
      await log.append(session.id, {
        type: "mute-applied",
        target: "client-picture",
        result: report.result,
        detail: `igen efter omladdning av sidan / again after the page reloaded${
          report.detail ? `: ${report.detail}` : ""
        }`,
      });
    })().catch((error) => console.error("Tresteg: covering again after a reload", error));
  });

  browser.commands.onCommand.addListener((command, tab) => {
    const panelUrl = browser.runtime.getURL("/sidepanel.html");
    handleCommand(command, tab, { evidence, pack: () => pack, notify, panelUrl }).catch((error) =>
      notify(`Tresteg: ${String(error)}`).catch(() => console.error(error)),
    );
  });
});
