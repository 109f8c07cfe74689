import { describe, expect, it } from "vitest";
import { parseMeetingRequest } from "@/lib/messages";

// What the meeting script accepts as a hang-up: the page acts on nothing the schema refuses.
describe("the hang-up request, as the meeting page reads it", () => {
  it("leaves on the plain request, as an older panel sends it", () => {
    expect(parseMeetingRequest({ type: "meeting:hang-up" })).toEqual({ type: "meeting:hang-up" });
  });

  it.each(["leave", "end-for-all"])("takes the choice %j", (choice) => {
    expect(parseMeetingRequest({ type: "meeting:hang-up", choice })).toEqual({
      type: "meeting:hang-up",
      choice,
    });
  });

  it.each([["end"], ["END-FOR-ALL"], [true], [null]])(
    "refuses a choice it does not know (%j): nothing is clicked",
    (choice) => {
      expect(parseMeetingRequest({ type: "meeting:hang-up", choice })).toBeNull();
    },
  );

  it("refuses anything else in the request", () => {
    expect(
      parseMeetingRequest({ type: "meeting:hang-up", choice: "leave", everyone: true }),
    ).toBeNull();
  });
});
