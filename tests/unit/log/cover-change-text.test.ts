import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/messages";
import { describeCode, describeEvent } from "@/lib/log/describe";
import type { IncidentEvent } from "@/lib/log/events";
import type { CoverChangeCode } from "@/lib/log/report-code";
import { aPack } from "../builders";

const entry = (
  reason: CoverChangeCode["reason"],
  count = 1,
): IncidentEvent & { type: "mute-applied" } => ({
  type: "mute-applied",
  target: "client-picture",
  result: reason === "cover-lost" ? "failed" : "done",
  code: { reason, count },
});

const say = (event: IncidentEvent, lang: "sv" | "en") =>
  describeEvent(event, aPack(), translator(lang), lang);

describe("what the log says the cover did on its own", () => {
  it("says it in Swedish", () => {
    expect(say(entry("cover-reapplied"), "sv")).toBe(
      "Klientens bild: täckt igen efter att mötessidan tagit bort, flyttat eller dolt täckningen",
    );
    expect(say(entry("cover-reapplied", 7), "sv")).toBe(
      "Klientens bild: täckt igen efter att mötessidan tagit bort, flyttat eller dolt täckningen (7 gånger)",
    );
    expect(say(entry("cover-lost"), "sv")).toBe(
      "Klientens bild: kunde inte hållas täckt – mötessidan visade klientens bild över täckningen",
    );
    expect(say(entry("covered-late"), "sv")).toBe("Klientens bild: täckt när kameran slogs på");
    expect(say(entry("covered-late", 2), "sv")).toBe(
      "Klientens bild: täckt när kameran slogs på (2 gånger)",
    );
  });

  it("says it in English", () => {
    expect(say(entry("cover-reapplied"), "en")).toBe(
      "Client's picture: covered again after the meeting page removed, moved or hid the cover",
    );
    expect(say(entry("cover-reapplied", 7), "en")).toBe(
      "Client's picture: covered again after the meeting page removed, moved or hid the cover (7 times)",
    );
    expect(say(entry("cover-lost", 3), "en")).toBe(
      "Client's picture: could not be kept covered – the meeting page showed the client's picture above the cover (3 times)",
    );
    expect(say(entry("covered-late"), "en")).toBe(
      "Client's picture: covered when the camera came on",
    );
  });

  it("gives the wait box its reason in both languages, with no Swedish in the English", () => {
    for (const reason of ["cover-reapplied", "cover-lost", "covered-late"] as const) {
      for (const count of [1, 4]) {
        const sv = describeCode({ reason, count }, translator("sv"));
        const en = describeCode({ reason, count }, translator("en"));
        expect(sv).not.toMatch(/^code\./);
        expect(en).not.toMatch(/^code\.|kunde|täck|mötessidan|gånger/i);
        if (count > 1) expect(en).toContain(`${count} times`);
      }
    }
    expect(describeCode({ reason: "cover-lost", count: 1 }, translator("sv"))).toBe(
      "Tresteg kunde inte hålla täckningen överst: mötessidan visar klientens bild över den.",
    );
  });
});
