import type { Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "wxt/browser";
import { type Tresteg, chainVerifies, launchTresteg, readDb } from "./harness";
import { PanelPage, until } from "./pages/panel";

// "Kalla på hjälp": one click opens the contact's Teams chat with the message ready, the click
// is logged, and Tresteg itself sends nothing. Teams' address is answered here by the test
// (the request is fulfilled in the browser and never leaves the machine), so the test sees
// exactly what the coach's browser would open.

declare const chrome: typeof Browser;

let app: Tresteg;
const requests: string[] = [];
const opened: string[] = [];

beforeAll(async () => {
  app = await launchTresteg();
  app.context.on("request", (request: Request) => requests.push(request.url()));
  await app.context.route("https://teams.microsoft.com/**", (route) => {
    opened.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/html", body: "<title>Teams</title>" });
  });
  await app.worker.evaluate(async () => {
    await chrome.storage.local.set({
      settingsVersion: 3,
      helpContacts: [
        { role: "manager", name: "Anna Berg", channel: "teams", address: "anna.berg@region.se" },
      ],
    });
  });
});
afterAll(async () => {
  await app?.close();
});

describe("calling for help", () => {
  it("opens the manager's Teams chat with the message, logs the click, and sends nothing itself", async () => {
    const meeting = await app.openMeeting("/tests/e2e/fixtures/platforms/jitsi.html");
    const panel = new PanelPage(await app.openPanel(await app.tabIdOf(meeting)));
    await panel.startAs("Personangrepp");
    await panel.click("Kalla på hjälp");
    const popup = app.context.waitForEvent("page");
    await panel.page.getByRole("link", { name: "chef: Anna Berg – Teams" }).click();
    const teams = await popup;
    await teams.waitForLoadState("domcontentloaded");

    const url = new URL(teams.url());
    expect(`${url.origin}${url.pathname}`).toBe("https://teams.microsoft.com/l/chat/0/0");
    expect(url.searchParams.get("users")).toBe("anna.berg@region.se");
    expect(url.searchParams.get("message")).toMatch(
      /^Jag behöver hjälp i ett pågående videosamtal: Personangrepp, sedan \d\d:\d\d:\d\d\.$/,
    );
    expect(opened).toEqual([teams.url()]);

    const stores = await until(
      "the click logged",
      () => readDb<{ events: Array<Record<string, unknown>> }>(panel.page, "tresteg"),
      (s) => s.events.some((e) => e.type === "help-called"),
    );
    expect(stores.events.at(-1)).toMatchObject({
      type: "help-called",
      role: "manager",
      name: "Anna Berg",
      channel: "teams",
    });
    expect(chainVerifies(stores.events)).toBe(true);
    await panel.page.getByText("Kallade på hjälp: chef Anna Berg, via Teams.").waitFor();

    // Every request went to this machine: the fixture server, the extension, or the Teams
    // page that the test answered inside the browser.
    const local = app.baseUrl;
    const elsewhere = requests.filter(
      (u) =>
        !u.startsWith(`${local}/`) &&
        !u.startsWith("chrome-extension://") &&
        !u.startsWith("data:") &&
        !u.startsWith("blob:") &&
        !opened.includes(u),
    );
    expect(elsewhere).toEqual([]);
  });
});
