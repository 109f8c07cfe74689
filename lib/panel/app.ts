import { type CaptureDeps, createEvidenceService } from "../evidence/capture";
import { purgeExpired } from "../history/delete";
import type { Languages } from "../i18n/languages";
import { countKey } from "../i18n/text";
import type { LogStorage } from "../log/storage";
import { MUTE_TARGETS, type MuteTarget } from "../log/events";
import type { LeaveChoice } from "../messages";
import { createIncidentLog, type IncidentLog } from "../log/incident-log";
import type { HelpContact } from "../help/contacts";
import {
  addHelpContact,
  addOwnOrigin,
  removeHelpContact,
  importPack,
  loadSettings,
  type ManagedStorage,
  matchPattern,
  removeOwnOrigin,
  resetPack,
  type SaveResult,
  saveHostLeave,
  saveRecordingNoticeRead,
  saveRetentionDays,
  saveWaitMutes,
  type SettingsStorage,
} from "../settings";
import type { PhrasePack } from "../routine/pack";
import { describeSettingsProblem } from "../settings/describe";
import { waitAlarmName } from "../worker/wait-alarm";
import { createPanelActions, type PanelActions } from "./actions";
import { createDraftActions, type DraftActions } from "./draft-actions";
import { createLeave, type Leave } from "./leave";
import type { MeetingPort } from "./meeting-port";
import { type MeetingTab, meetingTabFrom, resolveMeetingTab, type TabsApi } from "./meeting-tab";
import {
  type PageVisibility,
  type ReadinessWatch,
  type TabUpdates,
  watchReadiness,
} from "./readiness-watch";
import { createRunner, expireNotices } from "./run";
import type { PanelStore } from "./store";
import { createWaitActions, type WaitActions } from "../mute/wait-actions";
import { createHelpActions, type HelpActions } from "../help/actions";
import {
  createRecordingActions,
  type PanelRecordingBrowser,
  type RecordingActions,
  withPlaybackMute,
} from "../recording/panel-actions";

/** The optional permission a screenshot from the panel needs when no activeTab grant covers it. */
const CAPTURE_ORIGINS = "<all_urls>";

/** Where the settings are kept: the coach's own, and the organisation's policy. */
export interface SettingsPlace {
  storage: SettingsStorage;
  managed?: ManagedStorage;
}

/** The parts of the browser the panel uses, so that a test can hand in its own. */
export interface PanelBrowser {
  tabs: TabsApi & {
    create(props: { url: string; active: boolean }): Promise<{ id?: number }>;
    /** The meeting page loaded or changed: the readiness line looks at it again. */
    onUpdated?: TabUpdates;
  };
  permissions: {
    request(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
  alarms: {
    create(name: string, info: { when: number }): Promise<void> | void;
    clear(name: string): Promise<boolean>;
  };
  /** The address of one of Tresteg's own pages, e.g. "/practice.html". */
  pageUrl(path: string): string;
  /** Recording the call through the worker; absent where the browser cannot (tests, Firefox). */
  recording?: PanelRecordingBrowser;
}

export interface PanelAppDeps {
  /** The log's database, opening: the panel draws before it is there (lib/log/storage.ts). */
  storage: Promise<LogStorage>;
  store: PanelStore;
  /** The panel's words: the label on the cover over the client's picture is in them. */
  languages: Languages;
  settings: SettingsPlace;
  browser: PanelBrowser;
  meeting: MeetingPort;
  capture: CaptureDeps;
  /** The panel page's query: `?tab=42` names the meeting tab (the detached window). */
  search: string;
  /** The panel page: it looks at the meeting page only while it is shown. */
  page?: PageVisibility;
  now: () => number;
  copy: (text: string) => Promise<void>;
  save: (name: string, blob: Blob) => void;
}

export interface PanelApp {
  /** The log's database and its live queries, once open. */
  storage: Promise<LogStorage>;
  log: IncidentLog;
  store: PanelStore;
  actions: PanelActions;
  wait: WaitActions;
  drafts: DraftActions;
  settings: SettingsActions;
  /** "Kalla på hjälp": a contact's link opened by the browser, the click logged. */
  help: HelpActions;
  /** "Spela in samtalet": start and stop through the worker; the state is in the log. */
  recording: RecordingActions;
  /** Step 3: end the call and leave the meeting, in one click after its phrase. */
  leave: Leave;
  /** Keeps what the meeting page offers current (the readiness line), never during the wait. */
  readiness: ReadinessWatch;
  /** The tab the panel acts on: the practice meeting during practice, else the meeting. */
  meetingTab: () => Promise<MeetingTab | null>;
  /** Looks up the meeting tab and deletes expired incidents: what the panel does on opening. */
  start: () => Promise<void>;
}

/**
 * The tab with the platform its page says it is, where its address does not tell: the
 * meeting script recognises self-hosted Jitsi (and the organisation's own platform running
 * one of the five) by the page itself and says so in its probe. A page that does not answer
 * keeps what the address said.
 */
async function recognisedByPage(
  meeting: MeetingPort,
  tab: MeetingTab | null,
): Promise<MeetingTab | null> {
  if (!tab || tab.tabId === null || (tab.platform !== "generic" && tab.platform !== "own")) {
    return tab;
  }
  const said = await meeting.probe(tab.tabId).catch(() => null);
  const platform = said?.platform;
  if (!platform || platform === "generic" || platform === "own" || platform === "practice") {
    return tab;
  }
  return { ...tab, platform };
}

/**
 * Everything the side panel does, built from its parts: the log, the coach's actions, the
 * wait, the drafts and the settings. The page's entry and the component tests both build the
 * panel through this, so what a test clicks is wired as the coach's panel is.
 */
export function createPanelApp(deps: PanelAppDeps): PanelApp {
  const { store } = deps;
  const db = deps.storage.then((storage) => storage.db);
  const log = createIncidentLog(db);
  const pack = (): PhrasePack => store.getState().settings.pack;
  expireNotices(store);

  // The meeting the panel was opened for, looked up once; and the practice meeting while
  // practice runs. A real incident is only ever bound to the first.
  let openedFor: Promise<MeetingTab | null> | null = null;
  let practiceTab: MeetingTab | null = null;
  const lookUpMeeting = () =>
    (openedFor ??= resolveMeetingTab(
      deps.browser.tabs,
      deps.search,
      store.getState().settings.ownOrigins,
    )
      .then((found) => recognisedByPage(deps.meeting, found))
      .then(
        (found) => {
          if (!practiceTab) store.setState({ tab: found });
          return found;
        },
        (error: unknown) => {
          // Without a tab the panel still works (the incident is logged as on an unknown page).
          console.error("Tresteg: could not resolve the meeting tab", error);
          if (!practiceTab) store.setState({ tab: null });
          return null;
        },
      ));
  /** The tab the panel acts on now: the practice meeting during practice, else the meeting. */
  const currentTab = async () => practiceTab ?? (await lookUpMeeting());

  /**
   * Practice happens on Tresteg's own practice meeting, never on a real call: the panel's tab
   * when it is that page, else a new tab with it, which the panel then serves.
   */
  async function openPracticeMeeting(): Promise<MeetingTab> {
    const current = await lookUpMeeting();
    if (current?.platform === "practice") return current;
    const url = deps.browser.pageUrl("/practice.html");
    const created = await deps.browser.tabs.create({ url, active: true });
    practiceTab = meetingTabFrom({ ...created, url, title: "Övningsmöte – Tresteg" });
    store.setState({ tab: practiceTab });
    return practiceTab;
  }

  /** Practice is over: the panel serves the meeting it was opened for again, unticked. */
  async function leavePractice() {
    const wasPractising = practiceTab !== null || store.getState().practice;
    practiceTab = null;
    if (wasPractising) store.setState({ practice: false, tab: await lookUpMeeting() });
  }

  const recording = createRecordingActions({
    store,
    browser: deps.browser.recording,
    meetingTab: lookUpMeeting,
  });
  const wait = createWaitActions({
    log,
    run: createRunner(store),
    port: withPlaybackMute(deps.meeting, deps.browser.recording),
    meetingTab: currentTab,
    now: deps.now,
    targets: () => store.getState().settings.waitMutes,
    coverLabel: () => deps.languages.translator(store.getState().lang)("cover.label"),
    alarms: {
      set: async (sessionId, deadline) => {
        await deps.browser.alarms.create(waitAlarmName(sessionId), { when: deadline });
      },
      clear: async (sessionId) => {
        await deps.browser.alarms.clear(waitAlarmName(sessionId));
      },
    },
  });
  const actions = createPanelActions({
    log,
    store,
    pack,
    meetingTab: currentTab,
    realMeetingTab: lookUpMeeting,
    practiceMeeting: openPracticeMeeting,
    endWait: (sessionId, state) => wait.end(sessionId, "incident-ended", state),
    stopRecording: (sessionId, reason) => recording.stop(sessionId, reason),
    afterEnd: leavePractice,
    evidence: createEvidenceService(db, log, deps.capture),
    requestCapturePermission: () =>
      deps.browser.permissions.request({ origins: [CAPTURE_ORIGINS] }),
  });
  const drafts = createDraftActions({
    db,
    store,
    now: deps.now,
    copy: deps.copy,
    save: deps.save,
    openReport: async (sessionId, lang) => {
      const query = `session=${encodeURIComponent(sessionId)}&lang=${lang}`;
      await deps.browser.tabs.create({
        url: `${deps.browser.pageUrl("/report.html")}?${query}`,
        active: true,
      });
    },
  });
  const settings = createSettingsActions(deps);

  return {
    storage: deps.storage,
    log,
    store,
    actions,
    wait,
    drafts,
    settings,
    help: createHelpActions({
      log,
      store,
      words: () => deps.languages.translator(store.getState().lang),
    }),
    recording,
    leave: createLeave({ log, actions, wait, store, recording }),
    readiness: watchReadiness({
      store,
      probe: (tabId) => deps.meeting.probe(tabId),
      ...(deps.browser.tabs.onUpdated ? { tabUpdates: deps.browser.tabs.onUpdated } : {}),
      ...(deps.page ? { page: deps.page } : {}),
    }),
    meetingTab: currentTab,
    start: async () => {
      void lookUpMeeting();
      // Data minimisation: expired incidents go when the panel opens, and the panel says so.
      try {
        const days = store.getState().settings.retentionDays;
        const purged = await purgeExpired(await db, days, deps.now(), log);
        if (purged > 0) {
          store.setState({
            notice: { key: countKey("retentionPurged", purged), params: { count: purged, days } },
          });
        }
      } catch (error) {
        storageError(store, "retention", error);
      }
    },
  };
}

function storageError(store: PanelStore, name: string, error: unknown) {
  store.setState({ error: { key: "storageError", params: { name, message: String(error) } } });
}

/** What the settings view does: each change is stored first, then shown as read back. */
function createSettingsActions(deps: PanelAppDeps) {
  const { store } = deps;
  const { storage, managed } = deps.settings;
  const reload = async () => store.setState({ settings: await loadSettings(storage, managed) });
  const attempt = (name: string, work: () => Promise<void>) =>
    work().catch((error: unknown) => storageError(store, name, error));
  /** A value the settings refuse: said in the panel's language, and nothing stored. */
  const refused = (result: SaveResult) => {
    if (result.ok) return false;
    store.setState({
      error: {
        key: "settingRefused",
        params: {
          name: result.problem.key,
          message: describeSettingsProblem(
            result.problem,
            deps.languages.translator(store.getState().lang),
          ),
        },
      },
    });
    return true;
  };

  return {
    /** Reads the settings again (another panel or the organisation's policy changed them). */
    reload: () => attempt("settings", reload),
    setRetentionDays: (days: number) =>
      attempt("storage", async () => {
        if (refused(await saveRetentionDays(storage, days))) return;
        await reload();
        store.setState({ notice: { key: "retentionSaved", params: { days } } });
      }),
    setWaitMutes: (targets: MuteTarget[]) =>
      attempt("settings", async () => {
        const chosen = MUTE_TARGETS.filter((t) => targets.includes(t));
        // Shown at once: the ticked box must not flip back while it is being stored.
        store.setState({ settings: { ...store.getState().settings, waitMutes: chosen } });
        if (refused(await saveWaitMutes(storage, chosen))) await reload();
      }),
    setHostLeave: (choice: LeaveChoice) =>
      attempt("settings", async () => {
        // Shown at once, as the wait mutes are; read back when the store refuses it.
        store.setState({ settings: { ...store.getState().settings, hostLeave: choice } });
        if (refused(await saveHostLeave(storage, choice))) await reload();
      }),
    /** The coach confirmed the notice before recording: not asked again while it stays. */
    markRecordingNoticeRead: (notice: string) =>
      attempt("settings", async () => {
        const { settings } = store.getState();
        store.setState({
          settings: { ...settings, own: { ...settings.own, recordingNoticeRead: notice } },
        });
        if (refused(await saveRecordingNoticeRead(storage, notice))) await reload();
      }),
    importPack: (text: string) =>
      attempt("pack", async () => {
        const result = await importPack(storage, text);
        if (!result.ok) {
          if ("problem" in result) refused(result);
          else {
            store.setState({
              settings: { ...store.getState().settings, packProblems: result.problems },
            });
          }
          return;
        }
        await reload();
        const { pack } = store.getState().settings;
        store.setState({
          notice: { key: "packImported", params: { name: pack.name[store.getState().lang] } },
        });
      }),
    exportPack: () => {
      const { pack } = store.getState().settings;
      deps.save(
        `${pack.id}-${pack.source.version}.json`,
        new Blob([JSON.stringify(pack, null, 2)], { type: "application/json" }),
      );
    },
    resetPack: () =>
      attempt("pack", async () => {
        await resetPack(storage);
        await reload();
      }),
    /**
     * Lets the panel's screenshot button capture a meeting the panel was not opened over from
     * Tresteg's icon (the detached window, a meeting moved to another site); asked in the
     * coach's click, before any call.
     */
    allowPanelCapture: () =>
      attempt("permissions", async () => {
        const granted = await deps.browser.permissions.request({ origins: [CAPTURE_ORIGINS] });
        store.setState(
          granted ? { notice: { key: "captureAllowed" } } : { error: { key: "grantRefused" } },
        );
      }),
    /** Asked in the coach's click; nothing is stored unless the browser grants it. */
    addOwnOrigin: (origin: string) =>
      attempt("permissions", async () => {
        const granted = await deps.browser.permissions.request({ origins: [matchPattern(origin)] });
        if (!granted) {
          store.setState({ error: { key: "ownPlatformRefused", params: { origin } } });
          return;
        }
        if (refused(await addOwnOrigin(storage, origin))) return;
        await reload();
        store.setState({ notice: { key: "ownPlatformAdded", params: { origin } } });
      }),
    /** One of the coach's own contacts to call for help; checked as the loader checks it. */
    addHelpContact: (contact: HelpContact) =>
      attempt("settings", async () => {
        if (refused(await addHelpContact(storage, contact))) return;
        await reload();
        store.setState({ notice: { key: "settings.helpAdded", params: { name: contact.name } } });
      }),
    removeHelpContact: (key: string) =>
      attempt("settings", async () => {
        if (refused(await removeHelpContact(storage, key))) return;
        await reload();
      }),
    removeOwnOrigin: (origin: string) =>
      attempt("permissions", async () => {
        if (refused(await removeOwnOrigin(storage, origin))) return;
        await deps.browser.permissions.remove({ origins: [matchPattern(origin)] });
        await reload();
      }),
  };
}

export type SettingsActions = ReturnType<typeof createSettingsActions>;
