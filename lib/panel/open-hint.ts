/**
 * What the last panel saw: an incident open or none. Kept in the extension's localStorage,
 * which is read synchronously, so a panel opening with no incident can offer the start
 * buttons at once instead of after the database answers. It is only a hint: the database's
 * answer replaces it a moment later, and starting while an incident is in fact open only
 * shows that incident (the log refuses a second one).
 */
const KEY = "tresteg.openIncident";

export interface HintStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type OpenHint = "none" | "open" | "unknown";

export function readOpenHint(area: HintStorage | undefined): OpenHint {
  try {
    const value = area?.getItem(KEY);
    return value === "none" ? "none" : value ? "open" : "unknown";
  } catch {
    return "unknown";
  }
}

export function writeOpenHint(area: HintStorage | undefined, sessionId: string | null): void {
  try {
    area?.setItem(KEY, sessionId ?? "none");
  } catch (error) {
    // Storage full or blocked: the panel then waits for the database, as without a hint.
    console.error("Tresteg: could not keep the open-incident hint", error);
  }
}
