import { type CaptureFailure, type EvidenceService, underCoverKey } from "../evidence/capture";
import type { MessageKey, Params, Translate } from "../i18n/text";
import type { PhrasePack } from "../routine/pack";
import type { Settings } from "../settings";
import { notify, type WorkerBrowser } from "./browser";

/** The keyboard commands the worker handles (the manifest's `commands`). */
export const COMMANDS = {
  screenshot: "take-screenshot",
} as const;

/** How long a second Alt+Shift+S on a page that is not a meeting confirms the first. */
export const CONFIRM_MS = 10_000;

export interface CommandDeps {
  /**
   * Whether the tab is a meeting (or the open incident's own tab). When it is not, the first
   * press only asks, and a second press on the same tab within CONFIRM_MS takes the picture:
   * a page such as a patient record must never become evidence, or open an incident, by a
   * key pressed on the wrong tab. Absent: every tab counts as a meeting.
   */
  isMeetingTab?: (tab: { id?: number; url?: string; title?: string }) => Promise<boolean>;
  /** Tabs asked about, with when the question runs out; kept by the caller between presses. */
  asked?: Map<number, number>;
  now?: () => number;
  evidence: EvidenceService;
  /** The pack in force when the command runs (an incident it starts is stamped with it). */
  pack: () => Promise<PhrasePack>;
  /** Tells the coach when a command could not do its work (the panel may be closed). */
  notify: (message: string) => Promise<void>;
  /** The address of Tresteg's own panel page, e.g. chrome-extension://…/sidepanel.html. */
  panelUrl: string;
  t: Translate;
}

/**
 * The tab a screenshot command is about. Pressed in the meeting, it is that tab. Pressed in
 * Tresteg's detached panel window, it is the meeting the panel serves (its ?tab=): Tresteg
 * never takes its own page as evidence.
 */
export function commandTarget(
  tab: { id?: number; url?: string } | undefined,
  panelUrl: string,
): { tabId: number | null; fromPanel: boolean } {
  if (tab?.url?.startsWith(panelUrl)) {
    const named = Number(new URL(tab.url).searchParams.get("tab"));
    return { tabId: Number.isInteger(named) && named > 0 ? named : null, fromPanel: true };
  }
  return { tabId: tab?.id ?? null, fromPanel: false };
}

/** What the coach is told when a capture fails, as a message of the extension's i18n. */
export function captureFailureText(failure: CaptureFailure): { key: MessageKey; params?: Params } {
  switch (failure.kind) {
    case "no-meeting-tab":
      return { key: "worker.noMeetingTab" };
    case "tab-not-visible":
      return { key: "worker.tabNotVisible" };
    case "permission-missing":
      return { key: "worker.permissionMissing" };
    case "capture-failed":
      return { key: "worker.captureFailed", params: { message: failure.message } };
    case "under-cover":
      return { key: underCoverKey(failure.code) };
    case "log":
      return failure.failure.kind === "storage"
        ? {
            key: "worker.logStorage",
            params: { name: failure.failure.name, message: failure.failure.message },
          }
        : { key: "worker.logRefused", params: { kind: failure.failure.kind } };
    default: {
      const unknown: never = failure;
      return { key: "worker.captureFailed", params: { message: JSON.stringify(unknown) } };
    }
  }
}

/**
 * A keyboard command, e.g. Alt+Shift+S while the meeting page has focus. The command grants
 * activeTab for that tab, so the capture works without the optional all-sites permission.
 */
export async function handleCommand(
  command: string,
  tab: { id?: number; url?: string; title?: string } | undefined,
  deps: CommandDeps,
): Promise<void> {
  if (command !== COMMANDS.screenshot) return;
  const target = commandTarget(tab, deps.panelUrl);
  if (target.tabId !== null && !target.fromPanel && deps.isMeetingTab && tab) {
    if (!(await deps.isMeetingTab(tab))) {
      const now = (deps.now ?? Date.now)();
      const asked = deps.asked ?? new Map<number, number>();
      const until = asked.get(target.tabId);
      if (until === undefined || until < now) {
        asked.set(target.tabId, now + CONFIRM_MS);
        await deps.notify(
          deps.t("worker.askNotMeeting", {
            title: tab.title || tab.url || "?",
            seconds: CONFIRM_MS / 1000,
          }),
        );
        return;
      }
      asked.delete(target.tabId);
    }
  }
  const result = await deps.evidence.capture(target.tabId, await deps.pack());
  if (result.ok) return;
  const { key, params } = captureFailureText(result.failure);
  // From the panel window the command grants access to the panel, not the meeting.
  const hint =
    target.fromPanel && result.failure.kind === "permission-missing"
      ? ` ${deps.t("worker.pressInMeeting")}`
      : "";
  await deps.notify(deps.t(key, params) + hint);
}

export interface CommandsDeps {
  browser: Pick<WorkerBrowser, "commands" | "notifications" | "runtime">;
  /** Whether the tab is a meeting; see CommandDeps. Absent: every tab counts as one. */
  isMeetingTab?: CommandDeps["isMeetingTab"];
  evidence: EvidenceService;
  /** Read when a command needs it: the worker may have woken for this very command. */
  settings: () => Promise<Settings>;
  t: Translate;
}

/** The keyboard commands: a failure is told in a notification, since the panel may be closed. */
export function registerCommands(deps: CommandsDeps): void {
  const { browser, t } = deps;
  const tell = (message: string) => notify(browser, message);
  const asked = new Map<number, number>();
  browser.commands.onCommand.addListener((command, tab) => {
    handleCommand(command, tab, {
      isMeetingTab: deps.isMeetingTab,
      asked,
      evidence: deps.evidence,
      pack: async () => (await deps.settings()).pack,
      notify: tell,
      panelUrl: browser.runtime.getURL("/sidepanel.html"),
      t,
    }).catch((error) =>
      tell(t("worker.commandFailed", { error: String(error) })).catch(() => console.error(error)),
    );
  });
}
