import * as v from "valibot";
import { HelpContactsSchema } from "../help/contacts";
import { MUTE_TARGETS } from "../log/events";
import { LEAVE_CHOICES } from "../messages";
import { isOrigin } from "./origins";

// The coach's settings as they are kept in the extension's local storage (storage.local, on
// this machine). Each key is checked on its own, so one value that does not validate is
// reported and left unused while the others stay in force.

/** The shape's version; each change of the shape is a migration in ./migrations. */
export const SETTINGS_VERSION = 3;

/** Data minimisation: ended incidents are deleted after this many days unless set otherwise. */
export const DEFAULT_RETENTION_DAYS = 90;

// Each schema's issues become codes (./problem.ts): valibot's own messages are never shown.

/** The retention period the settings accept, in days. */
export const RETENTION_RANGE = { min: 1, max: 3650 } as const;

export const RetentionDaysSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(RETENTION_RANGE.min),
  v.maxValue(RETENTION_RANGE.max),
);

export const OwnOriginsSchema = v.array(v.pipe(v.string(), v.check(isOrigin)));

export const WaitMutesSchema = v.array(v.picklist(MUTE_TARGETS));

/**
 * What the hang-up does when the coach is host and the platform offers ending the meeting for
 * everyone (Jitsi's moderator menu, Meet's dialog to a host): leave, or end it for everyone.
 */
export const HostLeaveSchema = v.picklist(LEAVE_CHOICES);

/**
 * The notice before recording that the coach last confirmed, as it read: the panel and the
 * keyboard command both record without asking again only while the notice in force is this
 * text (a new notice is read anew).
 */
export const RecordingNoticeReadSchema = v.pipe(v.string(), v.maxLength(4000));

/**
 * The stored settings of the current version. A key added as optional, with its default when
 * it is absent, is no change of the shape: every store of this version is still valid, an
 * older Tresteg of the same version reads and saves its own keys and leaves the new one be,
 * so no migration is needed (and a new version would stop an older Tresteg from saving). The phrase pack is only checked to be present
 * here: it is validated as a pack (schema and cross references) by routine/load-pack.
 */
export const StoredSettingsSchema = v.object({
  settingsVersion: v.literal(SETTINGS_VERSION),
  phrasePack: v.optional(v.unknown()),
  retentionDays: v.optional(RetentionDaysSchema),
  ownOrigins: v.optional(OwnOriginsSchema),
  waitMutes: v.optional(WaitMutesSchema),
  helpContacts: v.optional(HelpContactsSchema),
  hostLeave: v.optional(HostLeaveSchema),
  recordingNoticeRead: v.optional(RecordingNoticeReadSchema),
});

export type StoredSettings = v.InferOutput<typeof StoredSettingsSchema>;
/** A setting's name, in storage and in the policy (some exist only in the policy). */
export type SettingKey = keyof StoredSettings | (typeof MANAGED_KEYS)[number];
export const SETTING_KEYS = Object.keys(StoredSettingsSchema.entries) as (keyof StoredSettings)[];

/** The keys an organisation may set by policy (public/managed_schema.json). */
export const MANAGED_KEYS = [
  "phrasePack",
  "retentionDays",
  "ownOrigins",
  "helpContacts",
  "recordingAllowed",
  "recordingNotice",
  "hostLeave",
] as const;

/**
 * The piece of extension storage the settings live in: `browser.storage.local` in the
 * extension, a map in tests.
 */
export interface SettingsStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** The browser's managed storage (`browser.storage.managed`), read-only, may refuse. */
export interface ManagedStorage {
  get(): Promise<Record<string, unknown>>;
}
