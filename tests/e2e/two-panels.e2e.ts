import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tresteg, launchTresteg, readDb } from "./harness";
import { PanelPage, until } from "./pages/panel";

// Two panels on the same meeting (the side panel and a detached window, say): one incident,
// every click from either kept, in one chain.

type Stores = Record<string, unknown[]> & {
  sessions: { id: string; status: string }[];
  events: { sessionId: string; seq: number; type: string; prevHash: string; hash: string }[];
};

let app: Tresteg;
beforeAll(async () => {
  app = await launchTresteg();
});
afterAll(async () => {
  await app?.close();
});

describe("two panels on one meeting", () => {
  it("share one incident and lose no click from either", async () => {
    const meeting = await app.openMeeting("/demo/meeting.html");
    const tabId = await app.tabIdOf(meeting);
    const a = new PanelPage(await app.openPanel(tabId));
    const b = new PanelPage(await app.openPanel(tabId));
    // Both start at the same moment (clicked in the pages, not waiting for each other): one
    // incident results and both panels show it. A panel whose start view is already gone
    // (the other's incident arrived first) has nothing to click, as for a coach.
    const clickStart = (panel: PanelPage) =>
      panel.page.evaluate(() =>
        (
          document.querySelector(
            '[aria-label="Starta incident: Personangrepp"]',
          ) as HTMLElement | null
        )?.click(),
      );
    await Promise.all(
      [a, b].map((p) => p.page.getByRole("heading", { name: "Starta incident" }).waitFor()),
    );
    await Promise.all([clickStart(a), clickStart(b)]);
    await a.expectStep(1, "Lugna ner");
    await b.expectStep(1, "Lugna ner");
    // Each panel clicks ten times, each click waiting until its panel shows it done; the two
    // panels do this at the same time, so their writes race for the chain head.
    const tenClicks = (panel: PanelPage) =>
      panel.page.evaluate(async () => {
        const button = document.querySelector('button[data-phrase-id="calm-down"]') as HTMLElement;
        for (let i = 0; i < 10; i++) {
          // Busy while the write is in flight, then not: only then is the click committed.
          await new Promise<void>((resolve) => {
            let seenBusy = false;
            const observer = new MutationObserver(() => {
              if (button.getAttribute("aria-busy") === "true") seenBusy = true;
              else if (seenBusy) {
                observer.disconnect();
                resolve();
              }
            });
            observer.observe(button, { attributes: true, attributeFilter: ["aria-busy"] });
            button.click();
          });
        }
      });
    await Promise.all([tenClicks(a), tenClicks(b)]);
    const { sessions, events } = await until(
      "both panels' clicks stored",
      () => readDb<Stores>(a.page, "tresteg"),
      (s) => s.events.filter((e) => e.type === "phrase-said").length >= 20,
    );
    expect(sessions).toHaveLength(1);
    const ordered = events.sort((x, y) => x.seq - y.seq);
    expect(ordered.map((e) => e.seq)).toEqual(ordered.map((_, i) => i));
    for (let i = 1; i < ordered.length; i++) {
      expect(ordered[i]?.prevHash).toBe(ordered[i - 1]?.hash);
    }
    // Each panel shows every entry, whoever wrote it.
    const said = ordered.filter((e) => e.type === "phrase-said").length;
    await until(
      "panel A up to date",
      () => a.timeline(),
      (t) => t.length === ordered.length,
    );
    await until(
      "panel B up to date",
      () => b.timeline(),
      (t) => t.length === ordered.length,
    );
    expect(said).toBeGreaterThan(0);
  });
});
