import { MUTE_TARGETS, type MuteTarget } from "../log/events";

/** Where the choice of what the two-minute wait mutes is kept (extension area). */
export interface WaitMuteStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = "waitMutes";

/**
 * What the wait mutes. The routine says both sides in sound and picture ("Vi mutar oss
 * själva + klient i ljud och bild"), so all four unless the coach has chosen otherwise.
 */
export async function loadWaitMutes(area: WaitMuteStorage): Promise<MuteTarget[]> {
  const stored = (await area.get(KEY))[KEY];
  if (!Array.isArray(stored)) return [...MUTE_TARGETS];
  return MUTE_TARGETS.filter((t) => stored.includes(t));
}

export async function saveWaitMutes(area: WaitMuteStorage, targets: MuteTarget[]) {
  await area.set({ [KEY]: MUTE_TARGETS.filter((t) => targets.includes(t)) });
}
