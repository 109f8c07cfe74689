import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tresteg, launchTresteg, readDb } from "./harness";
import { PanelPage, until } from "./pages/panel";

// Two panels on the same meeting (the side panel and a detached window, say): one incident,
// every click from either kept, in one chain.

type Stores = Record<string, unknown[]> & {
  sessions: { id: string; status: string }[];
  events: {
    sessionId: string;
    seq: number;
    type: string;
    prevHash: string;
    hash: string;
    phraseId?: string;
  }[];
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
    // Each panel clicks its own phrase ten times, each click waiting until its panel shows
    // it done ("Sagt n gånger" counts only that phrase, so only that panel's clicks); the two
    // panels do this at the same time, so their writes race for the chain head.
    const tenClicks = (panel: PanelPage, phraseId: string) =>
      panel.page.evaluate(async (phraseId) => {
        const button = document.querySelector(
          `button[data-phrase-id="${phraseId}"]`,
        ) as HTMLElement;
        const status = document.getElementById(`said-${phraseId}`) as HTMLElement;
        for (let i = 1; i <= 10; i++) {
          const done = i === 1 ? /^✓ Sagt \d/ : new RegExp(`^✓ Sagt ${i} gånger`);
          await new Promise<void>((resolve) => {
            const observer = new MutationObserver(() => {
              if (done.test(status.textContent ?? "")) {
                observer.disconnect();
                resolve();
              }
            });
            observer.observe(status, { childList: true, characterData: true, subtree: true });
            button.click();
          });
        }
      }, phraseId);
    await Promise.all([tenClicks(a, "calm-down"), tenClicks(b, "calm-down-explain")]);
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
    expect(said).toBe(20);
    const texts = ordered.flatMap((e) => (e.type === "phrase-said" ? [e.phraseId] : []));
    expect(texts.filter((id) => id === "calm-down")).toHaveLength(10);
    expect(texts.filter((id) => id === "calm-down-explain")).toHaveLength(10);
  });
});
