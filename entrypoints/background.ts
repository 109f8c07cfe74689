import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { browserCaptureDeps } from "../lib/evidence/browser-deps";
import { createEvidenceService } from "../lib/evidence/capture";
import { TrestegDb } from "../lib/log/db";
import { createIncidentLog } from "../lib/log/incident-log";
import { BUILTIN_PACK } from "../lib/routine/builtin-pack";
import { handleCommand } from "../lib/worker/commands";

export default defineBackground(() => {
  // Chrome: the toolbar icon and its keyboard command (_execute_action) open the side panel
  // beside the active tab. Firefox opens its sidebar through _execute_sidebar_action.
  if (browser.sidePanel) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  }

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

  browser.commands.onCommand.addListener((command, tab) => {
    handleCommand(command, tab, { evidence, pack: () => BUILTIN_PACK, notify }).catch((error) =>
      notify(`Tresteg: ${String(error)}`).catch(() => console.error(error)),
    );
  });
});
