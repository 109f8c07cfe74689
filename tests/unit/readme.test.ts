import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The README's front door points at where the development notes tell a coach (and a data
// protection officer) what deleting cannot reach.
describe("README on deleting", () => {
  const readme = readFileSync("README.md", "utf8");
  const notes = readFileSync("docs/development.md", "utf8");
  const section = notes.slice(notes.indexOf("What deleting cannot reach"));

  it("names the browser's storage files, the Downloads folder and the browser's history", () => {
    expect(readme).toContain("what deleting cannot reach");
    expect(readme).toContain("docs/development.md#where-the-data-lives-and-how-to-delete-it");
    expect(notes).toContain("What deleting cannot reach");
    expect(section).toMatch(/The browser's own storage files\..*until the browser compacts them/s);
    expect(section).toMatch(/The Downloads folder\..*Every export/s);
    expect(section).toMatch(/The browser's history\..*addresses and titles/s);
  });
});
