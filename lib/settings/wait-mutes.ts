// Compatibility for the side panel until it reads its settings through ./index
// (loadSettings, saveWaitMutes there).
import type { MuteTarget } from "../log/events";
import { loadSettings, saveWaitMutes as save, type SettingsStorage } from "./index";

/** @deprecated use `loadSettings(storage, managed).waitMutes`. */
export async function loadWaitMutes(area: SettingsStorage): Promise<MuteTarget[]> {
  return (await loadSettings(area)).own.waitMutes;
}

/** @deprecated use `saveWaitMutes` from lib/settings, which returns a result. */
export async function saveWaitMutes(area: SettingsStorage, targets: MuteTarget[]): Promise<void> {
  const result = await save(area, targets);
  if (!result.ok) throw new Error(result.problem.message);
}
