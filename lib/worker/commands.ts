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
  tab: { id?: number } | undefined,
  deps: CommandDeps,
): Promise<void> {
  if (command !== COMMANDS.screenshot) return;
  const result = await deps.evidence.capture(tab?.id ?? null, deps.pack());
  if (!result.ok) await deps.notify(captureFailureText(result.failure));
}
