import { describe, expect, it } from "vitest";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { translator } from "@/lib/i18n/messages";
import { describeSettingsProblem } from "@/lib/settings/describe";
import { NO_MANAGED, merged, readManaged } from "@/lib/settings/managed";
import type { SettingsProblem } from "@/lib/settings/problem";

const sv = (problem: SettingsProblem | undefined) =>
  problem ? describeSettingsProblem(problem, translator("sv")) : "";
const en = (problem: SettingsProblem | undefined) =>
  problem ? describeSettingsProblem(problem, translator("en")) : "";

describe("settings pushed by the organisation (managed storage)", () => {
  it("has nothing to say when there is no policy", () => {
    expect(readManaged({})).toEqual(NO_MANAGED);
  });

  it("reads the retention period, own platforms and a pack given as JSON text", () => {
    const own = structuredClone(BUILTIN_PACK);
    own.id = "region-x";
    const managed = readManaged({
      retentionDays: 30,
      ownOrigins: ["video.region.se", "https://jitsi.region.se/x"],
      phrasePack: JSON.stringify(own),
    });
    expect(managed).toEqual({
      retentionDays: 30,
      ownOrigins: ["https://video.region.se", "https://jitsi.region.se"],
      pack: expect.objectContaining({ id: "region-x" }),
      helpContacts: [],
      recordingAllowed: null,
      recordingNotice: null,
      hostLeave: null,
      problems: [],
    });
  });

  it.each(["leave", "end-for-all"] as const)("reads how a host hangs up: %s", (choice) => {
    expect(readManaged({ hostLeave: choice })).toEqual({ ...NO_MANAGED, hostLeave: choice });
  });

  it.each([["end"], [true]])(
    "reports a host hang-up of %j it does not know, and uses none",
    (value) => {
      const managed = readManaged({ hostLeave: value });
      expect(managed.hostLeave).toBeNull();
      expect(managed.problems).toEqual([
        { key: "hostLeave", code: "unknown-choice", value: String(value) },
      ]);
      expect(en(managed.problems[0])).toContain(`"${String(value)}"`);
    },
  );

  it("reports what is wrong and uses none of it", () => {
    const broken = structuredClone(BUILTIN_PACK) as unknown as { steps: unknown[] };
    broken.steps = broken.steps.slice(0, 2);
    const managed = readManaged({
      retentionDays: 0,
      ownOrigins: ["http://insecure.se", 7],
      phrasePack: JSON.stringify(broken),
    });
    expect(managed.retentionDays).toBeNull();
    expect(managed.ownOrigins).toEqual([]);
    expect(managed.pack).toBeNull();
    expect(managed.problems).toEqual([
      { key: "retentionDays", code: "out-of-range", min: 1, max: 3650 },
      { key: "ownOrigins", code: "not-an-origin", value: "http://insecure.se" },
      { key: "ownOrigins", code: "not-an-origin", value: "7" },
      {
        key: "phrasePack",
        code: "pack-rejected",
        problems: [{ path: "steps", code: "not-three-steps", count: 2 }],
      },
    ]);
    const [days, address, , pack] = managed.problems;
    expect(sv(days)).toBe("ska vara 1–3650 dagar.");
    expect(en(days)).toBe("must be 1–3650 days.");
    expect(sv(address)).toMatch(/^ogiltig adress: ”http:\/\/insecure.se”\. Ange en https-adress/);
    expect(en(address)).toMatch(/^not an address Tresteg accepts: "http:\/\/insecure.se"\./);
    expect(sv(pack)).toContain("steps: ska ha exakt tre steg, har 2.");
    expect(en(pack)).toContain("steps: must have exactly three steps, has 2.");
  });

  it("reports a pack policy that is not JSON with the parser's own words", () => {
    const [problem] = readManaged({ phrasePack: "{" }).problems;
    expect(problem).toMatchObject({
      key: "phrasePack",
      code: "pack-rejected",
      problems: [{ path: "", code: "not-json", error: expect.stringMatching(/JSON/) }],
    });
    expect(sv(problem)).toMatch(/\(frasbanken\): inte giltig JSON: .+/);
    expect(en(problem)).toMatch(/\(the pack\): not valid JSON: .+/);
  });

  it("reports own platforms that are not a list", () => {
    const [problem] = readManaged({ ownOrigins: "https://video.region.se" }).problems;
    expect(problem).toEqual({ key: "ownOrigins", code: "not-a-list" });
    expect(sv(problem)).toMatch(/^ska vara en lista/);
    expect(en(problem)).toMatch(/^must be a list/);
  });

  it("lets a managed value win and marks it locked", () => {
    expect(merged(90, null)).toEqual({ value: 90, locked: false });
    expect(merged(90, 30)).toEqual({ value: 30, locked: true });
  });
});
