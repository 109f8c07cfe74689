import { loadSettings, saveOwnOrigins as save, type SettingsStorage } from "../settings";

// How an own platform's address is read now lives with the settings (lib/settings/origins);
// re-exported here for the side panel's components until they import it from there.
export { matchPattern, type OriginCheck, parseOrigin } from "../settings/origins";

/** @deprecated use `loadSettings(storage, managed)`: `.own.ownOrigins`, `.ownOrigins`. */
export async function loadOwnOrigins(area: SettingsStorage): Promise<string[]> {
  return (await loadSettings(area)).own.ownOrigins;
}

/** @deprecated use `saveOwnOrigins`, `addOwnOrigin` or `removeOwnOrigin` from lib/settings. */
export async function saveOwnOrigins(area: SettingsStorage, origins: string[]): Promise<void> {
  const result = await save(area, origins);
  if (!result.ok) throw new Error(result.problem.message);
}

/** The id under which the meeting script is registered for the own platforms. */
export const OWN_PLATFORM_SCRIPT = "tresteg-own-platforms";
