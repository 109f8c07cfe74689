// The one place that knows how the settings are stored: the coach's own (storage.local,
// versioned, migrated on load) and the organisation's (managed storage, which wins).
export { loadSettings, ROUTINE_SETTINGS, type Settings } from "./load";
export {
  addHelpContact,
  addOwnOrigin,
  removeHelpContact,
  importPack,
  removeOwnOrigin,
  resetPack,
  type SaveResult,
  saveHostLeave,
  saveRecordingNoticeRead,
  saveOwnOrigins,
  saveRetentionDays,
  saveWaitMutes,
} from "./save";
export { type ManagedStorage, SETTINGS_VERSION, type SettingsStorage } from "./schema";
export { type StorageChangedEvent, watchSettings } from "./watch";
export { matchPattern, parseOrigin } from "./origins";
