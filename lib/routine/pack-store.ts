import { BUILTIN_PACK } from "./builtin-pack";
import { type PackProblem, loadPack, loadPackText } from "./load-pack";
import type { PhrasePack } from "./pack";

/** Where the organisation's own pack is kept (extension area, on this machine). */
export interface PackStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const KEY = "phrasePack";

/**
 * The pack in force: the imported one when it is stored and still valid, else the routine's
 * built-in pack. A stored pack that no longer validates is reported, never used.
 */
export async function loadPackInForce(
  area: PackStorage,
): Promise<{ pack: PhrasePack; problems: PackProblem[] }> {
  const stored = (await area.get(KEY))[KEY];
  if (stored === undefined) return { pack: BUILTIN_PACK, problems: [] };
  const result = loadPack(stored);
  return result.ok
    ? { pack: result.pack, problems: [] }
    : { pack: BUILTIN_PACK, problems: result.problems };
}

/**
 * Imports a pack file's text. Only a valid pack is stored; an invalid one is refused with
 * every problem named by its path, and the pack in force stays.
 */
export async function importPack(
  area: PackStorage,
  text: string,
): Promise<{ ok: true; pack: PhrasePack } | { ok: false; problems: PackProblem[] }> {
  const result = loadPackText(text);
  if (!result.ok) return result;
  await area.set({ [KEY]: result.pack });
  return { ok: true, pack: result.pack };
}

/** Back to the routine's own pack. */
export async function resetPack(area: PackStorage): Promise<PhrasePack> {
  await area.remove(KEY);
  return BUILTIN_PACK;
}

/** The routine document's validity has passed: the phrases may be out of date. */
export function packExpired(pack: PhrasePack, now: number): boolean {
  return now > Date.parse(`${pack.source.validTo}T23:59:59`);
}
