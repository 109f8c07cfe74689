import type { PackProblem } from "./load-pack";
import type { PhrasePack } from "./pack";
import { loadSettings, type SettingsStorage } from "../settings";

// Compatibility for the side panel until it reads its settings through lib/settings
// (loadSettings, importPack, resetPack there).
export { importPack, resetPack } from "../settings";
/** @deprecated the settings' one storage interface is `SettingsStorage` in lib/settings. */
export type PackStorage = SettingsStorage;

/** @deprecated use `loadSettings(storage, managed)`: `.own.pack` and `.packProblems`. */
export async function loadPackInForce(
  area: SettingsStorage,
): Promise<{ pack: PhrasePack; problems: PackProblem[] }> {
  const settings = await loadSettings(area);
  return { pack: settings.own.pack, problems: settings.packProblems };
}

/** The routine document's validity has passed: the phrases may be out of date. */
export function packExpired(pack: PhrasePack, now: number): boolean {
  return now > Date.parse(`${pack.source.validTo}T23:59:59`);
}
