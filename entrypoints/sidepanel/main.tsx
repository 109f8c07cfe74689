import { render } from "preact";
import { browser } from "wxt/browser";
import { Panel } from "../../components/Panel";
import { browserCaptureDeps } from "../../lib/evidence/browser-deps";
import { createEvidenceService } from "../../lib/evidence/capture";
import { TrestegDb } from "../../lib/log/db";
import { createIncidentLog } from "../../lib/log/incident-log";
import { createPanelActions } from "../../lib/panel/actions";
import { type MeetingTab, resolveMeetingTab } from "../../lib/panel/meeting-tab";
import { createPanelStore } from "../../lib/panel/store";
import { BUILTIN_PACK } from "../../lib/routine/builtin-pack";
import "./style.css";

const db = new TrestegDb();
// Open the database now, in parallel with everything else the panel does on its way up.
void db.open();
const log = createIncidentLog(db);
const store = createPanelStore();
const pack = BUILTIN_PACK;
const meetingTab = resolveMeetingTab(browser.tabs, location.search);
const evidence = createEvidenceService(db, log, browserCaptureDeps);
const actions = createPanelActions({
  log,
  store,
  pack: () => pack,
  meetingTab: () => meetingTab,
  evidence,
  requestCapturePermission: () => browser.permissions.request({ origins: ["<all_urls>"] }),
});
const root = document.getElementById("app") as HTMLElement;

// The panel is usable before the tab is known: the coach's first click must never wait.
const show = (tab: MeetingTab | null) =>
  render(<Panel db={db} pack={pack} store={store} actions={actions} tab={tab} />, root);
show(null);
meetingTab.then(show, (error) => {
  // Without a tab the panel still works (the incident is logged as on an unknown page).
  console.error("Tresteg: could not resolve the meeting tab", error);
  show(null);
});
