import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePdfToText } from "../../scripts/ensure-chromium.mjs";
import { type Tresteg, launchTresteg, readDb } from "./harness";
import { PanelPage, until } from "./pages/panel";

// The report page as the browser prints it (Ctrl+P), not through its own button: the PDF that
// Chromium makes of the page, read back as text with poppler's pdftotext.

const CALM = "Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.";
const END = "Jag avslutar samtalet nu! Du är välkommen att återkomma och boka en ny tid.";
const UNIT = "Hälsocoach online, Regionhälsan Norr";
/** The coach's own account, long enough to take pages. */
const DESCRIPTION = Array.from(
  { length: 40 },
  (_, i) =>
    `${i + 1}. Klienten höjde rösten, kallade mig saker jag inte vill upprepa och sa att hen visste var jag bor.`,
).join("\n");
/** The very end of the report: the last line of its last section (integrity). */
const LAST_LINE = "– det kräver inte Tresteg.";

/** Chrome's print dialog's "default" margins (page.pdf's own default is none). */
const BROWSER_MARGINS = { top: "0.4in", right: "0.4in", bottom: "0.4in", left: "0.4in" };

/** The PDF's text, one string per page (pdftotext ends each page with a form feed). */
function pdfPages(pdftotext: string, file: string): string[] {
  const text = execFileSync(pdftotext, ["-layout", "-enc", "UTF-8", file, "-"], {
    encoding: "utf8",
  });
  // Lines are joined and spaces squeezed, so a sentence broken across two lines still matches.
  return text
    .split("\f")
    .filter((page) => page.trim() !== "")
    .map((page) => page.replace(/\s+/g, " "));
}

describe("the printed report (the browser's own print, to PDF)", () => {
  let app: Tresteg;
  let panel: PanelPage;
  let report: Page;
  let dir: string;
  const pdftotext = ensurePdfToText({ install: false });

  /** Prints the report page as the browser does, to PDF, and returns its pages' text. */
  async function print(name: string): Promise<string[]> {
    await report.evaluate(() => document.fonts.ready);
    const file = join(dir, `${name}.pdf`);
    await writeFile(
      file,
      await report.pdf({ format: "A4", margin: BROWSER_MARGINS, preferCSSPageSize: true }),
    );
    return pdfPages(pdftotext, file);
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tresteg-print-"));
    app = await launchTresteg({ grant: ["<all_urls>"] });
    const meeting = await app.openMeeting("/demo/meeting.html");
    panel = new PanelPage(await app.openPanel(await app.tabIdOf(meeting)));
    await panel.startAs("Personangrepp");
    await panel.say(CALM);
    await panel.click("Ta en skärmdump av mötet");
    await panel.page.locator(".evidence-item img").waitFor();
    await panel.click("Nästa steg: Varning →");
    await panel.click("Nästa steg: Avsluta samtalet →");
    await panel.say(END);
    await panel.click("Samtalet avslutat");
    await panel.click("Avsluta incidenten");
    await panel.page.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
    const description = panel.page.getByRole("textbox", {
      name: "Beskrivning av vad som hände (sakligt)",
    });
    await description.fill(DESCRIPTION);
    const unit = panel.page.getByRole("textbox", { name: "Enhet", exact: true });
    await unit.fill(UNIT);
    await unit.blur();
    await until(
      "the unit stored",
      async () =>
        (await readDb<{ drafts: { edits: { unit: string } }[] }>(panel.page, "tresteg")).drafts,
      (drafts) => drafts[0]?.edits.unit === UNIT,
    );
    const opening = app.context.waitForEvent("page");
    await panel.click("Skriv ut / PDF");
    report = await opening;
    await report.waitForLoadState();
    await report.getByRole("button", { name: "Skriv ut / spara som PDF" }).waitFor();
    await until(
      "the report's screenshot decoded",
      () =>
        report.evaluate(() => {
          // In the page, or in a frame of the page's own (as the report once was).
          const frames = Array.from(document.querySelectorAll("iframe"), (f) => f.contentDocument);
          const images = [document, ...frames].flatMap((doc) => Array.from(doc?.images ?? []));
          return images.length > 0 && images.every((img) => img.complete && img.naturalWidth > 0);
        }),
      (loaded) => loaded,
    );
  });
  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("prints the whole report, down to the last line of its integrity section", async () => {
    const pages = await print("whole");
    const text = pages.join(" ");
    expect(pages.length).toBeGreaterThan(1);
    expect(text).toContain("Kontrollsummor och loggkedja");
    expect(text).toContain(LAST_LINE);
    expect(text).toContain(END);
  });

  it("numbers every page and heads it with the incident and the unit", async () => {
    const pages = await print("numbered");
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`Sida ${i + 1} av ${pages.length}`);
      expect(page, `page ${i + 1}`).toContain(`Enhet: ${UNIT}`);
      expect(page, `page ${i + 1}`).toMatch(/Incidentrapport \d{4}-\d\d-\d\d kl\. \d\d:\d\d/);
    });
  });

  it("leaves out the checklist's internal state unless the coach asks for it", async () => {
    const without = (await print("without-state")).join(" ");
    expect(without).toContain("Checklista efter händelsen");
    expect(without).not.toContain("ej klart");
    await report.getByRole("checkbox", { name: "Ta med checklistans status" }).check();
    await report
      .getByText(/ej klart/)
      .first()
      .waitFor();
    const withState = (await print("with-state")).join(" ");
    expect(withState).toContain("ej klart");
  });
});
