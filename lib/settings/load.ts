import { contactKey, type HelpContact } from "../help/contacts";
import { MUTE_TARGETS, type MuteTarget } from "../log/events";
import type { LeaveChoice } from "../messages";
import { BUILTIN_PACK } from "../routine/builtin-pack";
import { loadPack } from "../routine/load-pack";
import type { PackProblem } from "../routine/pack-problem";
import type { PhrasePack } from "../routine/pack";
import { type ManagedSettings, NO_MANAGED, readManaged } from "./managed";
import { KEYS_EVER_STORED, migrate, type MigrationResult } from "./migrations";
import {
  type Checked,
  checkHelpContacts,
  checkHostLeave,
  checkRecordingNoticeRead,
  checkOwnOrigins,
  checkRetentionDays,
  checkWaitMutes,
  type SettingsProblem,
  shown,
} from "./problem";
import {
  DEFAULT_RETENTION_DAYS,
  type ManagedStorage,
  SETTINGS_VERSION,
  type SettingsStorage,
} from "./schema";

/** The coach's own values, as stored (or the defaults where nothing valid is stored). */
export interface OwnSettings {
  pack: PhrasePack;
  retentionDays: number;
  ownOrigins: string[];
  waitMutes: MuteTarget[];
  helpContacts: HelpContact[];
  hostLeave: LeaveChoice;
  /** The notice before recording that the coach last confirmed; null: none yet. */
  recordingNoticeRead: string | null;
}

/** Recording the call, as the organisation allows it. */
export interface RecordingPolicy {
  /** False when the organisation has turned recording off: the button is not shown. */
  allowed: boolean;
  /** What the organisation asks the coach to read before the first recording; null: none. */
  notice: string | null;
}

/** What is in force: the organisation's managed values win over the coach's own. */
export interface Settings {
  pack: PhrasePack;
  /** Why the coach's stored pack is not used (it no longer validates); [] when it is. */
  packProblems: PackProblem[];
  retentionDays: number;
  /** The organisation's and the coach's own platforms, sorted, each once. */
  ownOrigins: string[];
  waitMutes: MuteTarget[];
  /** The organisation's contacts first, then the coach's own; each person and channel once. */
  helpContacts: HelpContact[];
  recording: RecordingPolicy;
  /** Leave, or end the meeting for everyone where the coach is host and the page offers it. */
  hostLeave: LeaveChoice;
  /** What the organisation has set and the coach cannot change. */
  locks: {
    pack: boolean;
    retentionDays: boolean;
    ownOrigins: string[];
    /** contactKey of each contact the organisation set. */
    helpContacts: string[];
    hostLeave: boolean;
  };
  own: OwnSettings;
  /** Stored values that are not used (besides the pack's), and a version that was not read. */
  problems: SettingsProblem[];
  /** Managed values that are not used. */
  managedProblems: ManagedSettings["problems"];
}

/**
 * The routine's defaults: its own pack, 90 days, no own platform, the wait mutes all four, and
 * a hang-up that leaves (ending a meeting for the others is a choice someone makes).
 */
export const DEFAULT_SETTINGS: OwnSettings = {
  pack: BUILTIN_PACK,
  retentionDays: DEFAULT_RETENTION_DAYS,
  ownOrigins: [],
  waitMutes: [...MUTE_TARGETS],
  helpContacts: [],
  hostLeave: "leave",
  recordingNoticeRead: null,
};

/** Reads what is stored, dropping the keys the area has no value for. */
export async function readStored(storage: SettingsStorage): Promise<Record<string, unknown>> {
  const raw = await storage.get([...KEYS_EVER_STORED]);
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined));
}

/**
 * Brings the stored settings to the current version and writes the migrated values back, so
 * the next reader and every save start from the current shape.
 */
export async function migrateStored(
  storage: SettingsStorage,
): Promise<{ stored: Record<string, unknown>; problems: SettingsProblem[] }> {
  const before = await readStored(storage);
  const result = migrate(before);
  if (!result.ok) return { stored: before, problems: [versionProblem(result)] };
  if (result.from !== SETTINGS_VERSION) {
    const removed = Object.keys(before).filter((key) => !(key in result.stored));
    const changed = Object.fromEntries(
      Object.entries(result.stored).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key]),
      ),
    );
    await storage.set(changed);
    if (removed.length > 0) await storage.remove(removed);
  }
  return { stored: result.stored, problems: [] };
}

function versionProblem(result: Extract<MigrationResult, { ok: false }>): SettingsProblem {
  switch (result.reason) {
    case "newer":
      return { key: "settingsVersion", code: "newer-version", found: Number(result.found) };
    case "not-a-version":
      return {
        key: "settingsVersion",
        code: "not-a-version",
        found: shown(JSON.stringify(result.found) ?? String(result.found)),
      };
    default: {
      const unknown: never = result.reason;
      throw new Error(`Tresteg: no code for ${JSON.stringify(unknown)}`);
    }
  }
}

function valueOf<T>(
  check: (value: unknown) => Checked<T>,
  key: SettingsProblem["key"],
  stored: Record<string, unknown>,
  fallback: T,
  problems: SettingsProblem[],
): T {
  if (!(key in stored)) return fallback;
  const checked = check(stored[key]);
  if (checked.ok) return checked.value;
  problems.push(...checked.problems.map((problem) => ({ key, ...problem })));
  return fallback;
}

/**
 * The stored own platforms, each on its own: an entry that is not an origin (a wildcard, a
 * typo) is reported and left out, and the others stay in force.
 */
function ownOriginsOf(stored: Record<string, unknown>, problems: SettingsProblem[]): string[] {
  if (!("ownOrigins" in stored)) return [];
  const value = stored.ownOrigins;
  if (!Array.isArray(value)) {
    problems.push({ key: "ownOrigins", code: "not-a-list" });
    return [];
  }
  const kept: string[] = [];
  for (const item of value) {
    const checked = checkOwnOrigins([item]);
    if (checked.ok) kept.push(...checked.value);
    else
      problems.push(
        ...checked.problems.map((problem) => ({ key: "ownOrigins" as const, ...problem })),
      );
  }
  return kept;
}

/** The coach's own values from what is stored: a value that does not validate is not used. */
export function ownSettings(stored: Record<string, unknown>): {
  own: OwnSettings;
  packProblems: PackProblem[];
  problems: SettingsProblem[];
} {
  const problems: SettingsProblem[] = [];
  let pack = DEFAULT_SETTINGS.pack;
  let packProblems: PackProblem[] = [];
  if (stored.phrasePack !== undefined) {
    const result = loadPack(stored.phrasePack);
    if (result.ok) pack = result.pack;
    else packProblems = result.problems;
  }
  const waitMutes = valueOf(
    checkWaitMutes,
    "waitMutes",
    stored,
    DEFAULT_SETTINGS.waitMutes,
    problems,
  );
  const own: OwnSettings = {
    pack,
    retentionDays: valueOf(
      checkRetentionDays,
      "retentionDays",
      stored,
      DEFAULT_SETTINGS.retentionDays,
      problems,
    ),
    ownOrigins: ownOriginsOf(stored, problems),
    helpContacts: valueOf(checkHelpContacts, "helpContacts", stored, [], problems),
    // In the routine's order, however they were stored.
    waitMutes: MUTE_TARGETS.filter((target) => waitMutes.includes(target)),
    hostLeave: valueOf(checkHostLeave, "hostLeave", stored, DEFAULT_SETTINGS.hostLeave, problems),
    recordingNoticeRead: valueOf(
      checkRecordingNoticeRead,
      "recordingNoticeRead",
      stored,
      DEFAULT_SETTINGS.recordingNoticeRead,
      problems,
    ),
  };
  return { own, packProblems, problems };
}

/**
 * Managed storage. Without a policy Chrome answers {}, and Firefox refuses ("Managed storage
 * manifest not found") when neither policies.json nor a native manifest has values for the
 * add-on: nothing is managed either way.
 */
export async function readManagedStorage(managed?: ManagedStorage): Promise<ManagedSettings> {
  if (!managed) return NO_MANAGED;
  try {
    return readManaged(await managed.get());
  } catch {
    return NO_MANAGED;
  }
}

/** The settings in force, from the coach's stored settings and the organisation's policy. */
export function inForce(
  from: ReturnType<typeof ownSettings>,
  managed: ManagedSettings,
  problems: SettingsProblem[] = [],
): Settings {
  const { own } = from;
  return {
    pack: managed.pack ?? own.pack,
    packProblems: from.packProblems,
    retentionDays: managed.retentionDays ?? own.retentionDays,
    ownOrigins: [...new Set([...managed.ownOrigins, ...own.ownOrigins])].sort(),
    waitMutes: own.waitMutes,
    helpContacts: mergedContacts(managed.helpContacts, own.helpContacts),
    recording: { allowed: managed.recordingAllowed ?? true, notice: managed.recordingNotice },
    hostLeave: managed.hostLeave ?? own.hostLeave,
    locks: {
      pack: managed.pack !== null,
      retentionDays: managed.retentionDays !== null,
      ownOrigins: managed.ownOrigins,
      helpContacts: managed.helpContacts.map(contactKey),
      hostLeave: managed.hostLeave !== null,
    },
    own,
    problems: [...problems, ...from.problems],
    managedProblems: managed.problems,
  };
}

function mergedContacts(managed: HelpContact[], own: HelpContact[]): HelpContact[] {
  const seen = new Set(managed.map(contactKey));
  return [...managed, ...own.filter((c) => !seen.has(contactKey(c)))];
}

/**
 * The settings in force: the stored ones (migrated to the current version first), each value
 * checked on its own, with what the organisation pushes by policy winning. Nothing that does
 * not validate is used; it is reported, and the other settings stay.
 */
export async function loadSettings(
  storage: SettingsStorage,
  managed?: ManagedStorage,
): Promise<Settings> {
  const [{ stored, problems }, fromPolicy] = await Promise.all([
    migrateStored(storage),
    readManagedStorage(managed),
  ]);
  return inForce(ownSettings(stored), fromPolicy, problems);
}

/** The settings in force with nothing stored and no policy: the routine's own. */
export const ROUTINE_SETTINGS: Settings = inForce(
  { own: DEFAULT_SETTINGS, packProblems: [], problems: [] },
  NO_MANAGED,
);
