import { describe, expect, it } from "vitest";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { NO_MANAGED, merged, readManaged } from "@/lib/settings/managed";

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
      problems: [],
    });
  });

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
    expect(managed.problems.map((p) => p.key)).toEqual([
      "retentionDays",
      "ownOrigins",
      "ownOrigins",
      "phrasePack",
    ]);
    expect(managed.problems[3]?.message).toContain("steps");
    expect(readManaged({ phrasePack: "{" }).problems[0]?.message).toMatch(/inte giltig JSON/);
  });

  it("lets a managed value win and marks it locked", () => {
    expect(merged(90, null)).toEqual({ value: 90, locked: false });
    expect(merged(90, 30)).toEqual({ value: 30, locked: true });
  });
});
