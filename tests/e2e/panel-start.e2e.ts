import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "wxt/browser";
import { afterEach, describe, expect, it } from "vitest";
import { BUILTIN_PACK } from "../../lib/routine/builtin-pack";
import { panelScripts } from "../../scripts/panel-scripts.mjs";
import { EXTENSION_DIR, launchTresteg, readDb, type Tresteg } from "./harness";

declare const chrome: typeof Browser;

// The side panel reads the settings (with the pack in force) and the coach's language before
// it draws anything, then draws once: the first start button a coach can click is already the
// organisation's, and an incident started with it is stamped with the organisation's pack.

let app: Tresteg | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

type Stores = { sessions: { kinds: string[]; packId: string; status: string }[] };

/** An organisation's pack whose first kind has its own label and id. */
function anOrganisationPack() {
  const own = structuredClone(BUILTIN_PACK);
  own.id = "region-x-hco";
  own.name = { sv: "Region X – hälsocoacher", en: "Region X – health coaches" };
  own.source.documentId = "RX-1";
  const first = own.kinds[0];
  if (!first) throw new Error("the routine's pack has no kinds");
  first.label = { sv: "Kränkande tilltal", en: "Abusive address" };
  return own;
}

describe("the panel's start", () => {
  it("draws before it loads the log's database code", () => {
    // The first draw reads IndexedDB itself (lib/log/first-read.ts); Dexie comes after it.
    // Dexie's name for the event of a committed write is in Dexie's code and in none of ours.
    const { atOpen, later } = panelScripts(EXTENSION_DIR);
    const holdsDexie = (code: Buffer) => code.includes("x-storagemutated-1");
    expect([...later.values()].some(holdsDexie)).toBe(true);
    expect([...atOpen].filter(([, code]) => holdsDexie(code)).map(([file]) => file)).toEqual([]);
  });

  it("offers the organisation's kinds from the first start button, and starts with its pack", async () => {
    app = await launchTresteg();
    const pack = anOrganisationPack();
    await app.worker.evaluate(
      (stored) => chrome.storage.local.set({ phrasePack: stored }),
      pack as unknown as Record<string, unknown>,
    );
    const meeting = await app.openMeeting("/demo/meeting.html");
    const tabId = await app.tabIdOf(meeting);
    // The moment the first start button is on the page, note its label and click it.
    await app.context.addInitScript(() => {
      if (!location.pathname.endsWith("/sidepanel.html")) return;
      const observer = new MutationObserver(() => {
        const button = document.querySelector<HTMLButtonElement>("#app button.kind");
        if (!button) return;
        observer.disconnect();
        (globalThis as { __first?: string | null }).__first = button.textContent;
        button.click();
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const panel = await app.openPanel(tabId);
    await panel.locator("#step-heading").getByText("Steg 1: Lugna ner").waitFor();
    const first = await panel.evaluate(() => (globalThis as { __first?: string | null }).__first);
    expect(first).toBe("Kränkande tilltal");
    const { sessions } = await readDb<Stores>(panel, "tresteg");
    expect(sessions).toEqual([
      expect.objectContaining({
        kinds: [pack.kinds[0]?.id],
        packId: "region-x-hco",
        status: "open",
      }),
    ]);
  });

  it("says what to do when the panel's script cannot be read", async () => {
    app = await launchTresteg({
      // A damaged install: the panel's script is gone.
      damage: async (dir) => {
        const chunks = await readdir(join(dir, "chunks"));
        const panelScript = chunks.find((name) => name.startsWith("sidepanel-"));
        if (!panelScript) throw new Error("the build has no side panel script");
        await rm(join(dir, "chunks", panelScript));
      },
    });
    const meeting = await app.openMeeting("/demo/meeting.html");
    const panel = await app.openPanel(await app.tabIdOf(meeting));
    await panel.waitForLoadState("load");
    expect(await panel.locator("#app").textContent()).toMatch(
      /Om inget visas: stäng panelen och öppna den igen\..*close the panel and open it again\./s,
    );
    expect(await panel.locator("#app button").count()).toBe(0);
  });
});
