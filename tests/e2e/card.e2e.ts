import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureChromium } from "../../scripts/ensure-chromium.mjs";
import { REPO_ROOT } from "./harness";

// The quick-reference card is printed with Chromium's own print to PDF, as a coach would
// print it, and must fit one A4 page. poppler's pdfinfo and pdftotext read the PDF.

let dir: string;
let pdf: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tresteg-card-"));
  pdf = join(dir, "card.pdf");
  const browser = await chromium.launch({
    executablePath: ensureChromium({ install: false }),
    args: ["--no-sandbox", "--headless=new"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(REPO_ROOT, "docs", "card.html")).href);
    // preferCSSPageSize: the card's own @page (A4, its margins), as the print dialog uses it.
    await writeFile(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  } finally {
    await browser.close();
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (tool: string, ...args: string[]) => {
  const result = spawnSync(tool, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr}`);
  return result.stdout;
};

describe("the quick-reference card, printed", () => {
  it("is one A4 page", () => {
    const info = run("pdfinfo", pdf);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:.*\(A4\)$/m);
  });

  it("keeps the last deadline on that page", () => {
    const text = run("pdftotext", "-layout", pdf, "-").replace(/\s+/g, " ");
    // The key caps print with spaces around the plus signs.
    expect(text).toMatch(/Alt \+ Shift \+ S/);
    expect(text).toMatch(/Alt \+ Shift \+ V/);
    expect(text).toContain("efter en vecka, tre månader och ett år");
  });
});
