import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tresteg, launchTresteg, readDb } from "./harness";
import { PanelPage, until } from "./pages/panel";

// After the call: the draft built from a real incident, the coach's edits stored beside the
// log, every export through the browser's real clipboard, download and print page, and
// deleting the incident from IndexedDB.

const CALM = "Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.";
const END = "Jag avslutar samtalet nu! Du är välkommen att återkomma och boka en ny tid.";

type Stores = Record<string, unknown[]> & {
  sessions: { id: string }[];
  events: { sessionId: string }[];
  evidence: { sessionId: string }[];
  drafts: { sessionId: string; edits: { description: string; policeReportNumber: string } }[];
};

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("the incident draft and its exports", () => {
  let app: Tresteg;
  let meeting: Page;
  let panel: PanelPage;

  beforeAll(async () => {
    app = await launchTresteg({ grant: ["<all_urls>"] });
    meeting = await app.openMeeting("/demo/meeting.html");
    panel = new PanelPage(await app.openPanel(await app.tabIdOf(meeting)));
    // Reading the clipboard back is the test's need, not the coach's: granted for all origins
    // (Chromium refuses to grant it to an extension origin by name).
    await app.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await panel.startAs("Personangrepp");
    await panel.say(CALM);
    await panel.click("Ta en skärmdump av mötet");
    await panel.page.locator(".evidence-item img").waitFor();
    const note = panel.page.getByRole("textbox", { name: "Anteckning" });
    await note.fill("Klienten skrek <script>alert(1)</script>");
    await note.press("Enter");
    await until(
      "note saved",
      () => note.inputValue(),
      (v) => v === "",
    );
    await panel.click("Nästa steg: Varning →");
    await panel.click("Nästa steg: Avsluta samtalet →");
    await panel.say(END);
    await panel.click("Samtalet avslutat");
    await panel.click("Avsluta incidenten");
    await panel.page.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("builds the draft from the log, with the routine's id and the checklist's dates", async () => {
    const text = (await panel.page.getByTestId("draft-text").textContent()) ?? "";
    expect(text).toContain("RHS9926-1306825477-79");
    expect(text).toContain(CALM);
    expect(text).toContain(END);
    expect(text).toContain("Klienten skrek <script>alert(1)</script>");
    const items = await panel.page
      .locator(".check-item")
      .evaluateAll((li) => li.map((x) => x.getAttribute("data-item")));
    expect(items).toContain("call-tracing");
    expect(items).toContain("follow-up-year");
  });

  it("stores the coach's edits beside the log, never in it", async () => {
    const before = (await readDb<Stores>(panel.page, "tresteg")).events.length;
    const description = panel.page.getByRole("textbox", {
      name: "Beskrivning av vad som hände (sakligt)",
    });
    await description.fill("Klienten höjde rösten och hotade.");
    await panel.page
      .getByRole("textbox", { name: "Polisanmälans nummer (K-nummer)" })
      .fill("K123456-26");
    await description.focus();
    await panel.page
      .getByRole("checkbox", { name: /Kontakta/ })
      .first()
      .check();
    const drafts = await until(
      "edits stored",
      async () => (await readDb<Stores>(panel.page, "tresteg")).drafts,
      (d) => d[0]?.edits.policeReportNumber === "K123456-26",
    );
    expect(drafts[0]?.edits.description).toBe("Klienten höjde rösten och hotade.");
    expect((await readDb<Stores>(panel.page, "tresteg")).events.length).toBe(before);
    await until(
      "the draft text shows the K-number",
      async () => (await panel.page.getByTestId("draft-text").textContent()) ?? "",
      (t) => t.includes("K123456-26"),
    );
  });

  it("copies the text for the deviation report to the clipboard", async () => {
    await panel.page.bringToFront();
    await panel.click("Kopiera text");
    await panel.page.getByText("Texten är kopierad").waitFor();
    const copied = await panel.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("RHS9926-1306825477-79");
    expect(copied).toContain("K123456-26");
  });

  it("exports one ZIP whose SHA256SUMS match every file, the PNG included", async () => {
    const downloading = panel.page.waitForEvent("download");
    await panel.click("ZIP med allt");
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^tresteg-\d{4}-\d\d-\d\d-\d{4}\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile((await download.path()) as string)));
    const names = Object.keys(files).sort();
    expect(names).toEqual([
      "SHA256SUMS",
      "log-signatures.jsonl",
      "log.jsonl",
      "public-key.jwk",
      "public-key.pem",
      "report.html",
      "report.json",
      "report.md",
      expect.stringMatching(/^screenshots\/01-\d{6}\.png$/),
      "verify.html",
      "verify.md",
    ]);
    const sums = new TextDecoder().decode(files.SHA256SUMS).trim().split("\n");
    expect(sums).toHaveLength(names.length - 1);
    for (const line of sums) {
      const [hash, path] = line.split(/\s+/);
      expect(sha256(files[path as string] as Uint8Array)).toBe(hash);
    }
    const html = new TextDecoder().decode(files["report.html"]);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const json = JSON.parse(new TextDecoder().decode(files["report.json"]));
    expect(json).toMatchObject({ schema: "tresteg.incident-report", version: 3 });
    const png = files[names[8] as string] as Uint8Array;
    const { evidence } = await readDb<Stores>(panel.page, "tresteg");
    expect(evidence).toHaveLength(1);
    expect(json.screenshots?.[0]?.sha256 ?? JSON.stringify(json)).toContain(sha256(png));
  });

  it("opens a printable report page that shows the screenshot", async () => {
    const opening = app.context.waitForEvent("page");
    await panel.click("Skriv ut / PDF");
    const report = await opening;
    await report.waitForLoadState();
    const shown = report.locator("#report");
    await shown.locator("img").first().waitFor();
    await until(
      "the screenshot decoded in the report",
      () =>
        shown
          .locator("img")
          .first()
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      (w) => w > 0,
    );
    expect(await report.getByRole("button", { name: "Skriv ut / spara som PDF" }).count()).toBe(1);
    await report.close();
  });

  it("deletes the incident from history, log and screenshots included", async () => {
    await panel.click("← Tillbaka");
    await panel.click("Historik");
    const date = panel.page.locator(".history-item strong").first();
    const when = (await date.textContent()) ?? "";
    await panel.click(`Radera: ${when}`);
    await panel.click("Ja, radera");
    await panel.page.getByText("Inga tidigare incidenter.").waitFor();
    const stores = await readDb<Stores>(panel.page, "tresteg");
    expect(stores.sessions).toEqual([]);
    expect(stores.events).toEqual([]);
    expect(stores.evidence).toEqual([]);
    expect(stores.drafts).toEqual([]);
  });
});
