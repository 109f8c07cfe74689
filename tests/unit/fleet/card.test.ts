// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";

// The printable quick-reference card says the routine's phrases as the routine does.
// (jsdom's URL is not Node's, so the file is found from the project root vitest runs in.)

const card = new DOMParser().parseFromString(
  readFileSync(join(process.cwd(), "docs", "card.html"), "utf8"),
  "text/html",
);
const text = (card.body.textContent ?? "").replace(/\s+/g, " ");

describe("the quick-reference card", () => {
  it("has every step with each of its phrases verbatim", () => {
    const quoted = [...card.querySelectorAll(".step")].map((step) => ({
      title: step.querySelector("h2")?.textContent?.replace(/\s+/g, " ").trim(),
      // As printed: HTML shows a line break in the source as a space.
      phrases: [...step.querySelectorAll("q")].map((q) => q.textContent?.replace(/\s+/g, " ")),
    }));
    expect(quoted).toEqual(
      BUILTIN_PACK.steps.map((step) => ({
        title: `${step.number} ${step.title.sv}`,
        phrases: step.phrases.map((p) => p.text),
      })),
    );
  });

  it("says the wait, the screenshot shortcut and the deadlines after the call", () => {
    expect(text).toContain("Jag väntar två minuter medans du tar på dig kläder");
    expect(text).toContain("2:00");
    expect(text).toContain("Alt+Shift+S");
    expect(text).toContain("Inom tio dagar");
    expect(text).toContain("MedControl");
    expect(text).toContain("efter en vecka, tre månader och ett år");
  });
});
