import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Panel } from "../../../components/Panel";
import { TrestegDb } from "../../../lib/log/db";
import { createIncidentLog, openSession, sessionEvents } from "../../../lib/log/incident-log";
import { type CaptureDeps, createEvidenceService } from "../../../lib/evidence/capture";
import { createPanelActions } from "../../../lib/panel/actions";
import { fakeCaptureDeps } from "../evidence/fake-capture";
import type { MeetingTab } from "../../../lib/panel/meeting-tab";
import { createPanelStore } from "../../../lib/panel/store";
import { BUILTIN_PACK } from "../../../lib/routine/builtin-pack";

const aMeetingTab = (): MeetingTab => ({
  tabId: 7,
  origin: "https://meet.jit.si",
  title: "Coachning – Klient A",
  platform: "jitsi",
  readable: true,
});

function renderPanel(
  db: TrestegDb,
  options: { capture?: CaptureDeps; grant?: () => Promise<boolean> } = {},
) {
  const store = createPanelStore();
  const log = createIncidentLog(db);
  const actions = createPanelActions({
    log,
    store,
    pack: () => BUILTIN_PACK,
    meetingTab: async () => aMeetingTab(),
    evidence: createEvidenceService(db, log, options.capture ?? fakeCaptureDeps()),
    requestCapturePermission: options.grant ?? (async () => true),
  });
  render(<Panel db={db} pack={BUILTIN_PACK} store={store} actions={actions} tab={aMeetingTab()} />);
  return { store };
}

const CALM = "Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.";
const WARN = "Fortsätter du att vara aggressiv/respektlös kommer jag avsluta samtalet";
const END = "Jag avslutar samtalet nu! Du är välkommen att återkomma och boka en ny tid.";

describe("the side panel", () => {
  let db: TrestegDb;
  beforeEach(() => {
    db = new TrestegDb(`panel-${crypto.randomUUID()}`);
  });
  afterEach(() => {
    cleanup();
    db.close();
  });

  it("starts an incident with one click on a kind, recording the meeting tab", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    expect(await screen.findByRole("heading", { name: "Steg 1: Lugna ner" })).toBeTruthy();
    const session = await openSession(db);
    expect(session).toMatchObject({
      kinds: ["personal-attack"],
      origin: "https://meet.jit.si",
      title: "Coachning – Klient A",
      platform: "jitsi",
      tabId: 7,
    });
  });

  it("shows a phrase as said only once its log entry is committed", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    const phrase = await screen.findByRole("button", { name: CALM });
    expect(phrase.dataset.said).toBe("false");
    fireEvent.click(phrase);
    await waitFor(() => expect(phrase.dataset.said).toBe("true"));
    const session = await openSession(db);
    const events = await sessionEvents(db, session?.id ?? "");
    const said = events.find((e) => e.type === "phrase-said");
    expect(said).toMatchObject({ type: "phrase-said", step: 1, text: CALM });
    expect(screen.getByTestId("status-calm-down").textContent).toMatch(/Sagt \d\d:\d\d:\d\d/);
  });

  it("shows the phrases for the chosen kind first: undressed gets the dress and wait phrases", async () => {
    renderPanel(db);
    fireEvent.click(
      await screen.findByRole("button", {
        name: "Starta incident: Opassande beteende i videosamtalet – Bar överkropp",
      }),
    );
    await screen.findByRole("heading", { name: "Steg 1: Lugna ner" });
    const texts = screen
      .getAllByRole("button")
      .filter((b) => b.classList.contains("phrase"))
      .map((b) => b.textContent);
    expect(texts.slice(0, 2)).toEqual([
      "Jag vill att du klär på dig på överkroppen innan vi fortsätter vårt samtal",
      "Jag väntar två minuter medans du tar på dig kläder",
    ]);
    expect(texts).not.toContain(
      "Jag vill att du parkerar bilen för att vi ska kunna fortsätta med detta samtal",
    );
  });

  it("walks through warning to termination and ends the incident with that outcome", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    fireEvent.click(await screen.findByRole("button", { name: "Nästa steg: Varning →" }));
    fireEvent.click(await screen.findByRole("button", { name: WARN }));
    await waitFor(() =>
      expect(screen.getByRole("button", { name: WARN }).dataset.said).toBe("true"),
    );
    fireEvent.click(screen.getByRole("button", { name: "Nästa steg: Avsluta samtalet →" }));
    fireEvent.click(await screen.findByRole("button", { name: END }));
    await waitFor(() =>
      expect(screen.getByRole("button", { name: END }).dataset.said).toBe("true"),
    );
    fireEvent.click(screen.getByRole("button", { name: "Samtalet avslutat" }));
    fireEvent.click(await screen.findByRole("button", { name: "Avsluta incidenten" }));
    expect(await screen.findByText(/Incidenten avslutades .*coachen/)).toBeTruthy();
    expect(await openSession(db)).toBeUndefined();
    const [ended] = await db.sessions.toArray();
    expect(ended).toMatchObject({ status: "ended", outcome: "terminated" });
    const types = (await sessionEvents(db, ended?.id ?? "")).map((e) => e.type);
    expect(types).toEqual([
      "session-started",
      "step-advanced",
      "phrase-said",
      "step-advanced",
      "phrase-said",
      "terminated",
      "session-ended",
    ]);
  });

  it("offers termination only in step 3 and going back from step 2", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    await screen.findByRole("heading", { name: "Steg 1: Lugna ner" });
    expect(screen.queryByRole("button", { name: "Samtalet avslutat" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Tillbaka till steg/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Nästa steg: Varning →" }));
    fireEvent.click(await screen.findByRole("button", { name: "← Tillbaka till steg 1" }));
    expect(await screen.findByRole("heading", { name: "Steg 1: Lugna ner" })).toBeTruthy();
  });

  it("lists the timeline newest first with clock times", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    fireEvent.click(await screen.findByRole("button", { name: CALM }));
    const timeline = screen.getByRole("region", { name: "Tidslinje" });
    await waitFor(() => expect(within(timeline).getAllByRole("listitem")).toHaveLength(2));
    const entries = within(timeline).getAllByRole("listitem");
    expect(entries[0]?.textContent).toMatch(/^\d\d:\d\d:\d\dSteg 1 – sa: ”Jag vill att du lugnar/);
    expect(entries.at(-1)?.textContent).toMatch(/Incident startad: Personangrepp/);
  });

  it("resumes the open incident when the panel is opened again", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    fireEvent.click(await screen.findByRole("button", { name: "Nästa steg: Varning →" }));
    await screen.findByRole("heading", { name: "Steg 2: Varning" });
    cleanup();
    renderPanel(db);
    expect(await screen.findByRole("heading", { name: "Steg 2: Varning" })).toBeTruthy();
  });

  it("changes the kind of exposure and logs the change", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    fireEvent.click(await screen.findByRole("button", { name: "Ändra sort" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Höjer rösten med hotfull ton" }));
    fireEvent.click(screen.getByRole("button", { name: "Spara sort" }));
    await waitFor(() =>
      expect(screen.getByTestId("kinds").textContent).toBe(
        "Personangrepp, Höjer rösten med hotfull ton",
      ),
    );
    const session = await openSession(db);
    const events = await sessionEvents(db, session?.id ?? "");
    expect(events.at(-1)).toMatchObject({
      type: "kinds-changed",
      kinds: ["personal-attack", "raised-voice"],
    });
  });

  it("switches the panel to English while phrases stay verbatim Swedish", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Byt språk till engelska" }));
    fireEvent.click(await screen.findByRole("button", { name: "Start incident: Personal attack" }));
    expect(await screen.findByRole("heading", { name: "Step 1: Calm down" })).toBeTruthy();
    expect(screen.getByRole("button", { name: CALM })).toBeTruthy();
  });

  it("takes a screenshot in one click and shows it in the evidence strip and the timeline", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    await screen.findByRole("heading", { name: "Steg 1: Lugna ner" });
    fireEvent.click(screen.getByRole("button", { name: "Ta en skärmdump av mötet" }));
    const strip = await screen.findByRole("region", { name: "Bevis" });
    const open = await within(strip).findByRole("button", {
      name: /^Visa skärmdump \d\d:\d\d:\d\d i full storlek$/,
    });
    await waitFor(() => expect(open.querySelector("img")?.getAttribute("src")).toMatch(/^blob:/));
    expect(within(strip).getByText(/1280×720 · SHA-256 [0-9a-f]{12}…/)).toBeTruthy();
    const timeline = screen.getByRole("region", { name: "Tidslinje" });
    await waitFor(() =>
      expect(within(timeline).getAllByRole("listitem")[0]?.textContent).toMatch(
        /Skärmdump 1280×720 av https:\/\/meet\.jit\.si/,
      ),
    );
    expect(await db.evidence.count()).toBe(1);
  });

  it("starts an incident from a screenshot and asks for the kind afterwards", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Ta en skärmdump av mötet" }));
    expect(await screen.findByText(/en incident startades/)).toBeTruthy();
    expect(await screen.findByTestId("kinds")).toHaveProperty("textContent", "Sort ej vald");
    expect(screen.getByRole("group", { name: "Sort av utsatthet" })).toBeTruthy();
  });

  it("explains a missing permission and offers to grant it", async () => {
    let granted = 0;
    renderPanel(db, {
      capture: fakeCaptureDeps({
        captureVisibleTab: async () => {
          throw new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
        },
      }),
      grant: async () => {
        granted++;
        return true;
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Ta en skärmdump av mötet" }));
    expect(await screen.findByRole("alert")).toHaveProperty(
      "textContent",
      expect.stringContaining("Tresteg behöver behörighet att ta skärmdumpar"),
    );
    fireEvent.click(screen.getByRole("button", { name: "Ge behörighet för skärmdumpar" }));
    await waitFor(() => expect(granted).toBe(1));
    await waitFor(() =>
      expect(screen.queryByRole("button", { name: "Ge behörighet för skärmdumpar" })).toBeNull(),
    );
    expect(await db.sessions.count()).toBe(0);
  });

  it("deletes a screenshot only after confirmation, and logs it", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    await screen.findByRole("heading", { name: "Steg 1: Lugna ner" });
    fireEvent.click(screen.getByRole("button", { name: "Ta en skärmdump av mötet" }));
    fireEvent.click(await screen.findByRole("button", { name: /^Radera skärmdump/ }));
    expect((await db.evidence.toArray())[0]?.deletedAt).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Nej, behåll" }));
    fireEvent.click(await screen.findByRole("button", { name: /^Radera skärmdump/ }));
    fireEvent.click(screen.getByRole("button", { name: "Ja, radera" }));
    expect(await screen.findByText(/^Raderad \d\d:\d\d:\d\d$/)).toBeTruthy();
    const session = await openSession(db);
    const events = await sessionEvents(db, session?.id ?? "");
    expect(events.at(-1)?.type).toBe("screenshot-deleted");
  });

  it("saves a note on Enter, tags with one click, and logs the unknown-sender details", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    const note = await screen.findByRole("textbox", { name: "Anteckning" });
    fireEvent.input(note, { target: { value: "Hen sa att hen vet var jag bor" } });
    fireEvent.keyDown(note, { key: "Enter" });
    await waitFor(() => expect((note as HTMLInputElement).value).toBe(""));
    fireEvent.click(screen.getByRole("button", { name: "Markera: Hot om våld" }));
    fireEvent.input(screen.getByRole("textbox", { name: "Dialekt eller brytning" }), {
      target: { value: "göteborgska" },
    });
    fireEvent.input(screen.getByRole("textbox", { name: "Bakgrundsljud" }), {
      target: { value: "trafik, en hund" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Spara detaljerna" }));
    expect(await screen.findByText("Detaljerna loggades.")).toBeTruthy();
    const session = await openSession(db);
    const events = (await sessionEvents(db, session?.id ?? "")).slice(1);
    expect(events.map(({ type, ...rest }) => ({ type, ...pick(rest) }))).toEqual([
      { type: "note", text: "Hen sa att hen vet var jag bor" },
      { type: "tag", tag: "threat-of-violence" },
      { type: "threat-detail", field: "sounds", value: "trafik, en hund" },
      { type: "threat-detail", field: "dialect", value: "göteborgska" },
    ]);
  });
});

function pick(entry: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const key of ["text", "tag", "field", "value"]) if (key in entry) out[key] = entry[key];
  return out;
}
