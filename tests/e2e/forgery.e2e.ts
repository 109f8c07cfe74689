import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORGED_STORES, type Forgery, forge, restoreStores } from "../shared/forge";
import { type Tresteg, launchTresteg, readDb } from "./harness";
import { PanelPage, until } from "./pages/panel";

// A security review's forgeries on a real incident in the extension's own IndexedDB, each done
// as code in the extension's origin could (every hash after the change recomputed, so the hash
// chain alone still verifies). For each: the draft's integrity section flags it, and the
// verify.html inside the exported ZIP, opened from a file in the browser with every request
// refused, flags it too.

const CALM = "Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.";
const END = "Jag avslutar samtalet nu! Du är välkommen att återkomma och boka en ny tid.";

/** What the draft's integrity section must say, and a line verify.html must mark ✗. */
const FLAGS: Record<Forgery, { draft: RegExp; verifier: RegExp }> = {
  row: {
    draft: /Incidentens sammanfattningsrad stämmer inte med loggkedjan \(status|start/,
    verifier: /✗ Tresteg varnade redan vid exporten: Incidentens sammanfattningsrad stämmer inte/,
  },
  edit: {
    // The edited entry and every one after it, whose hashes the forger recomputed.
    draft: /Signaturen stämmer inte för post [\d, ]+: posten har ändrats efter att den signerades/,
    verifier: /✗ Signaturen stämmer inte för post [\d, ]+/,
  },
  delete: {
    draft: /Signaturen stämmer inte för post [\d, ]+: posten har ändrats/,
    verifier: /✗ Det finns signaturer för poster som saknas i loggen \(post \d+\)/,
  },
  backdate: {
    draft: /Signaturen stämmer inte för post 0, 1, 2/,
    verifier: /✗ Signaturen stämmer inte för post 0, 1, 2/,
  },
  truncate: {
    draft:
      /Det finns signaturer för poster som saknas i loggen \(post \d+\): poster har tagits bort/,
    verifier: /✗ Det finns signaturer för poster som saknas i loggen \(post \d+\)/,
  },
  swap: {
    draft: /Signaturen stämmer inte för post \d+, \d+/,
    verifier: /✗ Signaturen stämmer inte för post \d+, \d+/,
  },
};

describe("forged incidents are flagged by the draft and by verify.html", () => {
  let app: Tresteg;
  let panel: PanelPage;
  let dir: string;
  let sessionId: string;
  let original: Record<string, unknown[]>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tresteg-forgery-"));
    app = await launchTresteg();
    const meeting = await app.openMeeting("/demo/meeting.html");
    panel = new PanelPage(await app.openPanel(await app.tabIdOf(meeting)));
    await panel.startAs("Personangrepp");
    await panel.say(CALM);
    const note = panel.page.getByRole("textbox", { name: "Anteckning" });
    await note.fill("Klienten sa att hen vet var jag bor.");
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
    const stores = await readDb(panel.page, "tresteg");
    sessionId = (stores.sessions?.[0] as { id: string }).id;
    original = Object.fromEntries(FORGED_STORES.map((name) => [name, stores[name] ?? []]));
  });
  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The draft as the coach opens it from the history, its text as the panel shows it. */
  async function draftText(): Promise<string> {
    await panel.page.reload();
    await panel.click("Historik");
    await panel.page
      .getByRole("button", { name: /^Öppna: / })
      .first()
      .click();
    await panel.page.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
    return (await panel.page.getByTestId("draft-text").textContent()) ?? "";
  }

  /** Exports the ZIP, opens its verify.html from a file and checks the ZIP with it. */
  async function verifyHtml(name: string): Promise<{ verdict: string; lines: string[] }> {
    const downloading = panel.page.waitForEvent("download");
    await panel.click("ZIP med allt");
    const zipPath = join(dir, `${name}.zip`);
    await (await downloading).saveAs(zipPath);
    const files = unzipSync(new Uint8Array(await readFile(zipPath)));
    const folder = join(dir, name);
    await mkdir(folder, { recursive: true });
    const page = join(folder, "verify.html");
    await writeFile(page, files["verify.html"] as Uint8Array);
    const checker: Page = await app.context.newPage();
    const requests: string[] = [];
    await checker.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:")) return route.continue();
      requests.push(url);
      return route.abort();
    });
    try {
      await checker.goto(pathToFileURL(page).href);
      await checker.getByLabel("Välj exporten (ZIP eller filerna)").setInputFiles(zipPath);
      await checker.locator("body[data-verdict]").waitFor();
      const verdict = (await checker.locator("body").getAttribute("data-verdict")) ?? "";
      const lines = await checker.locator("#result li").allTextContents();
      expect(requests).toEqual([]);
      return { verdict, lines };
    } finally {
      await checker.close();
    }
  }

  it("a clean export holds in the draft and in verify.html", async () => {
    const text = await draftText();
    expect(text).toMatch(/Alla \d+ poster är signerade med denna installations nyckel/);
    expect(text).not.toMatch(/stämmer inte/);
    const { verdict, lines } = await verifyHtml("clean");
    expect(lines[0]).toBe("✓ Allt som gick att kontrollera håller.");
    expect(verdict).toBe("holds");
    expect(lines.some((l) => l.startsWith("✗"))).toBe(false);
  });

  for (const forgery of Object.keys(FLAGS) as Forgery[]) {
    it(`flags the forgery "${forgery}"`, async () => {
      // Each forgery starts from the incident as it was logged.
      await panel.page.evaluate(restoreStores, { dbName: "tresteg", stores: original });
      await panel.page.evaluate(forge, { dbName: "tresteg", sessionId, forgery });
      const text = await draftText();
      expect(text).toMatch(FLAGS[forgery].draft);
      const { verdict, lines } = await verifyHtml(forgery);
      expect(verdict).toBe("fails");
      expect(lines[0]).toBe("✗ Något håller inte – se raderna markerade ✗.");
      expect(lines.join("\n")).toMatch(FLAGS[forgery].verifier);
    });
  }
});
