import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainVerifies, launchTresteg, readDb, type Tresteg } from "./harness";
import { PanelPage } from "./pages/panel";

interface StoredEvent {
  sessionId: string;
  seq: number;
  at: number;
  type: string;
  phraseId?: string;
  text?: string;
  prevHash: string;
  hash: string;
}
interface StoredSession {
  id: string;
  status: string;
  outcome: string | null;
  origin: string;
  title: string;
  platform: string;
  kinds: string[];
  endedAt: number | null;
}
type Stores = { sessions: StoredSession[]; events: StoredEvent[] };

const CLOCK = /^\d\d:\d\d:\d\d /;
const CALM = "Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.";
const THREAT_Q = "Ska jag uppfatta det som ett hot?";
const WARN = "Fortsätter du att vara aggressiv/respektlös kommer jag avsluta samtalet";
const END = "Jag avslutar samtalet nu! Du är välkommen att återkomma och boka en ny tid.";

describe("an incident through the three steps, in real Chromium", () => {
  let app: Tresteg;
  let tabId: number;
  let panel: PanelPage;

  beforeAll(async () => {
    app = await launchTresteg();
    const meeting = await app.openMeeting("/demo/meeting.html");
    tabId = await app.tabIdOf(meeting);
    panel = new PanelPage(await app.openPanel(tabId));
  });
  afterAll(async () => {
    await app?.close();
  });

  it("knows the meeting tab it serves", async () => {
    const meeting = panel.page.getByTestId("meeting");
    await expect.poll(() => meeting.textContent()).toContain("Demomöte");
    expect(await meeting.textContent()).toContain(new URL(app.baseUrl).origin);
  });

  it("starts with one click and logs the phrases said in each step", async () => {
    await panel.startAs("Personangrepp");
    await panel.expectStep(1, "Lugna ner");
    await panel.say(CALM);
    await panel.say(THREAT_Q);
    await panel.click("Nästa steg: Varning →");
    await panel.expectStep(2, "Varning");
    await panel.say(WARN);
    await panel.click("Nästa steg: Avsluta samtalet →");
    await panel.expectStep(3, "Avsluta samtalet");
    await panel.say(END);

    const timeline = await panel.timeline();
    expect(timeline).toHaveLength(7);
    for (const line of timeline) expect(line).toMatch(CLOCK);
    expect(timeline[0]).toContain(`Steg 3 – sa: ”${END}”`);
    expect(timeline.at(-1)).toContain("Incident startad: Personangrepp");

    const { sessions, events } = await readDb<Stores>(panel.page, "tresteg");
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      status: "open",
      kinds: ["personal-attack"],
      origin: new URL(app.baseUrl).origin,
      title: "Demomöte – Hälsocoach online",
    });
    const said = events.filter((e) => e.type === "phrase-said").map((e) => e.text);
    expect(said).toEqual([CALM, THREAT_Q, WARN, END]);
    expect(chainVerifies(events as unknown as Record<string, unknown>[])).toBe(true);
  });

  it("resumes the open session after the panel closes and the meeting reloads", async () => {
    await panel.page.close();
    const meeting = app.context.pages().find((p) => p.url().includes("/demo/meeting.html"));
    await meeting?.reload();
    panel = new PanelPage(await app.openPanel(tabId));
    await panel.expectStep(3, "Avsluta samtalet");
    expect(await panel.timeline()).toHaveLength(7);
    expect(await panel.phrase(END).getAttribute("data-said")).toBe("true");
  });

  it("resumes the open session after the browser restarts on the same profile", async () => {
    await app.restart();
    const meeting = await app.openMeeting("/demo/meeting.html");
    tabId = await app.tabIdOf(meeting);
    panel = new PanelPage(await app.openPanel(tabId));
    await panel.expectStep(3, "Avsluta samtalet");
    expect(await panel.timeline()).toHaveLength(7);
  });

  it("terminates in step 3 and ends the session with that outcome", async () => {
    await panel.click("Samtalet avslutat");
    await panel.click("Avsluta incidenten");
    // The draft comes at once, built from the log.
    await panel.page.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
    const draft = await panel.page.getByTestId("draft-text").textContent();
    expect(draft).toContain("RHS9926-1306825477-79");
    expect(draft).toContain(END);
    // Back from the draft, the start view is there for the next incident.
    await panel.click("← Tillbaka");
    await expect
      .poll(() => panel.page.locator(".ended-summary").textContent())
      .toMatch(/Incidenten avslutades \d\d:\d\d:\d\d: Samtalet avslutades av coachen/);
    await panel.page.getByRole("heading", { name: "Starta incident" }).waitFor();

    const { sessions, events } = await readDb<Stores>(panel.page, "tresteg");
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ status: "ended", outcome: "terminated" });
    expect(sessions[0]?.endedAt).toBeGreaterThan(0);
    const types = events.sort((a, b) => a.seq - b.seq).map((e) => e.type);
    expect(types.slice(-2)).toEqual(["terminated", "session-ended"]);
    expect(chainVerifies(events as unknown as Record<string, unknown>[])).toBe(true);
  });
});
