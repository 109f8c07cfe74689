import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { loadSettings, SETTINGS_VERSION } from "@/lib/settings";
import { LATEST_VERSION, migrate } from "@/lib/settings/migrations";
import { v001ToV002 } from "@/lib/settings/migrations/v001-to-v002";
import { v002ToV003 } from "@/lib/settings/migrations/v002-to-v003";
import v001 from "./example/v001.json";
import v002 from "./example/v002.json";
import { local, stored } from "./storage";
import { translator } from "@/lib/i18n/messages";
import { describeSettingsProblem } from "@/lib/settings/describe";

// example/v002.json is what loading example/v001.json wrote back (the v1 → v2 migration):
// the store every coach had before contacts for calling for help existed.
// example/v001.json was written by the save functions that shipped before settings had a
// version (pack import, retention, own platforms, wait mutes), into an empty storage.local.

describe("the stored settings' versions", () => {
  beforeEach(() => fakeBrowser.reset());

  it("has one migration for every version before the current one", () => {
    expect(LATEST_VERSION).toBe(SETTINGS_VERSION);
  });

  it("v1 → v2 keeps every value as it was and says its version", () => {
    expect(v001ToV002(v001)).toEqual({ ...v001, settingsVersion: 2 });
  });

  it("v1 → v2 carries a value that does not validate over untouched, for the loader to report", () => {
    expect(v001ToV002({ retentionDays: "30" })).toEqual({
      retentionDays: "30",
      settingsVersion: 2,
    });
  });

  it("v2 → v3 keeps every value as it was, adds no contact, and says its version", () => {
    expect(v002ToV003(v002)).toEqual({ ...v002, settingsVersion: 3 });
  });

  it("loads a version 2 store with every setting and no contacts, and writes it back as current", async () => {
    await local().set(structuredClone(v002));
    const settings = await loadSettings(local());
    expect(settings).toMatchObject({
      pack: { id: "region-x-hco" },
      retentionDays: 30,
      waitMutes: ["client-sound", "client-picture", "own-camera"],
      helpContacts: [],
      problems: [],
    });
    expect(await stored()).toEqual({ ...v002, settingsVersion: SETTINGS_VERSION });
  });

  it("loads a store from before versions with every setting, and writes it back as current", async () => {
    await local().set(structuredClone(v001));
    const settings = await loadSettings(local());
    expect(settings).toMatchObject({
      pack: { id: "region-x-hco", source: { documentId: "RX-1" } },
      packProblems: [],
      retentionDays: 30,
      ownOrigins: ["https://jitsi.region-x.se", "https://video.region-x.se"],
      waitMutes: ["client-sound", "client-picture", "own-camera"],
      hostLeave: "leave",
      problems: [],
    });
    expect(await stored()).toEqual({ ...v001, settingsVersion: SETTINGS_VERSION });
  });

  // The host hang-up choice came in version 2 as an optional key: no migration, so a store of
  // version 2 from before it is read as it is, with the default, and not written to.
  it("reads a version 2 store from before the host hang-up choice, leaving on hang-up; only its version changes", async () => {
    const before = { ...v001, settingsVersion: 2 };
    await local().set(structuredClone(before));
    const settings = await loadSettings(local());
    expect(settings).toMatchObject({ retentionDays: 30, hostLeave: "leave", problems: [] });
    expect(await stored()).toEqual({ ...before, settingsVersion: 3 });
  });

  it("stamps an empty store (a new install) with the current version", async () => {
    await loadSettings(local());
    expect(await stored()).toEqual({ settingsVersion: SETTINGS_VERSION });
  });

  it("reads a store a newer Tresteg wrote as far as it can, says so, and writes nothing", async () => {
    await local().set({ settingsVersion: SETTINGS_VERSION + 1, retentionDays: 30 });
    const settings = await loadSettings(local());
    expect(settings.retentionDays).toBe(30);
    expect(settings.problems).toEqual([
      { key: "settingsVersion", code: "newer-version", found: SETTINGS_VERSION + 1 },
    ]);
    const [problem] = settings.problems;
    if (!problem) throw new Error("expected the version's problem");
    expect(describeSettingsProblem(problem, translator("sv"))).toMatch(
      `sparade av en nyare Tresteg (version ${SETTINGS_VERSION + 1})`,
    );
    expect(describeSettingsProblem(problem, translator("en"))).toMatch(
      `stored by a newer Tresteg (version ${SETTINGS_VERSION + 1})`,
    );
    expect(await stored()).toEqual({ settingsVersion: SETTINGS_VERSION + 1, retentionDays: 30 });
  });

  it.each([["two"], [0], [1.5]])("does not migrate an unknown version %j", (version) => {
    expect(migrate({ settingsVersion: version })).toEqual({
      ok: false,
      reason: "not-a-version",
      found: version,
    });
  });
});
