import { describe, expect, it } from "vitest";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { packExpired } from "@/lib/routine/pack";

describe("the routine document's validity", () => {
  it("warns after the routine's validity has passed, not before", () => {
    expect(packExpired(BUILTIN_PACK, Date.parse("2027-08-19T12:00:00"))).toBe(false);
    expect(packExpired(BUILTIN_PACK, Date.parse("2027-08-20T08:00:00"))).toBe(true);
  });
});
