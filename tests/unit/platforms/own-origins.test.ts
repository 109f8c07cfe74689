import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { loadSettings, parseOrigin, saveOwnOrigins } from "@/lib/settings";
import {
  type RegisteredScript,
  registerOwnPlatforms,
  syncOwnPlatformScript,
  OWN_PLATFORM_SCRIPT,
} from "@/lib/worker/own-platforms";

describe("an organisation's own platform, by origin", () => {
  it.each([
    ["video.region.se", { ok: true, origin: "https://video.region.se" }],
    ["https://video.region.se/rum/42?x=1", { ok: true, origin: "https://video.region.se" }],
    ["  https://Jitsi.Region.se  ", { ok: true, origin: "https://jitsi.region.se" }],
    ["http://video.region.se", { ok: false, reason: "not-https" }],
    ["not an address", { ok: false, reason: "not-url" }],
    ["localhost", { ok: false, reason: "not-url" }],
  ])("reads %j", (text, expected) => {
    expect(parseOrigin(text)).toEqual(expected);
  });
});

describe("the meeting script on the own platforms", () => {
  function aScripting(registered: RegisteredScript[] = []) {
    const calls: string[] = [];
    return {
      calls,
      registered,
      api: {
        getRegisteredContentScripts: async () => registered.map((s) => ({ id: s.id })),
        registerContentScripts: async (s: RegisteredScript[]) => {
          calls.push(`register ${s[0]?.matches.join(",")}`);
          registered.push(...s);
        },
        updateContentScripts: async (s: RegisteredScript[]) => {
          calls.push(`update ${s[0]?.matches.join(",")}`);
        },
        unregisterContentScripts: async () => {
          calls.push("unregister");
          registered.length = 0;
        },
      },
    };
  }

  it("registers it for the origins whose access was granted, and only those", async () => {
    const scripting = aScripting();
    const allowed = await syncOwnPlatformScript(["https://a.se", "https://b.se"], {
      scripting: scripting.api,
      granted: async (pattern) => pattern === "https://a.se/*",
      scriptFile: "content-scripts/meeting.js",
    });
    expect(allowed).toEqual(["https://a.se/*"]);
    expect(scripting.calls).toEqual(["register https://a.se/*"]);
    expect(scripting.registered[0]?.id).toBe(OWN_PLATFORM_SCRIPT);
  });

  it("updates an existing registration, and removes it when no origin is left", async () => {
    const scripting = aScripting();
    const deps = {
      scripting: scripting.api,
      granted: async () => true,
      scriptFile: "content-scripts/meeting.js",
    };
    await syncOwnPlatformScript(["https://a.se"], deps);
    await syncOwnPlatformScript(["https://a.se", "https://c.se"], deps);
    await syncOwnPlatformScript([], deps);
    expect(scripting.calls).toEqual([
      "register https://a.se/*",
      "update https://a.se/*,https://c.se/*",
      "unregister",
    ]);
  });
});

describe("the worker keeping the meeting script on the own platforms", () => {
  beforeEach(() => fakeBrowser.reset());

  it("registers the coach's and the organisation's platforms, and again when they change", async () => {
    const matches: string[][] = [];
    const scripting = {
      getRegisteredContentScripts: async () =>
        matches.length ? [{ id: OWN_PLATFORM_SCRIPT }] : [],
      registerContentScripts: async (s: RegisteredScript[]) =>
        void matches.push(s[0]?.matches ?? []),
      updateContentScripts: async (s: RegisteredScript[]) => void matches.push(s[0]?.matches ?? []),
      unregisterContentScripts: async () => void matches.push([]),
    };
    await saveOwnOrigins(fakeBrowser.storage.local, ["https://b.se"]);
    await fakeBrowser.storage.managed.set({ ownOrigins: ["https://a.se"] });
    const { ready, stop } = registerOwnPlatforms({
      scripting,
      granted: async () => true,
      scriptFile: "content-scripts/meeting.js",
      settings: () => loadSettings(fakeBrowser.storage.local, fakeBrowser.storage.managed),
      watch: {
        storage: fakeBrowser.storage.local,
        managed: fakeBrowser.storage.managed,
        onStorageChanged: fakeBrowser.storage.onChanged,
      },
    });
    await ready;
    expect(matches).toEqual([["https://a.se/*", "https://b.se/*"]]);
    await saveOwnOrigins(fakeBrowser.storage.local, []);
    await vi.waitFor(() => expect(matches.at(-1)).toEqual(["https://a.se/*"]));
    stop();
  });
});

describe("an own platform's meeting embedded in the organisation's portal", () => {
  it("puts the meeting script into every frame on the allowed origins, and on no other", async () => {
    const scripts: RegisteredScript[] = [];
    await syncOwnPlatformScript(["https://video.region.se", "https://portal.region.se"], {
      scripting: {
        getRegisteredContentScripts: async () => [],
        registerContentScripts: async (s) => void scripts.push(...s),
        updateContentScripts: async () => undefined,
        unregisterContentScripts: async () => undefined,
      },
      // The portal's access was not granted: its frames get nothing.
      granted: async (pattern) => pattern === "https://video.region.se/*",
      scriptFile: "content-scripts/meeting.js",
    });
    expect(scripts).toEqual([
      expect.objectContaining({ matches: ["https://video.region.se/*"], allFrames: true }),
    ]);
  });
});
