import { OWN_PLATFORM_SCRIPT, matchPattern } from "../platforms/own-origins";

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
  runAt: "document_idle";
  persistAcrossSessions: boolean;
}

/**
 * Puts the meeting script on the organisation's own platforms: on the origins the coach
 * added and the browser granted (an origin whose access was withdrawn is left out).
 */
export async function registerOwnPlatforms(
  origins: readonly string[],
  deps: {
    scripting: ScriptingApi;
    granted: (pattern: string) => Promise<boolean>;
    scriptFile: string;
  },
): Promise<string[]> {
  const allowed: string[] = [];
  for (const origin of origins) {
    if (await deps.granted(matchPattern(origin))) allowed.push(matchPattern(origin));
  }
  const existing = await deps.scripting.getRegisteredContentScripts({ ids: [OWN_PLATFORM_SCRIPT] });
  const script: RegisteredScript = {
    id: OWN_PLATFORM_SCRIPT,
    matches: allowed,
    js: [deps.scriptFile],
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
