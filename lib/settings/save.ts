import { contactKey, type HelpContact } from "../help/contacts";
import { MUTE_TARGETS, type MuteTarget } from "../log/events";
import type { LeaveChoice } from "../messages";
import { BUILTIN_PACK } from "../routine/builtin-pack";
import { loadPackText } from "../routine/load-pack";
import type { PackProblem } from "../routine/pack-problem";
import type { PhrasePack } from "../routine/pack";
import { migrateStored, ownSettings } from "./load";
import {
  type Checked,
  checkHelpContacts,
  checkHostLeave,
  checkRecordingNoticeRead,
  checkOwnOrigins,
  checkRetentionDays,
  checkWaitMutes,
  type SettingsProblem,
} from "./problem";
import type { SettingKey, SettingsStorage } from "./schema";

// Each save checks the value against the same schema the loader uses, so nothing is stored
// that the next load would refuse, and writes into the current version of the stored shape.

/** Saved, or refused with the first thing wrong (the panel says one sentence). */
export type SaveResult = { ok: true } | { ok: false; problem: SettingsProblem };

async function save<T>(
  storage: SettingsStorage,
  key: SettingKey,
  check: (value: unknown) => Checked<T>,
  value: unknown,
): Promise<SaveResult> {
  const checked = check(value);
  if (!checked.ok) return { ok: false, problem: { key, ...checked.problems[0] } };
  // A store a newer Tresteg wrote is not overwritten in this version's shape.
  const { problems } = await migrateStored(storage);
  if (problems[0]) return { ok: false, problem: problems[0] };
  await storage.set({ [key]: checked.value });
  return { ok: true };
}

export const saveRetentionDays = (storage: SettingsStorage, days: number) =>
  save(storage, "retentionDays", checkRetentionDays, days);

/** Kept sorted and each once, so the list reads the same wherever it is shown. */
export const saveOwnOrigins = (storage: SettingsStorage, origins: readonly string[]) =>
  save(storage, "ownOrigins", checkOwnOrigins, [...new Set(origins)].sort());

/** Adds one platform to the coach's own list (the organisation's are not stored here). */
export async function addOwnOrigin(storage: SettingsStorage, origin: string): Promise<SaveResult> {
  const { stored } = await migrateStored(storage);
  return saveOwnOrigins(storage, [...ownSettings(stored).own.ownOrigins, origin]);
}

export async function removeOwnOrigin(
  storage: SettingsStorage,
  origin: string,
): Promise<SaveResult> {
  const { stored } = await migrateStored(storage);
  return saveOwnOrigins(
    storage,
    ownSettings(stored).own.ownOrigins.filter((o) => o !== origin),
  );
}

/** What the two-minute wait mutes, kept in the routine's order. */
export const saveWaitMutes = (storage: SettingsStorage, targets: readonly MuteTarget[]) =>
  save(
    storage,
    "waitMutes",
    checkWaitMutes,
    MUTE_TARGETS.filter((t) => targets.includes(t)),
  );

/** Leave, or end the meeting for everyone, when the coach hangs up as host. */
export const saveHostLeave = (storage: SettingsStorage, choice: LeaveChoice) =>
  save(storage, "hostLeave", checkHostLeave, choice);

/** The notice before recording the coach has just confirmed, as it read. */
export const saveRecordingNoticeRead = (storage: SettingsStorage, notice: string) =>
  save(storage, "recordingNoticeRead", checkRecordingNoticeRead, notice);

/**
 * Imports a pack file's text. Only a valid pack is stored; an invalid one is refused with
 * every problem named by its path, and the pack in force stays. A valid pack the store does
 * not take (a newer Tresteg wrote it) is refused as a setting.
 */
export async function importPack(
  storage: SettingsStorage,
  text: string,
): Promise<
  | { ok: true; pack: PhrasePack }
  | { ok: false; problems: PackProblem[] }
  | Extract<SaveResult, { ok: false }>
> {
  const result = loadPackText(text);
  if (!result.ok) return result;
  const saved = await save(
    storage,
    "phrasePack",
    (pack) => ({ ok: true, value: pack }),
    result.pack,
  );
  return saved.ok ? { ok: true, pack: result.pack } : saved;
}

/** Back to the routine's own pack. */
export async function resetPack(storage: SettingsStorage): Promise<PhrasePack> {
  await migrateStored(storage);
  await storage.remove(["phrasePack"]);
  return BUILTIN_PACK;
}

/**
 * Adds one of the coach's own contacts (the organisation's are not stored here). The same
 * person on the same channel is kept once; the list is checked as the loader checks it.
 */
export async function addHelpContact(
  storage: SettingsStorage,
  contact: HelpContact,
): Promise<SaveResult> {
  const { stored } = await migrateStored(storage);
  const own = ownSettings(stored).own.helpContacts;
  const kept = own.filter((c) => contactKey(c) !== contactKey(contact));
  return save(storage, "helpContacts", checkHelpContacts, [...kept, contact]);
}

export async function removeHelpContact(
  storage: SettingsStorage,
  key: string,
): Promise<SaveResult> {
  const { stored } = await migrateStored(storage);
  const own = ownSettings(stored).own.helpContacts;
  return save(
    storage,
    "helpContacts",
    checkHelpContacts,
    own.filter((c) => contactKey(c) !== key),
  );
}
