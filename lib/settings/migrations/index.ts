import { v001ToV002 } from "./v001-to-v002";
import { v002ToV003 } from "./v002-to-v003";

/** One step of the stored shape, from version `from` to `from + 1`. */
type Migration = (stored: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/** Index i takes version i + 1 to version i + 2. */
const MIGRATIONS: readonly Migration[] = [v001ToV002, v002ToV003];

/** The version the code reads and writes: one past the last migration's start. */
export const LATEST_VERSION = MIGRATIONS.length + 1;

/** Every key any version has stored, so that a migration sees all it needs. */
export const KEYS_EVER_STORED = [
  "settingsVersion",
  "phrasePack",
  "retentionDays",
  "ownOrigins",
  "waitMutes",
  "helpContacts",
  "hostLeave",
  "recordingNoticeRead",
] as const;

export type MigrationResult =
  | { ok: true; from: number; stored: Record<string, unknown> }
  | { ok: false; reason: "newer" | "not-a-version"; found: unknown };

/**
 * The stored settings in the current version. No `settingsVersion` is version 1, the shape
 * from before versions. A version this code does not know (a newer Tresteg wrote it, or it
 * is not a number) is not migrated: the caller reads what it can and writes nothing.
 */
export function migrate(stored: Readonly<Record<string, unknown>>): MigrationResult {
  const found = stored.settingsVersion ?? 1;
  if (typeof found !== "number" || !Number.isInteger(found) || found < 1) {
    return { ok: false, reason: "not-a-version", found };
  }
  if (found > LATEST_VERSION) return { ok: false, reason: "newer", found };
  let out: Record<string, unknown> = { ...stored };
  for (let version = found; version < LATEST_VERSION; version++) {
    out = (MIGRATIONS[version - 1] as Migration)(out);
  }
  return { ok: true, from: found, stored: out };
}
