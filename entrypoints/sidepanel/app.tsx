import { render } from "preact";
import { browser } from "wxt/browser";
import { Panel } from "../../components/Panel";
import { browserCaptureDeps } from "../../lib/evidence/browser-deps";
import { createEvidenceService } from "../../lib/evidence/capture";
import { DEFAULT_RETENTION_DAYS, purgeExpired } from "../../lib/history/delete";
import { saveFile } from "../../lib/history/save-file";
import { loadRetentionDays, saveRetentionDays } from "../../lib/history/retention-settings";
import { TrestegDb } from "../../lib/log/db";
import { createIncidentLog } from "../../lib/log/incident-log";
import { createPanelActions } from "../../lib/panel/actions";
import { type MeetingTab, meetingTabFrom, resolveMeetingTab } from "../../lib/panel/meeting-tab";
import { browserMeetingPort } from "../../lib/panel/browser-port";
import { createDraftActions } from "../../lib/panel/draft-actions";
import { createRunner } from "../../lib/panel/run";
import { createWaitActions } from "../../lib/panel/wait-actions";
import { waitAlarmName } from "../../lib/worker/wait-alarm";
import { BUILTIN_PACK } from "../../lib/routine/builtin-pack";
import type { PackProblem } from "../../lib/routine/load-pack";
import type { PhrasePack } from "../../lib/routine/pack";
import { importPack, loadPackInForce, resetPack } from "../../lib/routine/pack-store";
import { loadWaitMutes, saveWaitMutes } from "../../lib/settings/wait-mutes";
import { MUTE_TARGETS, type MuteTarget } from "../../lib/log/events";
import { type ManagedSettings, merged, NO_MANAGED, readManaged } from "../../lib/settings/managed";
import { loadOwnOrigins, matchPattern, saveOwnOrigins } from "../../lib/platforms/own-origins";
import { chosenLanguageReady, languages, store } from "./ui-state";

const db = new TrestegDb();
// Open the database now, in parallel with everything else the panel does on its way up.
void db.open();
const log = createIncidentLog(db);
// The routine's own pack until the stored organisation pack (if any) has been read.
let pack: PhrasePack = BUILTIN_PACK;
let ownOrigins: string[] = [];
let waitMutes: MuteTarget[] = [...MUTE_TARGETS];
// What the organisation pushes by policy; it wins over the coach's own settings.
let managed: ManagedSettings = NO_MANAGED;
let ownPack: PhrasePack = BUILTIN_PACK;
let packProblems: PackProblem[] = [];
// The organisation's own platforms count as meeting platforms (detected as "own").
let meetingTab = loadOwnOrigins(browser.storage.local)
  .catch((error: unknown) => {
    console.error("Tresteg: own platforms", error);
    return [] as string[];
  })
  .then((origins) => {
    ownOrigins = origins;
    return resolveMeetingTab(browser.tabs, location.search, origins);
  });
const evidence = createEvidenceService(db, log, browserCaptureDeps);
const actions = createPanelActions({
  log,
  store,
  pack: () => pack,
  meetingTab: () => meetingTab,
  practiceMeeting: openPracticeMeeting,
  evidence,
  requestCapturePermission: () => browser.permissions.request({ origins: ["<all_urls>"] }),
});
const wait = createWaitActions({
  log,
  run: createRunner(store),
  port: browserMeetingPort,
  meetingTab: () => meetingTab,
  now: () => Date.now(),
  targets: () => waitMutes,
  alarms: {
    set: async (sessionId, deadline) => {
      await browser.alarms.create(waitAlarmName(sessionId), { when: deadline });
    },
    clear: async (sessionId) => {
      await browser.alarms.clear(waitAlarmName(sessionId));
    },
  },
});
const drafts = createDraftActions({
  db,
  store,
  now: () => Date.now(),
  copy: (text) => navigator.clipboard.writeText(text),
  save: (name, blob) => saveFile(document, name, blob),
  openReport: async (sessionId, lang) => {
    const query = `session=${encodeURIComponent(sessionId)}&lang=${lang}`;
    await browser.tabs.create({ url: `${browser.runtime.getURL("/report.html")}?${query}` });
  },
});
const root = document.getElementById("app") as HTMLElement;

let tab: MeetingTab | null | undefined;
let retentionDays = DEFAULT_RETENTION_DAYS;
const setRetentionDays = (days: number) => {
  saveRetentionDays(browser.storage.local, days).then(
    () => {
      retentionDays = days;
      store.setState({ notice: { key: "retentionSaved", params: { days } } });
      show();
    },
    (error) =>
      store.setState({
        error: { key: "storageError", params: { name: "storage", message: String(error) } },
      }),
  );
};

// The panel is usable before the tab is known: the coach's first click must never wait.
function show() {
  render(
    <Panel
      db={db}
      log={log}
      pack={pack}
      store={store}
      actions={actions}
      wait={wait}
      drafts={drafts}
      retention={{
        ...(({ value, locked }) => ({ days: value, locked }))(
          merged(retentionDays, managed.retentionDays),
        ),
        setDays: setRetentionDays,
      }}
      settings={{
        problems: packProblems,
        onImport: (text) => {
          importPack(browser.storage.local, text).then(
            (result) => {
              if (result.ok) {
                ownPack = result.pack;
                pack = managed.pack ?? ownPack;
                packProblems = [];
                store.setState({
                  notice: {
                    key: "packImported",
                    params: { name: pack.name[store.getState().lang] },
                  },
                });
              } else {
                packProblems = result.problems;
              }
              show();
            },
            (error) => storageError("pack", error),
          );
        },
        onExport: () =>
          saveFile(
            document,
            `${pack.id}-${pack.source.version}.json`,
            new Blob([JSON.stringify(pack, null, 2)], { type: "application/json" }),
          ),
        ownOrigins: [...new Set([...managed.ownOrigins, ...ownOrigins])].sort(),
        lockedOrigins: managed.ownOrigins,
        waitMutes,
        onWaitMutes: (targets) => {
          waitMutes = MUTE_TARGETS.filter((t) => targets.includes(t));
          show();
          saveWaitMutes(browser.storage.local, waitMutes).catch((error) =>
            storageError("settings", error),
          );
        },
        packLocked: managed.pack !== null,
        managedProblems: managed.problems,
        onAddOrigin: (origin) => {
          // Asked in the coach's click; nothing is stored unless the browser grants it.
          browser.permissions.request({ origins: [matchPattern(origin)] }).then(
            async (granted) => {
              if (!granted) {
                store.setState({ error: { key: "ownPlatformRefused", params: { origin } } });
                return;
              }
              ownOrigins = [...new Set([...ownOrigins, origin])].sort();
              await saveOwnOrigins(browser.storage.local, ownOrigins);
              store.setState({ notice: { key: "ownPlatformAdded", params: { origin } } });
              show();
            },
            (error) => storageError("permissions", error),
          );
        },
        onRemoveOrigin: (origin) => {
          ownOrigins = ownOrigins.filter((o) => o !== origin);
          saveOwnOrigins(browser.storage.local, ownOrigins)
            .then(() => browser.permissions.remove({ origins: [matchPattern(origin)] }))
            .then(show, (error) => storageError("permissions", error));
        },
        onReset: () => {
          resetPack(browser.storage.local).then(
            (builtin) => {
              ownPack = builtin;
              pack = managed.pack ?? ownPack;
              packProblems = [];
              show();
            },
            (error) => storageError("pack", error),
          );
        },
      }}
      tab={tab}
      languages={languages}
    />,
    root,
  );
}
// The first view is on screen; the full panel takes its place once the chosen language is read.
void chosenLanguageReady.then(show);

/** Clicks the first view took before the panel had loaded, carried out now, in order. */
export const panelActions = actions;

meetingTab.then(
  (found) => {
    tab = found;
    show();
  },
  (error) => {
    // Without a tab the panel still works (the incident is logged as on an unknown page).
    console.error("Tresteg: could not resolve the meeting tab", error);
    tab = null;
    show();
  },
);

/**
 * Practice happens on Tresteg's own practice meeting, never on a real call: the panel's tab
 * when it is that page, else a new tab with it, which the panel then serves.
 */
async function openPracticeMeeting(): Promise<MeetingTab> {
  const current = await meetingTab;
  if (current?.platform === "practice") return current;
  const url = browser.runtime.getURL("/practice.html");
  const created = await browser.tabs.create({ url, active: true });
  const practice = meetingTabFrom({ ...created, url, title: "Övningsmöte – Tresteg" });
  meetingTab = Promise.resolve(practice);
  tab = practice;
  show();
  return practice;
}

function storageError(name: string, error: unknown) {
  store.setState({ error: { key: "storageError", params: { name, message: String(error) } } });
}

// Chrome answers {} without a policy; Firefox has no managed storage without a native
// manifest and refuses, which means the same: nothing is managed.
const readManagedStorage = () =>
  browser.storage.managed.get().then(
    (raw) => readManaged(raw as Record<string, unknown>),
    () => NO_MANAGED,
  );

Promise.all([loadPackInForce(browser.storage.local), readManagedStorage()]).then(
  ([inForce, fromPolicy]) => {
    managed = fromPolicy;
    ownPack = inForce.pack;
    pack = managed.pack ?? ownPack;
    // A stored pack that no longer validates is shown with its problems, not used.
    packProblems = inForce.problems;
    show();
  },
  (error) => storageError("pack", error),
);

loadWaitMutes(browser.storage.local).then(
  (targets) => {
    waitMutes = targets;
    show();
  },
  (error) => storageError("settings", error),
);

// Data minimisation: expired incidents go when the panel opens, and the panel says so.
Promise.all([loadRetentionDays(browser.storage.local), readManagedStorage()])
  .then(async ([own, fromPolicy]) => {
    retentionDays = own;
    const days = merged(own, fromPolicy.retentionDays).value;
    show();
    const purged = await purgeExpired(db, days, Date.now());
    if (purged > 0) {
      store.setState({ notice: { key: "retentionPurged", params: { count: purged, days } } });
    }
  })
  .catch((error) =>
    store.setState({
      error: { key: "storageError", params: { name: "retention", message: String(error) } },
    }),
  );
