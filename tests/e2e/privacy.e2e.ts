import { readFile } from "node:fs/promises";
import type { Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tresteg, launchTresteg } from "./harness";
import { PanelPage } from "./pages/panel";

// Nothing leaves the machine: every request made while a whole incident runs and is exported
// goes to the local fixture server or to the extension itself.

const CALM = "Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.";

let app: Tresteg;
const requests: string[] = [];

beforeAll(async () => {
  app = await launchTresteg({ grant: ["<all_urls>"] });
  const record = (request: Request) => requests.push(request.url());
  app.context.on("request", record);
});
afterAll(async () => {
  await app?.close();
});

function allowed(url: string, local: string, extension: string) {
  return (
    url.startsWith(`${local}/`) ||
    url.startsWith(`chrome-extension://${extension}/`) ||
    url.startsWith("data:") ||
    url.startsWith("blob:")
  );
}

describe("no network", () => {
  it("has no way to send in the worker or the meeting script (where requests are not observed)", async () => {
    // Playwright sees the pages' requests, not the service worker's or a content script's
    // own; so these two are checked for any API that can send.
    for (const file of ["background.js", "content-scripts/meeting.js"]) {
      const code = await readFile(
        new URL(`../../.output/chrome-mv3-dev/${file}`, import.meta.url),
        "utf8",
      );
      expect(code, file).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource/);
    }
  });

  it("makes no request beyond this machine through a whole incident and its export", async () => {
    const meeting = await app.openMeeting("/tests/e2e/fixtures/platforms/jitsi.html");
    const panel = new PanelPage(await app.openPanel(await app.tabIdOf(meeting)));
    await panel.startAs("Personangrepp");
    await panel.say(CALM);
    await panel.click("Pausa 2 min");
    await panel.page.locator('.mute-status [data-result="done"]').nth(3).waitFor();
    await panel.click("Gå till varning");
    await panel.expectStep(2, "Varning");
    await panel.click("Ta en skärmdump av mötet");
    await panel.page.locator(".evidence-item img").waitFor();
    await panel.click("Nästa steg: Avsluta samtalet →");
    await panel.click("Samtalet avslutat");
    await panel.click("Avsluta incidenten");
    await panel.page.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
    const downloading = panel.page.waitForEvent("download");
    await panel.click("ZIP med allt");
    const zip = await readFile((await (await downloading).path()) as string);
    expect(zip.byteLength).toBeGreaterThan(1000);
    const opening = app.context.waitForEvent("page");
    await panel.click("Skriv ut / PDF");
    const report = await opening;
    await report.locator("#report img").first().waitFor();

    const local = new URL(app.baseUrl).origin;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !allowed(url, local, app.extensionId))).toEqual([]);
  });
});
