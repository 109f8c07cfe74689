import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tresteg, launchTresteg } from "./harness";
import { until } from "./pages/panel";
import { clickTrestegIcon, SidePanel } from "./pages/toolbar";

// The shipped build, with no optional permission: what a coach has after installing Tresteg.

let app: Tresteg;
beforeAll(async () => {
  app = await launchTresteg();
});
afterAll(async () => {
  await app?.close();
});

interface PanelState {
  alert: string | null;
  grantOffered: boolean;
  shots: number;
  kinds: string | null;
}

const stateOf = (panel: SidePanel) =>
  panel.evaluate<PanelState>(`(async () => {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open("tresteg");
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const shots = await new Promise((ok) => {
      const req = db.transaction("evidence").objectStore("evidence").count();
      req.onsuccess = () => ok(req.result);
    });
    db.close();
    return {
      alert: document.querySelector("[role=alert]")?.textContent ?? null,
      grantOffered: [...document.querySelectorAll("button")].some(
        (b) => b.textContent.trim() === "Ge behörighet för skärmdumpar",
      ),
      shots,
      kinds: document.querySelector("[data-testid=kinds]")?.textContent ?? null,
    };
  })()`);

describe("the first screenshot of a live incident", () => {
  it("takes the first screenshot of a live incident at once, with no permission prompt", async () => {
    const meeting = await app.openMeeting("/demo/meeting.html");
    await clickTrestegIcon(app, meeting);
    const panel = await SidePanel.find(app);
    try {
      await until(
        "the start buttons in the side panel",
        () => panel.click("Starta incident: Personangrepp"),
        (clicked) => clicked,
      );
      await until(
        "step 1 in the side panel",
        () =>
          panel.evaluate<string | null>(
            `document.querySelector("#step-heading")?.textContent ?? null`,
          ),
        (heading) => heading === "Steg 1: Lugna ner",
      );
      expect(await panel.click("Ta en skärmdump av mötet")).toBe(true);
      const state = await until(
        "the screenshot stored, or a refusal",
        () => stateOf(panel),
        (s) => s.shots > 0 || s.alert !== null,
      );
      expect(state).toMatchObject({ alert: null, grantOffered: false, shots: 1 });
    } finally {
      await panel.close();
    }
  });
});
