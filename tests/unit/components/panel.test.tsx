import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { tableLanguages } from "../../../lib/i18n/languages";
import { en, sv } from "../../../lib/i18n/messages";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Panel } from "../../../components/Panel";
import { TrestegDb } from "../../../lib/log/db";
import { openSession, sessionEvents } from "../../../lib/log/incident-log";
import type { CaptureDeps } from "../../../lib/evidence/capture";
import { createPanelApp } from "../../../lib/panel/app";
import { FAKE_PNG_BYTES, fakeCaptureDeps } from "../evidence/fake-capture";
import type { MeetingTab } from "../../../lib/panel/meeting-tab";
import type { MeetingPort } from "../../../lib/panel/meeting-port";
import { createPanelStore } from "../../../lib/panel/store";
import { type OpenAtStart, readOpenAtFirstDraw } from "../../../lib/log/first-read";
import type { LogStorage } from "../../../lib/log/storage";
import { liveQuery } from "dexie";
import { ROUTINE_SETTINGS, type Settings, type SettingsStorage } from "../../../lib/settings";
import { sessionOfAlarm } from "../../../lib/worker/wait-alarm";
import type { ActionReport, ProbeReport } from "../../../lib/messages";
import { MUTE_TARGETS, type MuteTarget } from "../../../lib/log/events";
import type { HelpContact } from "../../../lib/help/contacts";

const aMeetingTab = (): MeetingTab => ({
  tabId: 7,
  origin: "https://meet.jit.si",
  title: "Coachning – Klient A",
  platform: "jitsi",
  readable: true,
});
const aPracticeTab = (): MeetingTab => ({
  tabId: 77,
  origin: "chrome-extension://tresteg",
  title: "Övningsmöte – Tresteg",
  platform: "practice",
  readable: true,
});

const MIC_MISSING = { reason: "control-not-found", control: "mic", want: "off" } as const;

/** A meeting whose page can do some things and not others, recording what was asked. */
function aFakeMeeting(
  can: Partial<Record<string, ActionReport>> = {},
  /** What the page's probe finds; null: the page does not answer. */
  page: ProbeReport | null = null,
) {
  const calls: string[] = [];
  /** How many times the panel probed the page (probing only reads it, never clicks). */
  const probes = { count: 0 };
  const answer = (key: string): ActionReport => can[key] ?? { result: "done" };
  const port: MeetingPort = {
    muteTab: async (_tabId, muted) => {
      calls.push(`tab:${muted ? "mute" : "unmute"}`);
      return answer(`tab:${muted}`);
    },
    send: async (_tabId, request) => {
      const key =
        request.type === "meeting:set-own"
          ? `${request.device}:${request.want}`
          : request.type === "meeting:cover"
            ? `cover:${request.cover}`
            : request.choice
              ? `hang-up:${request.choice}`
              : "hang-up";
      calls.push(key);
      return answer(key);
    },
    probe: async () => {
      probes.count += 1;
      return page;
    },
  };
  return { port, calls, probes };
}

/** The extension's local storage as a map, holding what the coach chose. */
function aSettingsStorage(
  waitMutes?: MuteTarget[],
  stored: Record<string, unknown> = {},
): SettingsStorage {
  const items = new Map<string, unknown>([
    ...Object.entries(stored),
    ...(waitMutes ? [["waitMutes", waitMutes] as const] : []),
  ]);
  return {
    get: async (keys) =>
      Object.fromEntries(keys.filter((k) => items.has(k)).map((k) => [k, items.get(k)])),
    set: async (more) => {
      for (const [key, value] of Object.entries(more)) items.set(key, value);
    },
    remove: async (keys) => {
      for (const key of keys) items.delete(key);
    },
  };
}

function renderPanel(
  db: TrestegDb,
  options: {
    capture?: CaptureDeps;
    grant?: (request: { origins: string[] }) => Promise<boolean>;
    meeting?: MeetingPort;
    alarms?: string[];
    waitMutes?: MuteTarget[];
    /** What the coach's storage holds besides the wait's mutes. */
    stored?: Record<string, unknown>;
    helpContacts?: HelpContact[];
    /** The open incident as the page reads it before the first draw. */
    start?: OpenAtStart;
    /** The meeting tab's origin (default meet.jit.si). */
    origin?: string;
    /** How the coach hangs up as host (default: leave). */
    hostLeave?: Settings["hostLeave"];
    /** The log's database as the page opens it, after its first draw (default: open). */
    storage?: Promise<LogStorage>;
  } = {},
) {
  const store = createPanelStore({
    settings: {
      ...ROUTINE_SETTINGS,
      waitMutes: options.waitMutes ?? [...MUTE_TARGETS],
      helpContacts: options.helpContacts ?? [],
      hostLeave: options.hostLeave ?? ROUTINE_SETTINGS.hostLeave,
    },
    // A meeting elsewhere is looked up as the panel does on opening.
    ...(options.origin
      ? {}
      : { tab: { ...aMeetingTab(), url: "https://meet.jit.si/CoachRum?jwt=hemligt" } }),
  });
  const alarms = options.alarms ?? [];
  const copied: string[] = [];
  const saved: { name: string; blob: Blob }[] = [];
  const reports: string[] = [];
  const meeting = { ...aMeetingTab(), ...(options.origin ? { origin: options.origin } : {}) };
  const practice = aPracticeTab();
  const languages = tableLanguages({ sv, en });
  const app = createPanelApp({
    storage: options.storage ?? Promise.resolve({ db, live: liveQuery }),
    store,
    languages,
    settings: { storage: aSettingsStorage(options.waitMutes, options.stored) },
    browser: {
      tabs: {
        get: async () => ({
          id: meeting.tabId ?? 0,
          url: `${meeting.origin}/CoachRum?jwt=hemligt`,
          title: meeting.title,
        }),
        query: async () => [
          {
            id: meeting.tabId ?? 0,
            url: `${meeting.origin}/CoachRum?jwt=hemligt`,
            title: meeting.title,
          },
        ],
        create: async ({ url }) => {
          const session = new URL(url).searchParams.get("session");
          if (session) reports.push(session);
          return { id: practice.tabId ?? 0 };
        },
      },
      permissions: {
        request: options.grant ?? (async () => true),
        remove: async () => true,
      },
      alarms: {
        create: (name) => {
          alarms.push(`set:${sessionOfAlarm(name)}`);
        },
        clear: async (name) => {
          alarms.push(`clear:${sessionOfAlarm(name)}`);
          return true;
        },
      },
      pageUrl: (path) => `${practice.origin}${path}`,
    },
    meeting: options.meeting ?? aFakeMeeting().port,
    capture: options.capture ?? fakeCaptureDeps(),
    search: "",
    now: () => Date.now(),
    copy: async (text) => {
      copied.push(text);
    },
    save: (name, blob) => saved.push({ name, blob }),
  });
  render(<Panel app={app} languages={languages} start={options.start} />);
  // As the side panel's entry does on opening: look the meeting tab up.
  if (options.origin) void app.start();
  return { store, copied, saved, reports };
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

  it("names a self-hosted Jitsi by what its page said, not Okänd plattform", async () => {
    const meeting = aFakeMeeting().port;
    const probed: number[] = [];
    meeting.probe = async (tabId) => {
      probed.push(tabId);
      return {
        platform: "jitsi",
        controls: { mic: true, camera: true, hangUp: true },
        remoteVideos: 1,
      };
    };
    renderPanel(db, { meeting, origin: "https://video.regionexempel.se" });
    const line = await screen.findByTestId("meeting");
    await waitFor(() => expect(line.textContent).toContain("Jitsi Meet"));
    expect(line.textContent).not.toContain("Okänd plattform");
    expect(line.textContent).toContain("https://video.regionexempel.se");
    expect(probed).toEqual([7]);
  });

  it("keeps Okänd plattform when the page does not say what it is", async () => {
    renderPanel(db, { origin: "https://video.regionexempel.se" });
    const line = await screen.findByTestId("meeting");
    await waitFor(() => expect(line.textContent).toContain("Okänd plattform"));
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
    // The draft comes at once; back from it, the start view says how the incident ended.
    expect(await screen.findByRole("heading", { name: /^Incidentutkast – / })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "← Tillbaka" }));
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

  it("draws the open incident where it stands on its first draw, when the page read it first", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    fireEvent.click(await screen.findByRole("button", { name: "Nästa steg: Varning →" }));
    await screen.findByRole("heading", { name: "Steg 2: Varning" });
    cleanup();
    renderPanel(db, { start: await readOpenAtFirstDraw(indexedDB, db.name) });
    // No wait: the first draw is already the incident, with no start buttons shown before it.
    expect(screen.getByRole("heading", { name: "Steg 2: Varning" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Starta incident: Personangrepp" })).toBeNull();
    // The log read for the first draw goes on: the next phrase is the next entry, once.
    const phrase = screen.getByRole("button", { name: WARN });
    fireEvent.click(phrase);
    await waitFor(() => expect(phrase.dataset.said).toBe("true"));
    const session = await openSession(db);
    const events = await sessionEvents(db, session?.id ?? "");
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    expect(events.filter((e) => e.type === "phrase-said")).toHaveLength(1);
  });

  it("starts the incident a click asked for before the log's database was open, once it is", async () => {
    let open: (storage: LogStorage) => void = () => {};
    const opening = new Promise<LogStorage>((resolve) => (open = resolve));
    renderPanel(db, { storage: opening, start: { session: null, events: null } });
    // Drawn from the first read alone: the start buttons are there and enabled at once.
    const start = screen.getByRole("button", { name: "Starta incident: Personangrepp" });
    expect((start as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(start);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Nothing is shown as started before it is on disk.
    expect(await db.sessions.count()).toBe(0);
    expect(screen.queryByRole("heading", { name: "Steg 1: Lugna ner" })).toBeNull();
    open({ db, live: liveQuery });
    await screen.findByRole("heading", { name: "Steg 1: Lugna ner" });
    const sessions = await db.sessions.toArray();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.kinds).toEqual(["personal-attack"]);
  });

  it("says so when the log's database cannot be opened, and starts nothing", async () => {
    renderPanel(db, {
      storage: Promise.reject(new Error("Dexie kunde inte laddas")),
      start: { session: null, events: null },
    });
    fireEvent.click(screen.getByRole("button", { name: "Starta incident: Personangrepp" }));
    // The click's own failure, named by the error (the live query's would say "IndexedDB").
    await screen.findByText(/lagring \(Error\): Dexie kunde inte laddas\./);
    expect(await db.sessions.count()).toBe(0);
  });

  it("draws enabled start buttons on its first draw when the page read that none is open", async () => {
    renderPanel(db, { start: await readOpenAtFirstDraw(indexedDB, db.name) });
    const start = screen.getByRole("button", { name: "Starta incident: Personangrepp" });
    expect((start as HTMLButtonElement).disabled).toBe(false);
  });

  it("changes the kind of exposure and logs the change", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    fireEvent.click(await screen.findByRole("button", { name: "Ändra typ" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Höjer rösten med hotfull ton" }));
    fireEvent.click(screen.getByRole("button", { name: "Spara typ" }));
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

  it("words a setting it refuses in the English panel's own words", async () => {
    renderPanel(db, { stored: { settingsVersion: 99 } });
    fireEvent.click(await screen.findByRole("button", { name: /Byt språk till engelska/ }));
    fireEvent.click(await screen.findByRole("button", { name: "Settings" }));
    fireEvent.click(await screen.findByRole("checkbox", { name: "Own camera" }));
    const alert = await screen.findByText(/The setting settingsVersion was not saved/);
    expect(alert.closest('[role="alert"]')?.textContent).toContain(
      "The setting settingsVersion was not saved: stored by a newer Tresteg (version 99).",
    );
    expect(alert.closest('[role="alert"]')?.textContent).not.toMatch(/sparade|nyare|sparades/);
  });

  it("switches the panel to English while phrases stay verbatim Swedish", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: /Byt språk till engelska/ }));
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

  it("keeps a screenshot taken under the cover hidden until the coach opens it", async () => {
    renderPanel(db, {
      capture: fakeCaptureDeps({
        coveredPicture: async () => ({
          covered: true,
          png: new Blob([FAKE_PNG_BYTES], { type: "image/png" }),
        }),
      }),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    await screen.findByRole("heading", { name: "Steg 1: Lugna ner" });
    fireEvent.click(screen.getByRole("button", { name: "Ta en skärmdump av mötet" }));
    const strip = await screen.findByRole("region", { name: "Bevis" });
    const hidden = await within(strip).findByRole("button", {
      name: /^Visa skärmdump \d\d:\d\d:\d\d, tagen under skyddet$/,
    });
    expect(hidden.querySelector("img")).toBeNull();
    expect(hidden.textContent).toBe("Tagen under skyddet – dold");
    const timeline = screen.getByRole("region", { name: "Tidslinje" });
    await waitFor(() =>
      expect(within(timeline).getAllByRole("listitem")[0]?.textContent).toMatch(
        /Skärmdump 1280×720 av klientens bild under skyddet, från https:\/\/meet\.jit\.si/,
      ),
    );
    fireEvent.click(hidden);
    expect(await screen.findByRole("dialog")).toBeTruthy();
    await waitFor(() => expect(hidden.querySelector("img")?.getAttribute("src")).toMatch(/^blob:/));
  });

  it("says plainly when the covered client's picture cannot be read, and stores nothing", async () => {
    renderPanel(db, {
      capture: fakeCaptureDeps({
        coveredPicture: async () => ({ covered: true, code: { reason: "video-tainted" } }),
      }),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    await screen.findByRole("heading", { name: "Steg 1: Lugna ner" });
    fireEvent.click(screen.getByRole("button", { name: "Ta en skärmdump av mötet" }));
    expect(await screen.findByRole("alert")).toHaveProperty(
      "textContent",
      expect.stringContaining(
        "Ingen skärmdump togs: klientens bild är täckt, och videon kommer från en annan webbplats",
      ),
    );
    expect(await db.evidence.count()).toBe(0);
  });

  it("starts an incident from a screenshot and asks for the kind afterwards", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("button", { name: "Ta en skärmdump av mötet" }));
    expect(await screen.findByText(/en incident startades/)).toBeTruthy();
    expect(await screen.findByTestId("kinds")).toHaveProperty("textContent", "Typ ej vald");
    expect(screen.getByRole("group", { name: "Typ av utsatthet" })).toBeTruthy();
  });

  it("explains a missing permission, and takes the refused screenshot once it is granted", async () => {
    let granted = 0;
    renderPanel(db, {
      capture: fakeCaptureDeps({
        captureVisibleTab: async () => {
          if (granted === 0) {
            throw new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
          }
          return new Blob([FAKE_PNG_BYTES], { type: "image/png" });
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
    expect(await db.evidence.count()).toBe(0);
    fireEvent.click(screen.getByRole("button", { name: "Ge behörighet för skärmdumpar" }));
    // No second click on Skärmdump: the grant takes the screenshot.
    expect(await screen.findByText(/en incident startades/)).toBeTruthy();
    expect(granted).toBe(1);
    expect(await db.evidence.count()).toBe(1);
    expect(screen.queryByRole("button", { name: "Ge behörighet för skärmdumpar" })).toBeNull();
  });

  it("lets the coach allow screenshots from the panel in the settings, before any call", async () => {
    const asked: string[][] = [];
    renderPanel(db, {
      grant: async (request: { origins: string[] }) => {
        asked.push(request.origins);
        return true;
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: /Inställningar/ }));
    expect(screen.getByText(/Öppnar du Tresteg med ikonen på mötesfliken/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Tillåt skärmdumpar från panelen" }));
    expect(await screen.findByText("Skärmdumpar från panelen är tillåtna.")).toBeTruthy();
    expect(asked).toEqual([["<all_urls>"]]);
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

describe("the two-minute wait", () => {
  let db: TrestegDb;
  beforeEach(() => {
    db = new TrestegDb(`wait-${crypto.randomUUID()}`);
  });
  afterEach(() => {
    cleanup();
    db.close();
  });

  const WAIT_PHRASE = "Jag väntar två minuter medans du tar på dig kläder";

  async function startUndressed() {
    fireEvent.click(
      await screen.findByRole("button", {
        name: "Starta incident: Opassande beteende i videosamtalet – Bar överkropp",
      }),
    );
    return screen.findByRole("button", { name: WAIT_PHRASE });
  }

  it("saying the wait phrase starts a 2:00 countdown and mutes all four, each logged", async () => {
    const meeting = aFakeMeeting();
    const alarms: string[] = [];
    renderPanel(db, { meeting: meeting.port, alarms });
    fireEvent.click(await startUndressed());
    const wait = await screen.findByRole("region", { name: "Två minuters paus" });
    expect(within(wait).getByTestId("countdown").textContent).toMatch(/^(2:00|1:59)$/);
    await waitFor(() => expect(wait.querySelectorAll('[data-result="done"]')).toHaveLength(4));
    expect(meeting.calls.sort()).toEqual(["camera:off", "cover:true", "mic:off", "tab:mute"]);
    expect(alarms).toHaveLength(1);
    const session = await openSession(db);
    const types = (await sessionEvents(db, session?.id ?? "")).map((e) => e.type);
    expect(types.slice(1)).toEqual([
      "phrase-said",
      "wait-started",
      "mute-applied",
      "mute-applied",
      "mute-applied",
      "mute-applied",
    ]);
  });

  it("says before the moment what Tresteg can do here, and does not probe during the wait", async () => {
    const meeting = aFakeMeeting(
      {},
      { platform: "jitsi", controls: { mic: false, camera: true, hangUp: true }, remoteVideos: 1 },
    );
    renderPanel(db, { meeting: meeting.port });
    const line = await screen.findByText(/^Här kan Tresteg:/, { selector: "summary" });
    expect(line.textContent).toContain("stänga av din mikrofon – för hand");
    expect(line.textContent).toContain("lägga på ✓ (klart)");
    // Probing only reads: nothing was pressed, muted or covered.
    expect(meeting.calls).toEqual([]);
    fireEvent.click(await startUndressed());
    // During the incident, compact: only what must be done by hand.
    const compact = await screen.findByText("För hand här: stänga av din mikrofon", {
      selector: "summary",
    });
    expect(compact).toBeTruthy();
    const wait = await screen.findByRole("region", { name: "Två minuters paus" });
    await waitFor(() =>
      expect(
        wait.querySelectorAll(
          "[data-result]:not([data-result=pending]):not([data-result=waiting])",
        ),
      ).toHaveLength(4),
    );
    await waitFor(() => expect(screen.queryByTestId("readiness")).toBeNull());
    const during = meeting.probes.count;
    await new Promise((resolve) => setTimeout(resolve, 5600));
    expect(meeting.probes.count).toBe(during);
    fireEvent.click(screen.getByRole("button", { name: "Fortsätt samtalet" }));
    await waitFor(() => expect(meeting.probes.count).toBeGreaterThan(during));
    expect(await screen.findByTestId("readiness")).toBeTruthy();
  });

  it("shows what is done at once and says it waits for a camera the meeting switches slowly", async () => {
    const meeting = aFakeMeeting();
    let answerCamera: (report: ActionReport) => void = () => {};
    const send = meeting.port.send;
    meeting.port.send = (tabId, request) =>
      request.type === "meeting:set-own" && request.device === "camera"
        ? new Promise((resolve) => (answerCamera = resolve))
        : send(tabId, request);
    renderPanel(db, { meeting: meeting.port });
    fireEvent.click(await startUndressed());
    const wait = await screen.findByRole("region", { name: "Två minuters paus" });
    await waitFor(() => expect(wait.querySelectorAll('[data-result="done"]')).toHaveLength(3));
    const camera = () => wait.querySelector('[data-target="own-camera"]');
    await waitFor(() => expect(camera()?.textContent).toBe("Egen kamera: väntar på mötet …"), {
      timeout: 2500,
    });
    expect(camera()?.getAttribute("data-result")).toBe("waiting");
    answerCamera({ result: "done" });
    await waitFor(() => expect(camera()?.textContent).toBe("Egen kamera: avstängd av Tresteg"));
  });

  it("says plainly what it could not mute, and claims nothing it did not do", async () => {
    const meeting = aFakeMeeting({
      "mic:off": { result: "failed", code: MIC_MISSING },
      "camera:off": { result: "already" },
    });
    renderPanel(db, { meeting: meeting.port });
    fireEvent.click(await startUndressed());
    const wait = await screen.findByRole("region", { name: "Två minuters paus" });
    await waitFor(() =>
      expect(wait.querySelector('[data-target="own-mic"]')?.textContent).toBe(
        "Egen mikrofon: kunde inte stängas av" +
          "Hittade inte knappen för mikrofonen i mötet. Stäng av din mikrofon själv.",
      ),
    );
    // The reason on a line of its own, as logged.
    expect(screen.getByTestId("reason-own-mic").textContent).toBe(
      "Hittade inte knappen för mikrofonen i mötet. Stäng av din mikrofon själv.",
    );
    await waitFor(() =>
      expect(wait.querySelector('[data-target="own-camera"]')?.textContent).toBe(
        "Egen kamera: var redan avstängd",
      ),
    );
    const session = await openSession(db);
    const mic = (await sessionEvents(db, session?.id ?? "")).find(
      (e) => e.type === "mute-applied" && e.target === "own-mic",
    );
    expect(mic).toMatchObject({ result: "failed", code: MIC_MISSING });
    const timeline = screen.getByRole("region", { name: "Tidslinje" });
    await waitFor(() =>
      expect(timeline.textContent).toContain(
        "Egen mikrofon: kunde inte stängas av (Hittade inte knappen för mikrofonen i mötet. Stäng av din mikrofon själv.)",
      ),
    );
  });

  it("words what the meeting page reported in the English panel's own words", async () => {
    const meeting = aFakeMeeting({ "mic:off": { result: "failed", code: MIC_MISSING } });
    renderPanel(db, { meeting: meeting.port });
    fireEvent.click(await screen.findByRole("button", { name: /Byt språk till engelska/ }));
    fireEvent.click(
      await screen.findByRole("button", {
        name: "Start incident: Inappropriate behaviour in the call – Undressed upper body",
      }),
    );
    fireEvent.click(await screen.findByRole("button", { name: WAIT_PHRASE }));
    const timeline = await screen.findByRole("region", { name: "Timeline" });
    await waitFor(() =>
      expect(timeline.textContent).toContain(
        "Own microphone: could not be turned off (Could not find the button for the microphone in the meeting. Turn off your microphone yourself.)",
      ),
    );
    expect(timeline.textContent).not.toMatch(/mikrofon|Stäng av/);
  });

  it("continuing restores exactly what Tresteg muted, nothing the coach had muted", async () => {
    const meeting = aFakeMeeting({ "camera:off": { result: "already" } });
    const alarms: string[] = [];
    renderPanel(db, { meeting: meeting.port, alarms });
    fireEvent.click(await startUndressed());
    const wait = await screen.findByRole("region", { name: "Två minuters paus" });
    await waitFor(() => expect(wait.querySelectorAll("[data-result=pending]")).toHaveLength(0));
    meeting.calls.length = 0;
    fireEvent.click(within(wait).getByRole("button", { name: "Fortsätt samtalet" }));
    await waitFor(() =>
      expect(screen.queryByRole("region", { name: "Två minuters paus" })).toBeNull(),
    );
    await waitFor(() =>
      expect(meeting.calls.sort()).toEqual(["cover:false", "mic:on", "tab:unmute"]),
    );
    expect(alarms.at(-1)).toMatch(/^clear:/);
    expect(screen.getByRole("heading", { name: "Steg 1: Lugna ner" })).toBeTruthy();
  });

  it("mutes only what the settings say, and shows only that", async () => {
    const meeting = aFakeMeeting();
    renderPanel(db, { meeting: meeting.port, waitMutes: ["client-sound", "client-picture"] });
    fireEvent.click(await startUndressed());
    const wait = await screen.findByRole("region", { name: "Två minuters paus" });
    await waitFor(() => expect(wait.querySelectorAll('[data-result="done"]')).toHaveLength(2));
    expect(wait.querySelectorAll(".mute-status li")).toHaveLength(2);
    expect(meeting.calls.sort()).toEqual(["cover:true", "tab:mute"]);
  });

  it("going to the warning from the wait restores and moves to step 2", async () => {
    renderPanel(db);
    fireEvent.click(await startUndressed());
    const wait = await screen.findByRole("region", { name: "Två minuters paus" });
    await waitFor(() => expect(wait.querySelectorAll("[data-result=pending]")).toHaveLength(0));
    fireEvent.click(within(wait).getByRole("button", { name: "Gå till varning" }));
    expect(await screen.findByRole("heading", { name: "Steg 2: Varning" })).toBeTruthy();
    const session = await openSession(db);
    const types = (await sessionEvents(db, session?.id ?? "")).map((e) => e.type);
    expect(types.slice(-6)).toEqual([
      "wait-ended",
      "mute-restored",
      "mute-restored",
      "mute-restored",
      "mute-restored",
      "step-advanced",
    ]);
  });

  it("offers a two-minute pause in any step, and hangs up in step 3 after confirmation", async () => {
    const meeting = aFakeMeeting();
    renderPanel(db, { meeting: meeting.port });
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    fireEvent.click(await screen.findByRole("button", { name: "Nästa steg: Varning →" }));
    fireEvent.click(await screen.findByRole("button", { name: "Nästa steg: Avsluta samtalet →" }));
    await screen.findByRole("heading", { name: "Steg 3: Avsluta samtalet" });
    expect(screen.getByRole("button", { name: "Pausa 2 min" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Samtalet avslutat" }));
    fireEvent.click(await screen.findByRole("button", { name: "Lägg på i mötet" }));
    expect(meeting.calls).toEqual([]);
    const session = await openSession(db);
    fireEvent.click(screen.getByRole("button", { name: "Ja, lägg på" }));

    await waitFor(() => expect(meeting.calls).toEqual(["hang-up"]));
    // Left: the incident ends and its draft opens, and the panel says so.
    expect(
      (
        await screen.findByText(
          "Du har lämnat mötet. Incidenten är avslutad – här är utkastet.",
          undefined,
          {
            // Ending the call, leaving and ending the incident are three commits in a row.
            timeout: 5_000,
          },
        )
      ).textContent,
    ).toBeTruthy();
    const types = (await sessionEvents(db, session?.id ?? "")).slice(-3);
    expect(types).toMatchObject([
      { type: "terminated" },
      { type: "hang-up", result: "done" },
      { type: "session-ended", outcome: "terminated" },
    ]);
  });

  it("ends the meeting for everyone when the settings say so, and the log says what the page did", async () => {
    const meeting = aFakeMeeting({
      "hang-up:end-for-all": { result: "done", code: { reason: "ended-for-all" } },
    });
    renderPanel(db, { meeting: meeting.port, hostLeave: "end-for-all" });
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    fireEvent.click(await screen.findByRole("button", { name: "Nästa steg: Varning →" }));
    fireEvent.click(await screen.findByRole("button", { name: "Nästa steg: Avsluta samtalet →" }));
    fireEvent.click(await screen.findByRole("button", { name: END }));
    const session = await openSession(db);
    const asked = await screen.findByRole("group", { name: "Lägg på i mötet nu?" });
    fireEvent.click(within(asked).getByRole("button", { name: "Ja, lägg på" }));
    await waitFor(() => expect(meeting.calls).toEqual(["hang-up:end-for-all"]));
    await screen.findByText(
      "Du har lämnat mötet. Incidenten är avslutad – här är utkastet.",
      undefined,
      { timeout: 5_000 },
    );
    const hungUp = (await sessionEvents(db, session?.id ?? "")).find((e) => e.type === "hang-up");
    expect(hungUp).toMatchObject({ result: "done", code: { reason: "ended-for-all" } });
  });

  it("asks once after the closing phrase, and leaves the meeting in one more click", async () => {
    const meeting = aFakeMeeting();
    renderPanel(db, { meeting: meeting.port });
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    fireEvent.click(await screen.findByRole("button", { name: "Nästa steg: Varning →" }));
    fireEvent.click(await screen.findByRole("button", { name: "Nästa steg: Avsluta samtalet →" }));
    fireEvent.click(await screen.findByRole("button", { name: END }));
    const asked = await screen.findByRole("group", { name: "Lägg på i mötet nu?" });
    fireEvent.click(within(asked).getByRole("button", { name: "Ja, lägg på" }));
    await screen.findByText(
      "Du har lämnat mötet. Incidenten är avslutad – här är utkastet.",
      undefined,
      {
        // Ending the call, leaving and ending the incident are three commits in a row.
        timeout: 5_000,
      },
    );
    expect(meeting.calls).toEqual(["hang-up"]);
    expect(await screen.findByTestId("draft-text")).toBeTruthy();
  });

  it("says where the coach clicked that it could not leave, and why", async () => {
    const meeting = aFakeMeeting({
      "hang-up": { result: "failed", code: { reason: "no-leave-control" } },
    });
    renderPanel(db, { meeting: meeting.port });
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    fireEvent.click(await screen.findByRole("button", { name: "Nästa steg: Varning →" }));
    fireEvent.click(await screen.findByRole("button", { name: "Nästa steg: Avsluta samtalet →" }));
    fireEvent.click(await screen.findByRole("button", { name: END }));
    fireEvent.click(await screen.findByRole("button", { name: "Ja, lägg på" }));
    const result = await screen.findByTestId("leave-result");
    expect(result.textContent).toMatch(/^Kunde inte lämna mötet – lämna själv.+/);
    expect(
      within(screen.getByRole("region", { name: "Stegets knappar" })).getByTestId("leave-result"),
    ).toBe(result);
    // Not ended: the coach leaves by hand, then ends the incident.
    expect((await openSession(db))?.status).toBe("open");
    expect(screen.getByRole("button", { name: "Försök lägga på igen" })).toBeTruthy();
  });
});

describe("the self-harm track", () => {
  let db: TrestegDb;
  beforeEach(() => {
    db = new TrestegDb(`self-harm-${crypto.randomUUID()}`);
  });
  afterEach(() => {
    cleanup();
    db.close();
  });

  it("shows the handbook's guidance instead of the steps, and logs what the coach records", async () => {
    renderPanel(db);
    fireEvent.click(
      await screen.findByRole("button", {
        name: "Starta incident: Hotar med våld mot sig själv",
      }),
    );
    const track = await screen.findByRole("region", { name: "Hot om våld mot sig själv" });
    expect(screen.queryByRole("heading", { name: /^Steg 1/ })).toBeNull();
    expect(track.textContent).toContain("Lägg inte på");
    const phone = within(track).getByRole("textbox", { name: "Telefonnummer" });
    fireEvent.input(phone, { target: { value: "070-123 45 67" } });
    fireEvent.keyDown(phone, { key: "Enter" });
    await waitFor(() => expect((phone as HTMLInputElement).value).toBe(""));
    fireEvent.click(within(track).getByRole("button", { name: "Psykiatrin" }));
    await waitFor(() =>
      expect(
        within(track).getByRole("button", { name: "Psykiatrin" }).getAttribute("aria-pressed"),
      ).toBe("true"),
    );
    fireEvent.click(within(track).getByRole("button", { name: "Akut – ring 112" }));
    expect(await within(track).findByRole("alert")).toHaveProperty(
      "textContent",
      expect.stringContaining("lämna inte klienten"),
    );
    const session = await openSession(db);
    const events = (await sessionEvents(db, session?.id ?? "")).slice(1);
    expect(events.map(({ type, ...rest }) => ({ type, ...pick(rest) }))).toEqual([
      { type: "self-harm-detail", field: "phone", value: "070-123 45 67" },
      { type: "referral" },
      { type: "emergency-reminder" },
    ]);
  });

  it("logs the 112 reminder as shown, and the call only when the coach confirms it", async () => {
    renderPanel(db);
    fireEvent.click(
      await screen.findByRole("button", {
        name: "Starta incident: Hotar med våld mot sig själv",
      }),
    );
    const track = await screen.findByRole("region", { name: "Hot om våld mot sig själv" });
    fireEvent.click(within(track).getByRole("button", { name: "Akut – ring 112" }));
    const confirm = await within(track).findByRole("button", { name: "Jag har ringt 112" });
    const session = await openSession(db);
    const types = async () =>
      (await sessionEvents(db, session?.id ?? "")).slice(1).map((e) => e.type);
    expect(await types()).toEqual(["emergency-reminder"]);
    expect(screen.getByRole("region", { name: "Tidslinje" }).textContent).toContain(
      "inget samtal till 112 bekräftat",
    );
    fireEvent.click(confirm);
    expect(await within(track).findByRole("status")).toHaveProperty(
      "textContent",
      expect.stringMatching(/^112 ringt \d\d:\d\d/),
    );
    expect(await types()).toEqual(["emergency-reminder", "emergency-call"]);
    const [, , called] = await sessionEvents(db, session?.id ?? "");
    expect(called).toMatchObject({ type: "emergency-call", confirmed: true });
  });

  it("stays in the self-harm guidance when the client calms down", async () => {
    renderPanel(db);
    fireEvent.click(
      await screen.findByRole("button", {
        name: "Starta incident: Hotar med våld mot sig själv",
      }),
    );
    const track = await screen.findByRole("region", { name: "Hot om våld mot sig själv" });
    fireEvent.click(within(track).getByRole("button", { name: "Klienten har lugnat sig" }));
    expect(await within(track).findByText(/Du kan fortsätta dokumentera/)).toBeTruthy();
    expect(screen.queryByRole("heading", { name: /^Steg 1/ })).toBeNull();
    expect(screen.getByRole("region", { name: "Hot om våld mot sig själv" })).toBeTruthy();
    const session = await openSession(db);
    const [, resolved] = await sessionEvents(db, session?.id ?? "");
    expect(resolved).toMatchObject({ type: "resolved", track: "self-harm" });
  });

  it("switches to the three steps when the call turns threatening, and logs the switch", async () => {
    renderPanel(db);
    fireEvent.click(
      await screen.findByRole("button", {
        name: "Starta incident: Hotar med våld mot sig själv",
      }),
    );
    fireEvent.click(
      await screen.findByRole("button", {
        name: "Samtalet blir hotfullt – byt till trestegsrutinen",
      }),
    );
    expect(await screen.findByRole("heading", { name: "Steg 1: Lugna ner" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Byt till stödet vid hot mot sig själv" }));
    expect(await screen.findByRole("region", { name: "Hot om våld mot sig själv" })).toBeTruthy();
    const session = await openSession(db);
    const types = (await sessionEvents(db, session?.id ?? "")).map((e) => e.type);
    expect(types.slice(1)).toEqual(["track-switched", "track-switched"]);
  });
});

describe("practice mode", () => {
  let db: TrestegDb;
  beforeEach(() => {
    db = new TrestegDb(`practice-${crypto.randomUUID()}`);
  });
  afterEach(() => {
    cleanup();
    db.close();
  });

  it("marks a practice session everywhere and lists it apart from real incidents", async () => {
    renderPanel(db);
    fireEvent.click(await screen.findByRole("checkbox", { name: /^Övningsläge/ }));
    fireEvent.click(await screen.findByRole("button", { name: "Starta övning: Personangrepp" }));
    expect((await screen.findByTestId("practice-banner")).textContent).toContain(
      "ÖVNING – inte en verklig händelse",
    );
    const practice = await openSession(db);
    expect(practice?.practice).toBe(true);
    const [started] = await sessionEvents(db, practice?.id ?? "");
    expect(started).toMatchObject({ type: "session-started", practice: true });
    // On Tresteg's own practice meeting, never on the real call the panel was opened beside.
    expect(practice).toMatchObject({ tabId: 77, platform: "practice" });

    fireEvent.click(screen.getByRole("button", { name: "Avsluta övningen" }));
    // The draft says it is practice, and that practice was ended: not that a client left.
    const draft = await screen.findByTestId("draft-text");
    expect(draft.textContent).toContain("ÖVNING");
    expect(draft.textContent).toContain("Övningen avslutades");
    expect(draft.textContent).not.toContain("Klienten lämnade samtalet");
    const ended = (await sessionEvents(db, practice?.id ?? "")).at(-1);
    expect(ended).toMatchObject({ type: "session-ended", outcome: "practice-ended" });
    fireEvent.click(screen.getByRole("button", { name: "← Tillbaka" }));
    // Practice over: the panel is back on the meeting it was opened for, practice unticked.
    const box = await screen.findByRole("checkbox", { name: /^Övningsläge/ });
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(await screen.findByRole("button", { name: "Starta incident: Personangrepp" }));
    await screen.findByRole("heading", { name: "Steg 1: Lugna ner" });
    expect(screen.queryByTestId("practice-banner")).toBeNull();
    const real = await openSession(db);
    expect(real).toMatchObject({ practice: false, tabId: 7, platform: "jitsi" });
    fireEvent.click(screen.getByRole("button", { name: "Klienten har lugnat sig" }));
    fireEvent.click(await screen.findByRole("button", { name: "Avsluta incidenten" }));
    fireEvent.click(await screen.findByRole("button", { name: "← Tillbaka" }));
    fireEvent.click(await screen.findByRole("button", { name: "Historik" }));
    const incidents = await screen.findByRole("region", { name: "Incidenter" });
    const drills = screen.getByRole("region", { name: "Övningar" });
    expect(within(incidents).getAllByRole("listitem")).toHaveLength(1);
    expect(within(drills).getAllByRole("listitem")).toHaveLength(1);
  });
});

function pick(entry: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const key of ["text", "tag", "field", "value"]) if (key in entry) out[key] = entry[key];
  return out;
}

describe("calling for help", () => {
  let db: TrestegDb;
  beforeEach(() => {
    db = new TrestegDb(`help-${crypto.randomUUID()}`);
  });
  afterEach(() => {
    cleanup();
    db.close();
  });
  const anna: HelpContact = {
    role: "manager",
    name: "Anna Berg",
    channel: "teams",
    address: "anna.berg@region.se",
  };
  const jour: HelpContact = {
    role: "colleague",
    name: "Jouren",
    channel: "tel",
    address: "010-123 45 67",
  };

  it("is in reach in the incident: one click opens the contact's Teams chat with the message, and it is logged", async () => {
    renderPanel(db, { helpContacts: [anna, jour] });
    fireEvent.click(
      await screen.findByRole("button", { name: "Starta incident: Höjer rösten med hotfull ton" }),
    );
    fireEvent.click(await screen.findByRole("button", { name: "Kalla på hjälp" }));
    const link = await screen.findByRole("link", { name: "chef: Anna Berg – Teams" });
    const url = new URL(link.getAttribute("href") ?? "");
    expect(`${url.origin}${url.pathname}`).toBe("https://teams.microsoft.com/l/chat/0/0");
    expect(url.searchParams.get("users")).toBe("anna.berg@region.se");
    // The kind, since when, and the room's join link without its sign-in token.
    expect(url.searchParams.get("message")).toMatch(
      /^Jag behöver hjälp i ett pågående videosamtal: Höjer rösten med hotfull ton, sedan \d\d:\d\d:\d\d\. Lyssna gärna in: https:\/\/meet\.jit\.si\/CoachRum$/,
    );
    expect(link.getAttribute("target")).toBe("_blank");
    fireEvent.click(link);
    expect(await screen.findByText(/Kallade på hjälp: chef Anna Berg, via Teams\./)).toBeTruthy();
    const session = await openSession(db);
    const events = await sessionEvents(db, session?.id ?? "");
    expect(events.at(-1)).toMatchObject({
      type: "help-called",
      role: "manager",
      name: "Anna Berg",
      channel: "teams",
    });
    expect(
      screen.getByRole("link", { name: "kollega i tjänst: Jouren – telefon" }).getAttribute("href"),
    ).toBe("tel:0101234567");
  });

  it("with no contacts says how the coach or IT adds them", async () => {
    renderPanel(db);
    fireEvent.click(
      await screen.findByRole("button", { name: "Starta incident: Höjer rösten med hotfull ton" }),
    );
    fireEvent.click(await screen.findByRole("button", { name: "Kalla på hjälp" }));
    expect((await screen.findByTestId("help-none")).textContent).toBe(
      "Inga kontakter ännu. Lägg till dem under Inställningar → Kalla på hjälp, eller be IT lägga in dem i policyn (helpContacts).",
    );
    expect(screen.queryAllByRole("link")).toEqual([]);
  });

  it('is offered by the draft\'s checklist at "Kontakta närmaste chef", and logged after the end', async () => {
    renderPanel(db, { helpContacts: [jour, anna] });
    fireEvent.click(
      await screen.findByRole("button", { name: "Starta incident: Höjer rösten med hotfull ton" }),
    );
    fireEvent.click(
      await screen.findByRole("button", { name: "Klienten lämnade samtalet – avsluta incidenten" }),
    );
    await screen.findByRole("heading", { name: /^Incidentutkast – / });
    const row = document.querySelector('[data-item="manager"]') as HTMLElement;
    // The manager is who the checklist names: the colleague is not offered there.
    const links = within(row).getAllByRole("link");
    expect(links.map((l) => l.textContent)).toEqual(["chef: Anna Berg – Teams"]);
    fireEvent.click(links[0] as HTMLElement);
    const [ended] = await db.sessions.toArray();
    await waitFor(async () =>
      expect((await sessionEvents(db, ended?.id ?? "")).map((e) => e.type).slice(-2)).toEqual([
        "session-ended",
        "help-called",
      ]),
    );
  });
});
