// Tresteg's core flow in real Firefox (the MV2 build, as a coach on Firefox would run it): the
// same steps and names as tests/e2e/incident.e2e.ts in Chromium.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainVerifies, type FirefoxTresteg, launchFirefoxTresteg, readDb } from "./harness";
import { PanelPage, until } from "./panel";

interface StoredEvent {
  sessionId: string;
  seq: number;
  at: number;
  type: string;
  step?: number;
  from?: number;
  to?: number;
  text?: string;
  outcome?: string;
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
  tabId: number | null;
  endedAt: number | null;
}
interface StoredHead {
  sessionId: string;
  length: number;
  headHash: string;
}
type Stores = { sessions: StoredSession[]; events: StoredEvent[]; heads: StoredHead[] };

const CLOCK = /^\d\d:\d\d:\d\d /;
const CALM = "Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.";
const WARN = "Fortsätter du att vara aggressiv/respektlös kommer jag avsluta samtalet";
const ROUTINE_ID = "RHS9926-1306825477-79";

describe("an incident through the three steps, in real Firefox", () => {
  let app: FirefoxTresteg;
  let tabId: number;
  let panel: PanelPage;

  beforeAll(async () => {
    app = await launchFirefoxTresteg();
    const meeting = await app.openMeeting("/demo/meeting.html");
    tabId = await app.tabIdOf(meeting);
    panel = new PanelPage(await app.openPanel(tabId));
  });
  afterAll(async () => {
    await app?.close();
  });

  it("knows the meeting tab it serves", async () => {
    const line = await until(
      "the meeting line",
      () => panel.text('[data-testid="meeting"]'),
      (text) => text?.includes("Demomöte") ?? false,
    );
    expect(line).toContain(new URL(app.baseUrl).origin);
    await panel.waitForHeading("Starta incident");
  });

  it("starts with one click and logs each phrase and step as it happens", async () => {
    await panel.startAs("Personangrepp");
    await panel.expectStep(1, "Lugna ner");
    expect(await panel.timelineOf(1)).toEqual([expect.stringMatching(CLOCK)]);
    expect((await panel.timeline())[0]).toMatch(/ Incident startad: Personangrepp$/);

    expect(await panel.say(CALM)).toMatch(/Sagt \d\d:\d\d:\d\d$/);
    expect((await panel.timelineOf(2))[0]).toContain(`Steg 1 – sa: ”${CALM}”`);

    await panel.click("Nästa steg: Varning →");
    await panel.expectStep(2, "Varning");
    expect((await panel.timelineOf(3))[0]).toContain("Gick till steg 2: Varning");

    await panel.say(WARN);
    expect((await panel.timelineOf(4))[0]).toContain(`Steg 2 – sa: ”${WARN}”`);

    await panel.click("Nästa steg: Avsluta samtalet →");
    await panel.expectStep(3, "Avsluta samtalet");
    expect((await panel.timelineOf(5))[0]).toContain("Gick till steg 3: Avsluta samtalet");

    await panel.click("Samtalet avslutat");
    await until(
      "the terminated banner",
      () => panel.text(".outcome.terminated .banner"),
      (text) => text === "Samtalet är avslutat.",
    );
    const timeline = await panel.timelineOf(6);
    expect(timeline[0]).toMatch(/ Samtalet avslutat$/);
    for (const line of timeline) expect(line).toMatch(CLOCK);
    // The way out of the meeting is offered now, and only now.
    await panel.button("Lägg på i mötet").wait();
  });

  it("ends the incident: the draft opens at once, then the start view for the next one", async () => {
    await panel.click("Avsluta incidenten");
    await panel.waitForHeading("Incidentutkast – ", { prefix: true });
    const draft = await until(
      "the draft text",
      () => panel.text('[data-testid="draft-text"]'),
      (text) => (text?.length ?? 0) > 0,
    );
    expect(draft).toContain(ROUTINE_ID);
    expect(draft).toContain(CALM);
    expect(draft).toContain(WARN);

    await panel.click("← Tillbaka");
    const summary = await until(
      "the ended summary",
      () => panel.text(".ended-summary"),
      (text) => text !== null,
    );
    expect(summary).toMatch(/Incidenten avslutades \d\d:\d\d:\d\d: Samtalet avslutades av coachen/);
    await panel.waitForHeading("Starta incident");
  });

  it("stored every step in order, in a hash chain that verifies", async () => {
    const { sessions, events, heads } = await readDb<Stores>(app.console, "tresteg");
    expect(sessions).toHaveLength(1);
    const [session] = sessions;
    expect(session).toMatchObject({
      status: "ended",
      outcome: "terminated",
      kinds: ["personal-attack"],
      origin: new URL(app.baseUrl).origin,
      title: "Demomöte – Hälsocoach online",
      tabId,
    });
    expect(session?.endedAt).toBeGreaterThan(0);

    const log = [...events].sort((a, b) => a.seq - b.seq);
    expect(log.map((e) => e.type)).toEqual([
      "session-started",
      "phrase-said",
      "step-advanced",
      "phrase-said",
      "step-advanced",
      "terminated",
      "session-ended",
    ]);
    expect(log.filter((e) => e.type === "phrase-said").map((e) => [e.step, e.text])).toEqual([
      [1, CALM],
      [2, WARN],
    ]);
    expect(log.filter((e) => e.type === "step-advanced").map((e) => [e.from, e.to])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(log.at(-1)?.outcome).toBe("terminated");
    for (const [i, entry] of log.entries()) {
      expect(entry.sessionId).toBe(session?.id);
      if (i > 0) expect(entry.at).toBeGreaterThanOrEqual(log[i - 1]?.at ?? Infinity);
    }

    const rows = log as unknown as Record<string, unknown>[];
    expect(chainVerifies(rows)).toBe(true);
    // The check can fail: one changed word in a logged phrase breaks the chain.
    const tampered = rows.map((row) => ({ ...row }));
    (tampered[1] as { text: string }).text = CALM.replace("lugnar", "lugna");
    expect(chainVerifies(tampered)).toBe(false);
    // The chain head kept beside the log points at its last entry.
    expect(heads).toEqual([{ sessionId: session?.id, length: 7, headHash: log.at(-1)?.hash }]);
  });
});
