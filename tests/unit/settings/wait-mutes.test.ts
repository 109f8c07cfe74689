import { describe, expect, it } from "vitest";
import { loadWaitMutes, saveWaitMutes } from "@/lib/settings/wait-mutes";

const aStorage = () => {
  const data: Record<string, unknown> = {};
  return {
    get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
  };
};

describe("what the two-minute wait mutes", () => {
  it("is all four by default, as the routine says", async () => {
    expect(await loadWaitMutes(aStorage())).toEqual([
      "client-sound",
      "client-picture",
      "own-mic",
      "own-camera",
    ]);
  });

  it("keeps the coach's choice, in the routine's order, ignoring unknown names", async () => {
    const storage = aStorage();
    await saveWaitMutes(storage, ["own-mic", "client-sound"]);
    expect(await loadWaitMutes(storage)).toEqual(["client-sound", "own-mic"]);
    await storage.set({ waitMutes: ["own-camera", "the-cat"] });
    expect(await loadWaitMutes(storage)).toEqual(["own-camera"]);
  });
});
