import { afterEach, describe, expect, it } from "vitest";
import { type Tresteg, launchTresteg } from "./harness";
import { PanelPage } from "./pages/panel";

// The panel's words come from the browser's i18n (_locales): it speaks the browser's language,
// and the coach can switch, which reads the other language's file and is remembered.

let app: Tresteg | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function panelIn(lang: string) {
  app = await launchTresteg({ lang });
  const meeting = await app.openMeeting("/demo/meeting.html");
  return new PanelPage(await app.openPanel(await app.tabIdOf(meeting)));
}

describe("the panel's language", () => {
  it("is English in an English browser, and the phrases stay the routine's Swedish", async () => {
    const panel = await panelIn("en-US");
    await panel.page.getByRole("button", { name: "Start incident: Personal attack" }).click();
    await panel.page.locator("#step-heading").getByText("Step 1: Calm down").waitFor();
    expect(await panel.page.locator("html").getAttribute("lang")).toBe("en");
    await panel.say("Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.");
    expect((await panel.timeline())[0]).toMatch(
      /^\d\d:\d\d:\d\d Step 1 – said: “Jag vill att du lugnar ner dig/,
    );
  });

  it("is Swedish in a browser of any other language", async () => {
    const panel = await panelIn("de-DE");
    await panel.page.getByRole("button", { name: "Starta incident: Personangrepp" }).waitFor();
  });

  it("switches to the other language at once and keeps the choice for the next panel", async () => {
    const panel = await panelIn("sv-SE");
    await panel.click(/Byt språk till engelska/);
    await panel.page.getByRole("button", { name: "Start incident: Personal attack" }).waitFor();
    const tabId = await app!.tabIdOf(app!.context.pages().find((p) => p.url().includes("/demo/"))!);
    await panel.page.close();
    const again = new PanelPage(await app!.openPanel(tabId));
    await again.page.getByRole("button", { name: "Start incident: Personal attack" }).waitFor();
    await again.click(/Switch language to Swedish/);
    await again.page.getByRole("button", { name: "Starta incident: Personangrepp" }).waitFor();
  });
});
