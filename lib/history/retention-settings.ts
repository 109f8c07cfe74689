import { DEFAULT_RETENTION_DAYS } from "./delete";

/** The piece of extension storage the retention setting lives in. */
export interface SettingsStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = "retentionDays";

export function validRetentionDays(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 3650;
}

export async function loadRetentionDays(area: SettingsStorage): Promise<number> {
  const stored = (await area.get(KEY))[KEY];
  return validRetentionDays(stored) ? stored : DEFAULT_RETENTION_DAYS;
}

export async function saveRetentionDays(area: SettingsStorage, days: number): Promise<void> {
  if (!validRetentionDays(days)) throw new Error(`Retention must be 1–3650 days, not ${days}`);
  await area.set({ [KEY]: days });
}
