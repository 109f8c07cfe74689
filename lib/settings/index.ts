// The one place that knows how the settings are stored: the coach's own (storage.local,
// versioned, migrated on load) and the organisation's (managed storage, which wins).
export {
  DEFAULT_SETTINGS,
  loadSettings,
  type OwnSettings,
  readManagedStorage,
  ROUTINE_SETTINGS,
  type Settings,
} from "./load";
export {
  addOwnOrigin,
  importPack,
  removeOwnOrigin,
  resetPack,
  type SaveResult,
  saveOwnOrigins,
  saveRetentionDays,
  saveWaitMutes,
} from "./save";
export {
  DEFAULT_RETENTION_DAYS,
  type ManagedStorage,
  SETTINGS_VERSION,
  type SettingKey,
  type SettingsProblem,
  type SettingsStorage,
  validRetentionDays,
} from "./schema";
export { type StorageChangedEvent, watchSettings, type WatchDeps } from "./watch";
export { matchPattern, parseOrigin } from "./origins";
