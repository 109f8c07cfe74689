import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { translator } from "@/lib/i18n/messages";
import { loadSettings, parseOrigin } from "@/lib/settings";
import { describeSettingsProblem } from "@/lib/settings/describe";
import { SETTINGS_VERSION } from "@/lib/settings/schema";
import { syncOwnPlatformScript, type RegisteredScript } from "@/lib/worker/own-platforms";

describe("own platforms refuse wildcards and keep the good entries", () => {
  beforeEach(() => fakeBrowser.reset());

  it.each(["*.com", "https://*.region.se", "video.*.se"])(
    "refuses %j as a wildcard, with a message saying what to write",
    (text) => {
      expect(parseOrigin(text)).toEqual({ ok: false, reason: "wildcard" });
      expect(translator("sv")("ownPlatform.wildcard")).toMatch(
        /utan \*.*https:\/\/video\.region\.se/,
      );
    },
  );

  it("keeps the valid stored origins in force when one entry is not an origin", async () => {
    await fakeBrowser.storage.local.set({
      settingsVersion: SETTINGS_VERSION,
      ownOrigins: ["https://video.region.se", "https://*.com", "https://jitsi.region.se"],
    });
    const settings = await loadSettings(fakeBrowser.storage.local);
    expect(settings.ownOrigins).toEqual(["https://jitsi.region.se", "https://video.region.se"]);
    expect(settings.problems).toEqual([
      { key: "ownOrigins", code: "not-an-origin", value: "https://*.com" },
    ]);
    expect(describeSettingsProblem(settings.problems[0]!, translator("sv"))).toMatch(
      /ogiltig adress: ”https:\/\/\*\.com”/,
    );
  });

  it("registers the meeting script for the good origins even when a bad one is listed", async () => {
    const registered: RegisteredScript[] = [];
    const allowed = await syncOwnPlatformScript(["https://*.com", "https://video.region.se"], {
      scripting: {
        getRegisteredContentScripts: async () => [],
        registerContentScripts: async (scripts) => {
          // As the browser does: one invalid pattern refuses the whole registration.
          if (scripts.some((s) => s.matches.some((m) => m.includes("*.com")))) {
            throw new Error("Invalid url pattern");
          }
          registered.push(...scripts);
        },
        updateContentScripts: async () => undefined,
        unregisterContentScripts: async () => undefined,
      },
      granted: async () => true,
      scriptFile: "content-scripts/meeting.js",
    });
    expect(allowed).toEqual(["https://video.region.se/*"]);
    expect(registered[0]?.matches).toEqual(["https://video.region.se/*"]);
  });
});
