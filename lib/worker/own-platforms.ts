import {
  type ManagedStorage,
  type Settings,
  type SettingsStorage,
  type StorageChangedEvent,
  watchSettings,
} from "../settings";
import { isOrigin, matchPattern } from "../settings/origins";

/** The id under which the meeting script is registered for the own platforms. */
export const OWN_PLATFORM_SCRIPT = "tresteg-own-platforms";

export interface ScriptingApi {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ id: string }[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  /** Every frame on these origins: a portal may embed the meeting in an iframe. */
  allFrames: boolean;
  runAt: "document_idle";
  persistAcrossSessions: boolean;
}

/**
 * Puts the meeting script on the organisation's own platforms: on the origins the coach
 * added and the browser granted (an origin whose access was withdrawn is left out).
 */
export async function syncOwnPlatformScript(
  origins: readonly string[],
  deps: {
    scripting: ScriptingApi;
    granted: (pattern: string) => Promise<boolean>;
    scriptFile: string;
  },
): Promise<string[]> {
  const allowed: string[] = [];
  for (const origin of origins) {
    // One bad entry would make the browser refuse the whole registration: only exact https
    // origins become match patterns (a wildcard never does).
    if (!isOrigin(origin)) continue;
    if (await deps.granted(matchPattern(origin))) allowed.push(matchPattern(origin));
  }
  const existing = await deps.scripting.getRegisteredContentScripts({ ids: [OWN_PLATFORM_SCRIPT] });
  const script: RegisteredScript = {
    id: OWN_PLATFORM_SCRIPT,
    matches: allowed,
    js: [deps.scriptFile],
    // The meeting may sit in an iframe of the organisation's own portal; only frames on the
    // origins the coach allowed get the script, and only the meeting's frame answers.
    allFrames: true,
    runAt: "document_idle",
    persistAcrossSessions: true,
  };
  if (allowed.length === 0) {
    if (existing.length > 0) {
      await deps.scripting.unregisterContentScripts({ ids: [OWN_PLATFORM_SCRIPT] });
    }
  } else if (existing.length > 0) {
    await deps.scripting.updateContentScripts([script]);
  } else {
    await deps.scripting.registerContentScripts([script]);
  }
  return allowed;
}

export interface OwnPlatformDeps {
  scripting: ScriptingApi;
  granted: (pattern: string) => Promise<boolean>;
  scriptFile: string;
  settings: () => Promise<Settings>;
  /** Where a change of the platforms is heard: the coach's storage and the policy. */
  watch: {
    storage: SettingsStorage;
    managed?: ManagedStorage;
    onStorageChanged: StorageChangedEvent;
  };
  onError?: (error: unknown) => void;
}

/**
 * The organisation's own platforms (the coach's and the policy's) get the meeting script
 * now and again each time the list changes. Returns the stop of the watch and the start-up
 * registration.
 */
export function registerOwnPlatforms(deps: OwnPlatformDeps): {
  stop: () => void;
  ready: Promise<void>;
} {
  const onError = deps.onError ?? ((error) => console.error("Tresteg: own platforms", error));
  const sync = (origins: readonly string[]) =>
    syncOwnPlatformScript(origins, deps).then(() => undefined, onError);
  const stop = watchSettings(
    (settings, changed) => {
      if (changed.includes("ownOrigins")) void sync(settings.ownOrigins);
    },
    { ...deps.watch, onError },
  );
  const ready = deps.settings().then((settings) => sync(settings.ownOrigins), onError);
  return { stop, ready };
}
