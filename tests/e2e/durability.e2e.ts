import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tresteg, chainVerifies, launchTresteg, readDb } from "./harness";
import { PanelPage } from "./pages/panel";

// Nothing acknowledged is lost: 200 entries by real clicks (phrases, notes, a screenshot), the
// browser killed with SIGKILL at a random moment, restarted on the same profile: every entry
// the panel had shown as done is there, and the chain verifies.

const CALM = "Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.";

let app: Tresteg;
beforeAll(async () => {
  app = await launchTresteg({ grant: ["<all_urls>"] });
});
afterAll(async () => {
  await app?.close();
});

/** The log as stored, and whether its chain verifies link by link. */
async function storedChain(panel: PanelPage) {
  const { events } = await readDb<Record<string, Record<string, unknown>[]>>(panel.page, "tresteg");
  return {
    count: events?.length ?? 0,
    verifies: chainVerifies(events ?? []),
    texts: (events ?? []).map((e) => (e.text ?? e.type) as string),
  };
}

describe("a browser killed mid-incident", () => {
  it("keeps every entry the panel showed as done, with a chain that verifies", async () => {
    const meeting = await app.openMeeting("/demo/meeting.html");
    const tabId = await app.tabIdOf(meeting);
    let panel = new PanelPage(await app.openPanel(tabId));
    await panel.startAs("Personangrepp");
    await panel.expectStep(1, "Lugna ner");
    let shown = 1;
    const note = panel.page.getByRole("textbox", { name: "Anteckning" });
    const killAt = 120 + Math.floor(Math.random() * 70);
    for (let i = 1; i < 200; i++) {
      if (i === killAt) {
        // A click in flight when the browser dies: it may or may not land; it was not shown.
        void panel
          .phrase(CALM)
          .click()
          .catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        break;
      }
      if (i === 60) {
        await panel.click("Ta en skärmdump av mötet");
        await panel.page.locator(".evidence-item img").waitFor();
      } else if (i % 10 === 0) {
        await note.fill(`anteckning ${i}`);
        await note.press("Enter");
        await panel.page
          .locator(".timeline .entry")
          .first()
          .filter({ hasText: `anteckning ${i}` })
          .waitFor();
      } else {
        await panel.say(CALM);
      }
      shown += 1;
    }

    await app.crashAndRestart();
    const again = await app.openMeeting("/demo/meeting.html");
    panel = new PanelPage(await app.openPanel(await app.tabIdOf(again)));
    await panel.expectStep(1, "Lugna ner");
    const chain = await storedChain(panel);
    expect(chain.count).toBeGreaterThanOrEqual(shown);
    expect(chain.count).toBeLessThanOrEqual(shown + 1);
    expect(chain.verifies).toBe(true);
    expect(chain.texts).toContain("screenshot-taken");
    expect(chain.texts).toContain("anteckning 50");
  });
});
