import { describe, expect, it } from "vitest";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import {
  importPack,
  loadPackInForce,
  type PackStorage,
  packExpired,
  resetPack,
} from "@/lib/routine/pack-store";

function aStorage(initial: Record<string, unknown> = {}): PackStorage & {
  data: Record<string, unknown>;
} {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    get: async (key) => (key in data ? { [key]: data[key] } : {}),
    set: async (items) => void Object.assign(data, items),
    remove: async (key) => void delete data[key],
  };
}

const anOrganisationPack = () => {
  const pack = structuredClone(BUILTIN_PACK);
  pack.id = "region-x-hco";
  pack.name = { sv: "Region X", en: "Region X" };
  return pack;
};

describe("the phrase pack in force", () => {
  it("is the routine's own pack until an organisation imports one", async () => {
    expect(await loadPackInForce(aStorage())).toEqual({ pack: BUILTIN_PACK, problems: [] });
  });

  it("imports a valid pack and uses it from then on", async () => {
    const storage = aStorage();
    const result = await importPack(storage, JSON.stringify(anOrganisationPack()));
    expect(result).toMatchObject({ ok: true, pack: { id: "region-x-hco" } });
    expect((await loadPackInForce(storage)).pack.id).toBe("region-x-hco");
  });

  it("refuses a broken file, naming the path, and keeps the pack in force", async () => {
    const storage = aStorage();
    await importPack(storage, JSON.stringify(anOrganisationPack()));
    const broken = anOrganisationPack() as unknown as { steps: { phrases: { text: string }[] }[] };
    (broken.steps[1] as { phrases: { text: string }[] }).phrases[0] = { text: "" } as never;
    const result = await importPack(storage, JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.path)).toContain("steps[1].phrases[0].id");
    }
    expect((await loadPackInForce(storage)).pack.id).toBe("region-x-hco");
    expect(await importPack(storage, "{ not json")).toMatchObject({
      ok: false,
      problems: [{ path: "", message: expect.stringMatching(/not valid JSON/) }],
    });
  });

  it("reports a stored pack that no longer validates, and does not use it", async () => {
    const storage = aStorage({ phrasePack: { schemaVersion: 1, id: "x" } });
    const inForce = await loadPackInForce(storage);
    expect(inForce.pack).toBe(BUILTIN_PACK);
    expect(inForce.problems.length).toBeGreaterThan(0);
  });

  it("goes back to the routine's own pack", async () => {
    const storage = aStorage();
    await importPack(storage, JSON.stringify(anOrganisationPack()));
    expect(await resetPack(storage)).toBe(BUILTIN_PACK);
    expect((await loadPackInForce(storage)).pack).toBe(BUILTIN_PACK);
  });

  it("warns after the routine's validity has passed, not before", () => {
    expect(packExpired(BUILTIN_PACK, Date.parse("2027-08-19T12:00:00"))).toBe(false);
    expect(packExpired(BUILTIN_PACK, Date.parse("2027-08-20T08:00:00"))).toBe(true);
  });
});
