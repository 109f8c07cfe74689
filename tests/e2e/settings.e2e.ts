import type { Browser } from "wxt/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILTIN_PACK } from "../../lib/routine/builtin-pack";
import { type Tresteg, launchTresteg } from "./harness";
import { PanelPage, until } from "./pages/panel";

declare const chrome: typeof Browser;

// Importing an organisation's phrase pack in the panel's settings, in real Chromium.

let app: Tresteg;
let panel: PanelPage;

beforeAll(async () => {
  app = await launchTresteg();
  const meeting = await app.openMeeting("/demo/meeting.html");
  panel = new PanelPage(await app.openPanel(await app.tabIdOf(meeting)));
  await panel.click("Inställningar");
});
afterAll(async () => {
  await app?.close();
});

const importFile = (name: string, text: string) =>
  panel.page
    .getByLabel("Importera en frasbank (JSON-fil)")
    .setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });

describe("the organisation's phrase pack", () => {
  it("refuses a broken file with the path of what is wrong, and the routine stays", async () => {
    const broken = structuredClone(BUILTIN_PACK) as unknown as Record<string, unknown>;
    (broken.source as Record<string, unknown>).validTo = "snart";
    await importFile("trasig.json", JSON.stringify(broken));
    const problems = panel.page.getByTestId("pack-problems");
    await problems.waitFor();
    expect(await problems.textContent()).toContain("source.validTo");
    expect(await panel.page.getByTestId("pack-in-force").textContent()).toContain(
      "RHS9926-1306825477-79",
    );
  });

  it("uses a valid pack at once, also for the phrases in the steps", async () => {
    const own = structuredClone(BUILTIN_PACK);
    own.id = "region-x-hco";
    own.name = { sv: "Region X – hälsocoacher", en: "Region X – health coaches" };
    own.source.documentId = "RX-1";
    const calm = own.steps[0]?.phrases.find((p) => p.id === "calm-down");
    if (calm) calm.text = "Jag vill att du tar det lugnt så att vi kan prata.";
    await importFile("region-x.json", JSON.stringify(own));
    await panel.page.getByText("Frasbanken Region X – hälsocoacher används nu.").waitFor();
    expect(await panel.page.getByTestId("pack-in-force").textContent()).toContain("RX-1");
    await panel.click("← Tillbaka");
    await panel.startAs("Personangrepp");
    await panel.say("Jag vill att du tar det lugnt så att vi kan prata.");
    // Back to the routine's own pack for whoever comes next.
    await panel.click("Klienten har lugnat sig");
    await panel.click("Avsluta incidenten");
    await panel.click("← Tillbaka");
    await panel.click("Inställningar");
    await panel.click("Återgå till rutinens egen frasbank");
    await panel.page.getByText(/RHS9926-1306825477-79/).waitFor();
  });
});

describe("the organisation's own video platform", () => {
  let granted: Tresteg;
  beforeAll(async () => {
    // The coach's "allow" in Chrome's prompt cannot be clicked from a test: this build holds
    // the optional access already, so the request is answered without a prompt.
    granted = await launchTresteg({ grant: ["<all_urls>"] });
  });
  afterAll(async () => {
    await granted?.close();
  });

  const registered = () =>
    granted.worker.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []),
    );

  it("is added by address, gets the meeting script, and can be removed", async () => {
    const meeting = await granted.openMeeting("/demo/meeting.html");
    const settings = new PanelPage(await granted.openPanel(await granted.tabIdOf(meeting)));
    await settings.click("Inställningar");
    const address = settings.page.getByRole("textbox", { name: "Plattformens adress" });
    await address.fill("http://video.region.se");
    await settings.click("Lägg till");
    await settings.page.getByText("Bara krypterade adresser (https://)").waitFor();
    await address.fill("video.region.se/rum/1");
    await settings.click("Lägg till");
    await settings.page
      .getByText("https://video.region.se behandlas nu som mötesplattform.")
      .waitFor();
    await until("the script registered", registered, (m) =>
      m.includes("https://video.region.se/*"),
    );
    await settings.click("Ta bort https://video.region.se");
    await until("the script gone", registered, (m) => !m.includes("https://video.region.se/*"));
  });
});
