import { describe, expect, it } from "vitest";
import { draftContext } from "@/lib/draft/context";
import { draftSv } from "@/lib/draft/messages";
import { sv, translator } from "@/lib/i18n/messages";
import { countKey } from "@/lib/i18n/text";
import { describeEvent } from "@/lib/log/describe";
import { anEvent, aPack } from "../builders";

const t = translator("sv");
const say = (event: Parameters<typeof describeEvent>[0]) => describeEvent(event, aPack(), t, "sv");

describe("the Swedish a coach reads", () => {
  it("agrees with the noun: ljud is neuter, bild and the devices are common gender", () => {
    expect(say(anEvent("mute-applied", { target: "client-sound", result: "done" }))).toBe(
      "Klientens ljud: avstängt av Tresteg",
    );
    expect(say(anEvent("mute-applied", { target: "client-picture", result: "already" }))).toBe(
      "Klientens bild: var redan dold",
    );
    expect(say(anEvent("mute-applied", { target: "own-mic", result: "done" }))).toBe(
      "Egen mikrofon: avstängd av Tresteg",
    );
  });

  it("says a restore once, not twice", () => {
    expect(say(anEvent("mute-restored", { target: "client-sound", result: "done" }))).toBe(
      "Klientens ljud: påslaget igen",
    );
  });

  it("counts one screenshot in the singular and more in the plural", () => {
    expect(t(countKey("historyScreenshots", 1), { count: 1 })).toBe("1 skärmdump");
    expect(t(countKey("historyScreenshots", 2), { count: 2 })).toBe("2 skärmdumpar");
    expect(t(countKey("historyScreenshots", 0), { count: 0 })).toBe("0 skärmdumpar");
  });

  it("states in the report what happened, where the panel tells the coach what to do", () => {
    const event = anEvent("mute-applied", {
      target: "own-mic",
      result: "failed",
      code: { reason: "self-service", control: "mic", want: "off" },
    });
    expect(say(event)).toContain("Stäng av din mikrofon själv");
    const report = draftContext(aPack(), "sv", null, "Europe/Stockholm");
    const inReport = describeEvent(event, aPack(), report.t, "sv");
    expect(inReport).not.toContain("Stäng av din");
    expect(inReport).toContain(
      "Tresteg kunde inte stänga av mikrofonen; coachen fick göra det själv",
    );
  });

  it("calls the kind of exposure typ, never sort", () => {
    const all = [...Object.values(sv), ...Object.values(draftSv)];
    expect(all.filter((text) => /\bsort\b/i.test(text))).toEqual([]);
    expect(sv.kinds).toBe("Typ av utsatthet");
    expect(draftSv["h.kinds"]).toBe("Typ av utsatthet");
  });

  it("quotes with ”…” only, in every Swedish string", () => {
    const all = [...Object.values(sv), ...Object.values(draftSv)];
    expect(all.filter((text) => /["“„«»]/.test(text))).toEqual([]);
  });
});
