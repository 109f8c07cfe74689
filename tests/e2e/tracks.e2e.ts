import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tresteg, launchTresteg, readDb } from "./harness";
import { PanelPage, until } from "./pages/panel";

// The self-harm track and practice mode in real Chromium, read back from IndexedDB.

type Stores = Record<string, unknown[]> & {
  sessions: { id: string; practice?: boolean; status: string; platform: string }[];
  events: { sessionId: string; seq: number; type: string; field?: string; practice?: boolean }[];
};

let app: Tresteg;
let panel: PanelPage;

beforeAll(async () => {
  app = await launchTresteg();
  const meeting = await app.openMeeting("/demo/meeting.html");
  panel = new PanelPage(await app.openPanel(await app.tabIdOf(meeting)));
});
afterAll(async () => {
  await app?.close();
});

async function endAndGoBack(button: string) {
  await panel.click(button);
  await panel.page.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
  await panel.click("← Tillbaka");
  await panel.page.getByRole("heading", { name: "Starta incident" }).waitFor();
}

describe("the self-harm track", () => {
  it("guides, records and calls 112 instead of the three steps, and can switch", async () => {
    await panel.startAs("Hotar med våld mot sig själv");
    const track = panel.page.getByRole("region", { name: "Hot om våld mot sig själv" });
    await track.waitFor();
    const name = track.getByRole("textbox", { name: "Namn" });
    await name.fill("Kim");
    await name.press("Enter");
    await until(
      "the name saved",
      () => name.inputValue(),
      (v) => v === "",
    );
    await track.getByRole("button", { name: "Vårdcentralen" }).click();
    await track.getByRole("button", { name: "Akut – ring 112" }).click();
    await track.getByRole("alert").waitFor();
    await track.getByRole("button", { name: "Jag har ringt 112" }).click();
    await track
      .getByRole("status")
      .filter({ hasText: /^112 ringt / })
      .waitFor();
    await panel.click("Samtalet blir hotfullt – byt till trestegsrutinen");
    await panel.expectStep(1, "Lugna ner");
    const { events } = await readDb<Stores>(panel.page, "tresteg");
    expect(events.sort((a, b) => a.seq - b.seq).map((e) => e.type)).toEqual([
      "session-started",
      "self-harm-detail",
      "referral",
      "emergency-reminder",
      "emergency-call",
      "track-switched",
    ]);
    await panel.click("Klienten har lugnat sig");
    await endAndGoBack("Avsluta incidenten");
  });

  it("logs the 112 reminder as shown, the call only when confirmed, and stays in the track when the client calms down", async () => {
    await panel.startAs("Hotar med våld mot sig själv");
    const track = panel.page.getByRole("region", { name: "Hot om våld mot sig själv" });
    await track.waitFor();
    const phone = track.getByRole("textbox", { name: "Telefonnummer" });
    await phone.fill("070-123 45 67");
    await phone.press("Enter");
    await until(
      "the phone number saved",
      () => phone.inputValue(),
      (v) => v === "",
    );
    await track.getByRole("button", { name: "Akut – ring 112" }).click();
    const confirm = track.getByRole("button", { name: "Jag har ringt 112" });
    await confirm.waitFor();
    await until(
      "the reminder in the timeline, not the call",
      () => panel.timeline(),
      (lines) =>
        lines.some((l) =>
          l.includes("påminnelsen om 112 visades; inget samtal till 112 bekräftat"),
        ) && !lines.some((l) => l.includes("112 ringt")),
    );
    await confirm.click();
    await until(
      "the confirmed call in the timeline",
      () => panel.timeline(),
      (lines) => lines.some((l) => l.includes("Akut – 112 ringt (bekräftat av coachen)")),
    );
    await track.getByRole("button", { name: "Klienten har lugnat sig" }).click();
    await track.getByText(/Du kan fortsätta dokumentera/).waitFor();
    expect(await panel.page.locator("#step-heading").count()).toBe(0);
    expect(await track.isVisible()).toBe(true);

    await panel.click("Avsluta incidenten");
    await panel.page.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
    const text = (await panel.page.getByTestId("draft-text").textContent()) ?? "";
    const section = text.slice(text.indexOf("HOT OM VÅLD MOT SIG SJÄLV"));
    expect(text).toContain("HOT OM VÅLD MOT SIG SJÄLV");
    expect(section).toContain("Telefonnummer: 070-123 45 67");
    expect(section).toContain("Akut – 112 ringt (bekräftat av coachen)");
    expect(text).not.toContain("Högsta steg");
    expect(text).not.toContain("Klientens identitet anges inte i utkastet");
    await panel.click("← Tillbaka");
    await panel.page.getByRole("heading", { name: "Starta incident" }).waitFor();
  });
});

describe("practice mode", () => {
  it("keeps practice apart from real incidents, in the panel and in the database", async () => {
    await panel.page.getByRole("checkbox", { name: /^Övningsläge/ }).check();
    const opened = app.context.waitForEvent("page", (p) => p.url().endsWith("/practice.html"));
    await panel.click("Starta övning: Personangrepp");
    await panel.page.getByTestId("practice-banner").waitFor();
    // Practice happens on Tresteg's own practice meeting, in a tab of its own, never beside
    // the real call the panel was opened for.
    const practiceMeeting = await opened;
    await practiceMeeting.getByRole("heading", { name: "Övningsmöte – Tresteg" }).waitFor();
    expect(await panel.page.getByTestId("meeting").textContent()).toContain("Övningsmöte");
    // The wait works there as on a real call: the coach's mic and camera off, client covered.
    await panel.click("Pausa 2 min");
    const state = () => practiceMeeting.evaluate(() => ({ ...document.body.dataset }));
    await until(
      "the practice meeting's mic and camera off",
      state,
      (s) => s.mic === "off" && s.camera === "off",
    );
    await until(
      "the practice client covered",
      () => practiceMeeting.locator("[data-tresteg-cover]").count(),
      (n) => n > 0,
    );
    await panel.click("Fortsätt samtalet");
    await until("mic and camera back on", state, (s) => s.mic === "on" && s.camera === "on");
    await endAndGoBack("Avsluta övningen");
    await panel.click("Historik");
    await panel.page.getByRole("region", { name: "Övningar" }).waitFor();
    const { sessions, events } = await readDb<Stores>(panel.page, "tresteg");
    const practice = sessions.filter((s) => s.practice === true);
    expect(practice).toHaveLength(1);
    expect(practice[0]?.platform).toBe("practice");
    // The real ones: the two self-harm incidents above.
    expect(sessions.filter((s) => s.practice !== true)).toHaveLength(2);
    const started = events.find((e) => e.sessionId === practice[0]?.id && e.seq === 0);
    expect(started).toMatchObject({ type: "session-started", practice: true });
  });
});
