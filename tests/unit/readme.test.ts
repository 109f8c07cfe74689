import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The README tells a coach (and a data protection officer) what deleting cannot reach.
describe("README on deleting", () => {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("What deleting cannot reach"));

  it("names the browser's storage files, the Downloads folder and the browser's history", () => {
    expect(readme).toContain("What deleting cannot reach");
    expect(section).toMatch(/The browser's own storage files\..*until the browser compacts them/s);
    expect(section).toMatch(/The Downloads folder\..*Every export/s);
    expect(section).toMatch(/The browser's history\..*addresses and titles/s);
  });
});
