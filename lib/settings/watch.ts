import { type Settings, loadSettings } from "./load";
import {
  MANAGED_KEYS,
  type ManagedStorage,
  SETTING_KEYS,
  type SettingKey,
  type SettingsStorage,
} from "./schema";

/** `browser.storage.onChanged`: every area's changes, named by area. */
export interface StorageChangedEvent {
  addListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
  removeListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
}

export interface WatchDeps {
  storage: SettingsStorage;
  managed?: ManagedStorage;
  onStorageChanged: StorageChangedEvent;
  onError?: (error: unknown) => void;
}

/**
 * Calls `onChanged` with the settings in force each time a setting changes, in the coach's
 * storage or by policy, with the keys that changed. When changes come fast, only the newest
 * settings are given, so an older read never overwrites a newer one. Returns the unwatch.
 */
export function watchSettings(
  onChanged: (settings: Settings, changed: SettingKey[]) => void,
  deps: WatchDeps,
): () => void {
  let latest = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    const watched: readonly SettingKey[] =
      area === "local"
        ? SETTING_KEYS.filter((key) => key !== "settingsVersion")
        : area === "managed"
          ? MANAGED_KEYS
          : [];
    const changed = watched.filter((key) => key in changes);
    if (changed.length === 0) return;
    const mine = ++latest;
    loadSettings(deps.storage, deps.managed).then(
      (settings) => {
        if (mine === latest) onChanged(settings, changed);
      },
      (error) => (deps.onError ?? console.error)(error),
    );
  };
  deps.onStorageChanged.addListener(listener);
  return () => deps.onStorageChanged.removeListener(listener);
}
