import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import {
  addOwnOrigin,
  importPack,
  loadSettings,
  removeOwnOrigin,
  resetPack,
  saveHostLeave,
  saveRecordingNoticeRead,
  saveOwnOrigins,
  saveRetentionDays,
  saveWaitMutes,
  SETTINGS_VERSION,
  type Settings,
  watchSettings,
} from "@/lib/settings";
import { anOrganisationPack, local, managed } from "./storage";

const load = () => loadSettings(local(), managed());

describe("the settings in force", () => {
  beforeEach(() => fakeBrowser.reset());

  it("are the routine's defaults on a new install", async () => {
    expect(await load()).toEqual({
      pack: BUILTIN_PACK,
      packProblems: [],
      retentionDays: 90,
      ownOrigins: [],
      waitMutes: ["client-sound", "client-picture", "own-mic", "own-camera"],
      helpContacts: [],
      recording: { allowed: true, notice: null },
      // Ending a meeting for the others is a choice someone makes; by default a host leaves.
      hostLeave: "leave",
      locks: {
        pack: false,
        retentionDays: false,
        ownOrigins: [],
        helpContacts: [],
        hostLeave: false,
      },
      own: {
        pack: BUILTIN_PACK,
        retentionDays: 90,
        ownOrigins: [],
        waitMutes: ["client-sound", "client-picture", "own-mic", "own-camera"],
        helpContacts: [],
        hostLeave: "leave",
        recordingNoticeRead: null,
      },
      problems: [],
      managedProblems: [],
    });
  });

  it.each([
    ["retentionDays", "30", "retentionDays", 90, { code: "not-a-number" }],
    ["retentionDays", 0, "retentionDays", 90, { code: "out-of-range", min: 1, max: 3650 }],
    [
      "ownOrigins",
      ["http://insecure.se"],
      "ownOrigins",
      [],
      { code: "not-an-origin", value: "http://insecure.se" },
    ],
    ["ownOrigins", "https://video.region.se", "ownOrigins", [], { code: "not-a-list" }],
    [
      "waitMutes",
      ["own-camera", "the-cat"],
      "waitMutes",
      ["client-sound", "client-picture", "own-mic", "own-camera"],
      { code: "unknown-choice", value: "the-cat" },
    ],
    [
      "hostLeave",
      "end-for-everyone",
      "hostLeave",
      "leave",
      { code: "unknown-choice", value: "end-for-everyone" },
    ],
  ])(
    "reports a stored %s of %j, uses the default, and keeps the others",
    async (key, value, field, fallback, code) => {
      await local().set({
        retentionDays: 30,
        ownOrigins: ["https://a.se"],
        waitMutes: ["own-mic"],
      });
      await local().set({ [key]: value });
      const settings = await load();
      expect(settings.problems).toEqual([{ key, ...code }]);
      expect(settings[field as keyof Settings]).toEqual(fallback);
      const others = { retentionDays: 30, ownOrigins: ["https://a.se"], waitMutes: ["own-mic"] };
      for (const [other, kept] of Object.entries(others)) {
        if (other !== key) expect(settings[other as keyof Settings]).toEqual(kept);
      }
    },
  );

  it("reports a stored pack that no longer validates, and does not use it", async () => {
    await local().set({ phrasePack: { schemaVersion: 1, id: "x" }, retentionDays: 30 });
    const settings = await load();
    expect(settings.pack).toBe(BUILTIN_PACK);
    expect(settings.packProblems.length).toBeGreaterThan(0);
    expect(settings.retentionDays).toBe(30);
  });

  it("lets the organisation's values win, locked, with its platforms beside the coach's", async () => {
    await local().set({ retentionDays: 30, ownOrigins: ["https://b.se"] });
    await managed().set({
      retentionDays: 14,
      ownOrigins: ["https://a.se"],
      phrasePack: JSON.stringify(anOrganisationPack("region-y")),
    });
    const settings = await load();
    expect(settings).toMatchObject({
      pack: { id: "region-y" },
      retentionDays: 14,
      ownOrigins: ["https://a.se", "https://b.se"],
      locks: { pack: true, retentionDays: true, ownOrigins: ["https://a.se"] },
      own: { pack: BUILTIN_PACK, retentionDays: 30, ownOrigins: ["https://b.se"] },
    });
  });

  it("reports an invalid managed value and uses the coach's own instead", async () => {
    await local().set({ retentionDays: 30 });
    await managed().set({ retentionDays: 0 });
    const settings = await load();
    expect(settings.retentionDays).toBe(30);
    expect(settings.locks.retentionDays).toBe(false);
    expect(settings.managedProblems).toEqual([
      { key: "retentionDays", code: "out-of-range", min: 1, max: 3650 },
    ]);
  });

  it("lets the organisation choose how a host hangs up, locked, over the coach's own", async () => {
    await local().set({ hostLeave: "leave" });
    await managed().set({ hostLeave: "end-for-all" });
    expect(await load()).toMatchObject({
      hostLeave: "end-for-all",
      locks: { hostLeave: true },
      own: { hostLeave: "leave" },
    });
  });

  it("has nothing managed where the browser refuses managed storage (Firefox)", async () => {
    const refusing = { get: () => Promise.reject(new Error("Managed storage manifest not found")) };
    expect((await loadSettings(local(), refusing)).locks.pack).toBe(false);
  });
});

describe("saving a setting", () => {
  beforeEach(() => fakeBrowser.reset());

  it("saves a valid retention period and refuses an invalid one, keeping the previous", async () => {
    expect(await saveRetentionDays(local(), 30)).toEqual({ ok: true });
    expect(await saveRetentionDays(local(), 1.5)).toEqual({
      ok: false,
      problem: { key: "retentionDays", code: "not-whole-days" },
    });
    expect((await load()).retentionDays).toBe(30);
  });

  it("keeps the coach's own platforms sorted and once each, and refuses an http address", async () => {
    await saveOwnOrigins(local(), ["https://b.se", "https://a.se", "https://b.se"]);
    await addOwnOrigin(local(), "https://c.se");
    await removeOwnOrigin(local(), "https://b.se");
    expect((await load()).own.ownOrigins).toEqual(["https://a.se", "https://c.se"]);
    expect((await addOwnOrigin(local(), "http://d.se")).ok).toBe(false);
    expect((await load()).own.ownOrigins).toEqual(["https://a.se", "https://c.se"]);
  });

  it("keeps what the wait mutes in the routine's order", async () => {
    await saveWaitMutes(local(), ["own-mic", "client-sound"]);
    expect((await load()).waitMutes).toEqual(["client-sound", "own-mic"]);
  });

  it("saves how a host hangs up and refuses a choice it does not know, keeping the previous", async () => {
    expect(await saveHostLeave(local(), "end-for-all")).toEqual({ ok: true });
    expect((await load()).hostLeave).toBe("end-for-all");
    expect(await saveHostLeave(local(), "end" as never)).toEqual({
      ok: false,
      problem: { key: "hostLeave", code: "unknown-choice", value: "end" },
    });
    expect((await load()).hostLeave).toBe("end-for-all");
  });

  it("keeps the recording notice the coach confirmed, and leaves a stored value that is not text unused", async () => {
    expect(await saveRecordingNoticeRead(local(), "Spela in bara vid hot.")).toEqual({ ok: true });
    expect((await load()).own.recordingNoticeRead).toBe("Spela in bara vid hot.");
    await local().set({ recordingNoticeRead: 42 });
    const settings = await load();
    expect(settings.own.recordingNoticeRead).toBeNull();
    expect(settings.problems).toContainEqual({ key: "recordingNoticeRead", code: "not-text" });
  });

  it("writes into the current version of a store from before versions", async () => {
    await local().set({ retentionDays: 30 });
    await saveWaitMutes(local(), ["own-mic"]);
    expect(await local().get(null)).toEqual({
      settingsVersion: SETTINGS_VERSION,
      retentionDays: 30,
      waitMutes: ["own-mic"],
    });
  });

  it("does not write into a store a newer Tresteg wrote", async () => {
    await local().set({ settingsVersion: 99 });
    expect(await saveRetentionDays(local(), 30)).toEqual({
      ok: false,
      problem: { key: "settingsVersion", code: "newer-version", found: 99 },
    });
    expect(await local().get(null)).toEqual({ settingsVersion: 99 });
  });
});

describe("the organisation's phrase pack, imported", () => {
  beforeEach(() => fakeBrowser.reset());

  it("imports a valid pack and uses it from then on", async () => {
    const result = await importPack(local(), JSON.stringify(anOrganisationPack()));
    expect(result).toMatchObject({ ok: true, pack: { id: "region-x-hco" } });
    expect((await load()).pack.id).toBe("region-x-hco");
  });

  it("refuses a broken file, naming the path, and keeps the pack in force", async () => {
    await importPack(local(), JSON.stringify(anOrganisationPack()));
    const broken = anOrganisationPack() as unknown as { steps: { phrases: unknown[] }[] };
    (broken.steps[1] as { phrases: unknown[] }).phrases[0] = { text: "" };
    const result = await importPack(local(), JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (!result.ok && "problems" in result) {
      expect(result.problems.map((p) => p.path)).toContain("steps[1].phrases[0].id");
    } else throw new Error("expected the pack's problems");
    expect((await load()).pack.id).toBe("region-x-hco");
    expect(await importPack(local(), "{ not json")).toMatchObject({
      ok: false,
      problems: [{ path: "", code: "not-json", error: expect.stringMatching(/JSON/) }],
    });
  });

  it("refuses a valid pack as a setting when a newer Tresteg wrote the store", async () => {
    await local().set({ settingsVersion: 99 });
    expect(await importPack(local(), JSON.stringify(anOrganisationPack()))).toEqual({
      ok: false,
      problem: { key: "settingsVersion", code: "newer-version", found: 99 },
    });
    expect(await local().get(null)).toEqual({ settingsVersion: 99 });
  });

  it("goes back to the routine's own pack", async () => {
    await importPack(local(), JSON.stringify(anOrganisationPack()));
    expect(await resetPack(local())).toBe(BUILTIN_PACK);
    expect((await load()).pack).toBe(BUILTIN_PACK);
  });
});

describe("watching the settings", () => {
  beforeEach(() => fakeBrowser.reset());

  const watch = () => {
    const seen: { settings: Settings; changed: string[] }[] = [];
    const stop = watchSettings((settings, changed) => seen.push({ settings, changed }), {
      storage: local(),
      managed: managed(),
      onStorageChanged: fakeBrowser.storage.onChanged,
    });
    return { seen, stop };
  };

  it("gives the settings in force when the coach or the organisation changes one", async () => {
    const { seen } = watch();
    await saveRetentionDays(local(), 30);
    await vi.waitFor(() => expect(seen.at(-1)?.settings.retentionDays).toBe(30));
    expect(seen.at(-1)?.changed).toEqual(["retentionDays"]);
    await managed().set({ retentionDays: 14 });
    await vi.waitFor(() => expect(seen.at(-1)?.settings.retentionDays).toBe(14));
    expect(seen.at(-1)?.settings.locks.retentionDays).toBe(true);
  });

  it("ignores what is not a setting, and stops when told", async () => {
    const { seen, stop } = watch();
    await local().set({ somethingElse: 1 });
    await fakeBrowser.storage.session.set({ retentionDays: 5 });
    stop();
    await saveRetentionDays(local(), 30);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual([]);
  });

  it("gives only the newest settings when changes come fast", async () => {
    const { seen } = watch();
    await Promise.all([local().set({ retentionDays: 30 }), local().set({ retentionDays: 31 })]);
    await vi.waitFor(() => expect(seen.at(-1)?.settings.retentionDays).toBe(31));
    expect(seen.map((s) => s.settings.retentionDays)).toEqual([31]);
  });
});
