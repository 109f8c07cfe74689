import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { launchTresteg, readDb, type Tresteg } from "./harness";

// The side panel's first view comes with its page: the start buttons are drawn from the page's
// own templates by a classic script, before any module has run, and a click on one then is
// carried out once the panel has loaded (lib/panel/first-view-boot.ts).

let app: Tresteg | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

type Stores = { sessions: { kinds: string[]; status: string }[] };
type Seen = { modules: number; handedOver: boolean; label: string | null };

describe("the panel's first view", () => {
  it("offers the start before any module has run, and carries out a start clicked then", async () => {
    app = await launchTresteg();
    const meeting = await app.openMeeting("/demo/meeting.html");
    const tabId = await app.tabIdOf(meeting);
    // A first panel reads the log and notes that no incident is open.
    const first = await app.openPanel(tabId);
    await first.getByRole("button", { name: "Starta incident: Personangrepp" }).waitFor();
    await first.close();

    // The next panel: the moment a start button is on the page, note what has run, and click.
    await app.context.addInitScript(() => {
      if (!location.pathname.endsWith("/sidepanel.html")) return;
      const observer = new MutationObserver(() => {
        const button = document.querySelector<HTMLButtonElement>(
          '#app button.kind[aria-label="Starta incident: Personangrepp"]',
        );
        if (!button) return;
        observer.disconnect();
        (globalThis as { __seen?: Seen }).__seen = {
          modules: document.querySelectorAll('script[type="module"]').length,
          handedOver: "__trestegFirstView" in globalThis,
          label: button.textContent,
        };
        button.click();
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const panel = await app.openPanel(tabId);
    await panel.locator("#step-heading").getByText("Steg 1: Lugna ner").waitFor();
    const seen = await panel.evaluate(() => (globalThis as { __seen?: Seen }).__seen);
    expect(seen).toEqual({ modules: 0, handedOver: true, label: "Personangrepp" });
    // Taken over: the module has run since, and the click was carried out, once.
    expect(await panel.locator('script[type="module"]').count()).toBe(1);
    const { sessions } = await readDb<Stores>(panel, "tresteg");
    expect(sessions).toEqual([
      expect.objectContaining({ kinds: ["personal-attack"], status: "open" }),
    ]);
  });

  it("says so, with what to do, when the panel's module cannot be read", async () => {
    app = await launchTresteg({
      // A damaged install: the module the page's classic script names is gone.
      damage: async (dir) => {
        const html = await readFile(join(dir, "sidepanel.html"), "utf8");
        const module = /data-panel-module="\/([^"]+)"/.exec(html)?.[1];
        if (!module) throw new Error("sidepanel.html names no panel module");
        await rm(join(dir, module));
      },
    });
    const meeting = await app.openMeeting("/demo/meeting.html");
    const panel = await app.openPanel(await app.tabIdOf(meeting));
    const alert = panel.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^Det gick inte: Panelen kunde inte laddas \(\/chunks\/sidepanel-[\w-]+\.js\)\. Stäng panelen och öppna den igen\.$/,
    );
  });
});
