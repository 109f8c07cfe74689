// Compatibility for the side panel until it reads its settings through lib/settings
// (loadSettings, saveRetentionDays there); nothing else should import this file.
import { loadSettings, saveRetentionDays as save, type SettingsStorage } from "../settings";

export { validRetentionDays, type SettingsStorage } from "../settings";

/** @deprecated use `loadSettings(storage, managed).own.retentionDays` from lib/settings. */
export async function loadRetentionDays(area: SettingsStorage): Promise<number> {
  return (await loadSettings(area)).own.retentionDays;
}

/** @deprecated use `saveRetentionDays` from lib/settings, which returns a result. */
export async function saveRetentionDays(area: SettingsStorage, days: number): Promise<void> {
  const result = await save(area, days);
  if (!result.ok) throw new Error(`Retention must be 1–3650 days, not ${days}`);
}
