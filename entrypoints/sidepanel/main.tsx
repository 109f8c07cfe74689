import { render } from "preact";
import { browser } from "wxt/browser";
import { Panel } from "../../components/Panel";
import { TrestegDb } from "../../lib/log/db";
import { createIncidentLog } from "../../lib/log/incident-log";
import { createPanelActions } from "../../lib/panel/actions";
import { resolveMeetingTab } from "../../lib/panel/meeting-tab";
import { createPanelStore } from "../../lib/panel/store";
import { BUILTIN_PACK } from "../../lib/routine/builtin-pack";
import "./style.css";

async function main() {
  const db = new TrestegDb();
  const log = createIncidentLog(db);
  const store = createPanelStore();
  const pack = BUILTIN_PACK;
  const actions = createPanelActions({ log, store, pack: () => pack });
  const tab = await resolveMeetingTab(browser.tabs, location.search);
  render(
    <Panel db={db} pack={pack} store={store} actions={actions} tab={tab} />,
    document.getElementById("app") as HTMLElement,
  );
}

main().catch((error) => {
  // The panel could not start: say so in the page rather than leaving it blank.
  const app = document.getElementById("app");
  if (app) app.textContent = `Tresteg kunde inte starta / could not start: ${String(error)}`;
  throw error;
});
