import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { browserCaptureDeps } from "../lib/evidence/browser-deps";
import { createEvidenceService } from "../lib/evidence/capture";
import { TrestegDb } from "../lib/log/db";
import { createIncidentLog, openSession } from "../lib/log/incident-log";
import { detectPlatform } from "../lib/platforms/detect";
import { browserMeetingPort } from "../lib/panel/browser-port";
import { loadSettings } from "../lib/settings";
import { notify, workerText } from "../lib/worker/browser";
import { registerCommands } from "../lib/worker/commands";
import { registerCoverPushes } from "../lib/worker/cover-pushes";
import { registerPanelOpening } from "../lib/worker/panel-opening";
import { registerOwnPlatforms, type ScriptingApi } from "../lib/worker/own-platforms";
import { registerRecover } from "../lib/worker/recover";
import { type RecordingBrowser, registerRecording } from "../lib/worker/recording";
import { registerRetention } from "../lib/worker/retention";
import { registerWaitNotices } from "../lib/worker/wait-alarm";

export default defineBackground(() => {
  // Chrome: the toolbar icon and its keyboard command (_execute_action) open the side panel
  // beside the active tab. Firefox opens its sidebar through _execute_sidebar_action.
  if (browser.sidePanel) {
    registerPanelOpening({ sidePanel: browser.sidePanel, action: browser.action });
  }
  const settings = () => loadSettings(browser.storage.local, browser.storage.managed);
  const db = new TrestegDb();
  const log = createIncidentLog(db);
  const t = workerText(browser.i18n);

  void registerRetention({ alarms: browser.alarms, db, log, settings });
  registerWaitNotices({ browser, db, t });
  registerRecover({ tabs: browser.tabs, db, log, port: browserMeetingPort });
  // What the cover does on its own during the wait, logged here: the panel may be closed.
  registerCoverPushes({ runtime: browser.runtime, db, log });
  registerCommands({
    browser,
    // A meeting: a platform Tresteg knows or the organisation's own, the open incident's tab,
    // or a page whose meeting script answers (self-hosted Jitsi, the demo meeting).
    isMeetingTab: async (tab) => {
      if (detectPlatform(tab.url, (await settings()).ownOrigins) !== "generic") return true;
      if (tab.id === undefined) return false;
      if ((await openSession(db))?.tabId === tab.id) return true;
      return (await browserMeetingPort.probe(tab.id)) !== null;
    },
    evidence: createEvidenceService(db, log, browserCaptureDeps),
    settings,
    t,
  });
  // Chrome only: Firefox has no tab capture (the panel says recording needs Chrome there).
  if (browser.tabCapture && browser.offscreen) {
    registerRecording({
      browser: browser as unknown as RecordingBrowser,
      commands: browser.commands,
      db,
      log,
      settings,
      newId: () => crypto.randomUUID(),
      notify: (message) => notify(browser, message),
      t,
    });
  }
  registerOwnPlatforms({
    scripting: browser.scripting as unknown as ScriptingApi,
    granted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    scriptFile: "content-scripts/meeting.js",
    settings,
    watch: {
      storage: browser.storage.local,
      managed: browser.storage.managed,
      onStorageChanged: browser.storage.onChanged,
    },
  });
});
