import type { Translate } from "../i18n/text";
import type { TrestegDb } from "../log/db";
import { sessionRecord } from "../log/queries";
import { notify, type WorkerBrowser } from "./browser";

/** Alarms for the two-minute wait are named after their session. */
export const WAIT_ALARM_PREFIX = "wait:";

export const waitAlarmName = (sessionId: string) => `${WAIT_ALARM_PREFIX}${sessionId}`;

export function sessionOfAlarm(name: string): string | null {
  return name.startsWith(WAIT_ALARM_PREFIX) ? name.slice(WAIT_ALARM_PREFIX.length) : null;
}

export interface WaitAlarmDeps {
  /** True when a Tresteg panel (side panel or detached window) is open to show the end. */
  panelIsOpen(): Promise<boolean>;
  notify(id: string, message: string): Promise<void>;
  t: Translate;
}

/**
 * The wait's deadline passed. The panel shows it itself when open (it computes the countdown
 * from the logged deadline); when closed, a silent notification tells the coach.
 */
export async function onWaitAlarm(name: string, deps: WaitAlarmDeps): Promise<boolean> {
  const sessionId = sessionOfAlarm(name);
  if (!sessionId) return false;
  if (await deps.panelIsOpen()) return false;
  await deps.notify(name, deps.t("worker.waitOver"));
  return true;
}

export interface WaitNoticeDeps {
  browser: Pick<WorkerBrowser, "alarms" | "notifications" | "runtime" | "windows">;
  db: TrestegDb;
  t: Translate;
  onError?: (error: unknown) => void;
}

/**
 * The end of the two-minute wait when the panel is closed: a notice that stays until the
 * coach acts, and a click on it opens the panel for the meeting.
 */
export function registerWaitNotices(deps: WaitNoticeDeps): void {
  const { browser } = deps;
  const onError = deps.onError ?? ((error) => console.error("Tresteg: wait alarm", error));
  const panelUrl = browser.runtime.getURL("/sidepanel.html");

  async function panelIsOpen(): Promise<boolean> {
    // Firefox has no getContexts: tell the coach anyway rather than risk silence.
    if (!browser.runtime.getContexts) return false;
    const contexts = await browser.runtime.getContexts({});
    return contexts.some((c) => c.documentUrl?.startsWith(panelUrl));
  }

  async function openPanelFor(sessionId: string) {
    const tabId = (await sessionRecord(deps.db, sessionId))?.tabId ?? null;
    const url = tabId === null ? panelUrl : `${panelUrl}?tab=${tabId}`;
    await browser.windows.create({ url, type: "popup", width: 420, height: 900 });
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    onWaitAlarm(alarm.name, {
      panelIsOpen,
      notify: (id, message) => notify(browser, message, { id, requireInteraction: true }),
      t: deps.t,
    }).catch(onError);
  });

  browser.notifications.onClicked.addListener((id) => {
    const sessionId = sessionOfAlarm(id);
    if (!sessionId) return;
    void browser.notifications.clear(id);
    openPanelFor(sessionId).catch(onError);
  });
}
