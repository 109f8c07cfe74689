import type { CaptureFailure, EvidenceService } from "../evidence/capture";
import type { PhrasePack } from "../routine/pack";

/** The keyboard commands the worker handles (the manifest's `commands`). */
export const COMMANDS = {
  screenshot: "take-screenshot",
} as const;

export interface CommandDeps {
  evidence: EvidenceService;
  pack: () => PhrasePack;
  /** Tells the coach when a command could not do its work (the panel may be closed). */
  notify: (message: string) => Promise<void>;
  /** The address of Tresteg's own panel page, e.g. chrome-extension://…/sidepanel.html. */
  panelUrl: string;
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

export function captureFailureText(failure: CaptureFailure): string {
  switch (failure.kind) {
    case "no-meeting-tab":
      return "Ingen mötesflik att fotografera. / No meeting tab to capture.";
    case "tab-not-visible":
      return "Mötesfliken syns inte – visa den och försök igen. / The meeting tab is not visible.";
    case "permission-missing":
      return "Tresteg saknar behörighet att ta skärmdumpar av sidan. / Permission missing.";
    case "capture-failed":
      return `Skärmdumpen misslyckades: ${failure.message}`;
    case "log":
      return failure.failure.kind === "storage"
        ? `Kunde inte spara skärmdumpen (${failure.failure.name}): ${failure.failure.message}`
        : `Kunde inte logga skärmdumpen (${failure.failure.kind}).`;
    default: {
      const unknown: never = failure;
      return JSON.stringify(unknown);
    }
  }
}

/**
 * A keyboard command, e.g. Alt+Shift+S while the meeting page has focus. The command grants
 * activeTab for that tab, so the capture works without the optional all-sites permission.
 */
export async function handleCommand(
  command: string,
  tab: { id?: number; url?: string } | undefined,
  deps: CommandDeps,
): Promise<void> {
  if (command !== COMMANDS.screenshot) return;
  const target = commandTarget(tab, deps.panelUrl);
  const result = await deps.evidence.capture(target.tabId, deps.pack());
  if (result.ok) return;
  // From the panel window the command grants access to the panel, not the meeting.
  const hint =
    target.fromPanel && result.failure.kind === "permission-missing"
      ? " Tryck Alt+Shift+S i mötesfönstret. / Press Alt+Shift+S in the meeting window."
      : "";
  await deps.notify(captureFailureText(result.failure) + hint);
}
