import type { Page } from "playwright-core";
import type { Browser } from "wxt/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainVerifies, type Tresteg, launchTresteg, readDb } from "./harness";
import { PanelPage, until } from "./pages/panel";

declare const chrome: typeof Browser;

// The two-minute wait from the coach's side: the panel, the real content script on a
// platform's fixture page, the tab's real mute state and the log in IndexedDB.

const FIXTURES = "/tests/e2e/fixtures/platforms";
const WAIT_PHRASE = "Jag väntar två minuter medans du tar på dig kläder";
const UNDRESSED = "Opassande beteende i videosamtalet – Bar överkropp";

type Stored = Record<string, unknown[]> & {
  events: { seq: number; type: string; target?: string; result?: string; deadline?: number }[];
};

/** Ends the open incident as calmed down and waits until its draft shows (committed). */
async function endCalmly(panel: PanelPage) {
  await panel.click("Klienten har lugnat sig");
  await panel.click("Avsluta incidenten");
  await panel.page.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
}

let app: Tresteg;
let n = 0;

async function openMeeting(name: string, query = "") {
  n += 1;
  const page = await app.openMeeting(`${FIXTURES}/${name}.html?n=${n}${query}`);
  await page.waitForFunction(() => document.body.dataset.media !== undefined);
  return { page, tabId: await app.tabIdOf(page) };
}

/** The wait alarms the worker holds (it also has a daily retention alarm). */
const waitAlarms = () =>
  app.worker.evaluate(async () =>
    (await chrome.alarms.getAll()).filter((a) => a.name.startsWith("wait:")),
  );

const tabMuted = (tabId: number) =>
  app.worker.evaluate(async (id) => (await chrome.tabs.get(id)).mutedInfo?.muted ?? false, tabId);

/** Whether the client's video has Tresteg's cover on top at its centre. */
const clientCovered = (page: Page) =>
  page.evaluate(() => {
    const video = document.querySelector("[data-testid=remote-video]");
    if (!video) return false;
    const box = video.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return top?.closest("[data-tresteg-cover]") !== null && top !== null;
  });

const meetingState = (page: Page) => page.evaluate(() => ({ ...document.body.dataset }));

function muteResults(panel: PanelPage) {
  return panel.page
    .locator(".mute-status li")
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((li) => [li.getAttribute("data-target"), li.getAttribute("data-result")]),
      ),
    );
}

/** A fixture meeting, its panel, an incident started and "Pausa 2 min" with all four mutes logged. */
async function pauseOn(name: string, query = "") {
  const meeting = await openMeeting(name, query);
  const panel = new PanelPage(await app.openPanel(meeting.tabId));
  await panel.startAs(UNDRESSED);
  await panel.click("Pausa 2 min");
  const results = await until(
    "all four mutes logged",
    () => muteResults(panel),
    (r) =>
      Object.keys(r).length === 4 &&
      Object.values(r).every((v) => v !== "pending" && v !== "waiting"),
  );
  return { meeting, panel, results };
}

const countdownSeconds = async (panel: PanelPage) => {
  const text = (await panel.page.getByTestId("countdown").textContent()) ?? "";
  const [m, s] = text.split(":").map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};

beforeAll(async () => {
  app = await launchTresteg();
});
afterAll(async () => {
  await app?.close();
});

describe("the two-minute wait on a Jitsi meeting", () => {
  let meeting: { page: Page; tabId: number };
  let panel: PanelPage;

  beforeAll(async () => {
    meeting = await openMeeting("jitsi");
    panel = new PanelPage(await app.openPanel(meeting.tabId));
    await panel.startAs(UNDRESSED);
    await panel.expectStep(1, "Lugna ner");
  });

  it("saying the phrase mutes sound and picture both ways and says what it did", async () => {
    await panel.say(WAIT_PHRASE);
    await panel.page.getByRole("region", { name: "Två minuters paus" }).waitFor();
    const results = await until(
      "all four mutes logged",
      () => muteResults(panel),
      (r) => Object.values(r).every((v) => v !== "pending" && v !== "waiting"),
    );
    expect(results).toEqual({
      "client-sound": "done",
      "client-picture": "done",
      "own-mic": "done",
      "own-camera": "done",
    });
    expect(await tabMuted(meeting.tabId)).toBe(true);
    expect(await clientCovered(meeting.page)).toBe(true);
    expect(await meetingState(meeting.page)).toMatchObject({ mic: "off", camera: "off" });
    expect(await countdownSeconds(panel)).toBeGreaterThanOrEqual(115);

    const alarms = await waitAlarms();
    const { events } = await readDb<Stored>(panel.page, "tresteg");
    const started = events.find((e) => e.type === "wait-started");
    expect(alarms).toEqual([
      expect.objectContaining({
        name: expect.stringMatching(/^wait:/),
        scheduledTime: started?.deadline,
      }),
    ]);
  });

  it("keeps the countdown right after the panel is closed and opened again", async () => {
    const { events } = await readDb<Stored>(panel.page, "tresteg");
    const deadline = events.find((e) => e.type === "wait-started")?.deadline ?? 0;
    await panel.page.close();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    panel = new PanelPage(await app.openPanel(meeting.tabId));
    await panel.page.getByTestId("countdown").waitFor();
    const shown = await countdownSeconds(panel);
    const expected = Math.ceil((deadline - Date.now()) / 1000);
    expect(Math.abs(shown - expected)).toBeLessThanOrEqual(1);
    expect(shown).toBeLessThan(120);
  });

  it("continuing restores exactly what Tresteg muted, and logs each", async () => {
    await panel.click("Fortsätt samtalet");
    await until(
      "the wait view gone",
      () => panel.page.getByRole("region", { name: "Två minuters paus" }).count(),
      (c) => c === 0,
    );
    await until(
      "the tab unmuted",
      () => tabMuted(meeting.tabId),
      (m) => m === false,
    );
    expect(await clientCovered(meeting.page)).toBe(false);
    await until(
      "mic and camera back on",
      () => meetingState(meeting.page),
      (s) => s.mic === "on" && s.camera === "on",
    );
    const restored = await until(
      "four restores logged",
      async () =>
        (await readDb<Stored>(panel.page, "tresteg")).events.filter(
          (e) => e.type === "mute-restored",
        ),
      (r) => r.length === 4,
    );
    expect(restored.map((e) => [e.target, e.result]).sort()).toEqual([
      ["client-picture", "done"],
      ["client-sound", "done"],
      ["own-camera", "done"],
      ["own-mic", "done"],
    ]);
    expect(await waitAlarms()).toEqual([]);
    await endCalmly(panel);
  });
});

describe("what the coach had muted stays muted; what Tresteg cannot do it says", () => {
  it("finds a muted mic already off and leaves it off afterwards", async () => {
    const { meeting, panel, results } = await pauseOn("jitsi", "&mic=off");
    expect(results["own-mic"]).toBe("already");
    expect(await panel.page.locator('[data-target="own-mic"]').textContent()).toContain(
      "var redan avstängd",
    );
    await panel.click("Fortsätt samtalet");
    await until(
      "camera back on",
      () => meetingState(meeting.page),
      (s) => s.camera === "on",
    );
    expect((await meetingState(meeting.page)).mic).toBe("off");
    await endCalmly(panel);
    await panel.page.close();
  });

  it("on a page with no recognisable controls, asks the coach to mute themselves", async () => {
    const { meeting, panel, results } = await pauseOn("no-controls");
    expect(results).toMatchObject({
      "client-sound": "done",
      "client-picture": "done",
      "own-mic": "failed",
      "own-camera": "failed",
    });
    const text = await panel.page.locator(".mute-status").textContent();
    expect(text).toContain("Stäng av din mikrofon själv.");
    expect(text).toContain("Stäng av din kamera själv.");
    expect(await tabMuted(meeting.tabId)).toBe(true);
    await panel.click("Fortsätt samtalet");
    await endCalmly(panel);
  });
});

describe("a meeting page reloaded during the wait", () => {
  it("covers the client again, and logs it", async () => {
    const { meeting, panel } = await pauseOn("jitsi");
    await meeting.page.reload();
    await meeting.page.waitForFunction(() => document.body.dataset.media !== undefined);
    await until(
      "the client covered again",
      () => clientCovered(meeting.page),
      (c) => c,
    );
    const covers = await until(
      "the second cover logged",
      async () => {
        const { sessions, events } = await readDb<Stored>(panel.page, "tresteg");
        const open = (sessions as { id: string; status: string }[]).find(
          (x) => x.status === "open",
        );
        return events.filter(
          (e) =>
            (e as { sessionId?: string }).sessionId === open?.id &&
            e.type === "mute-applied" &&
            e.target === "client-picture",
        );
      },
      (c) => c.length === 2,
    );
    expect(covers.map((e) => e.result)).toEqual(["done", "done"]);
    await panel.click("Fortsätt samtalet");
    await until(
      "uncovered",
      () => clientCovered(meeting.page),
      (c) => !c,
    );
    await endCalmly(panel);
  });
});

describe("a meeting tab closed during the wait", () => {
  it("keeps the one incident, ends the wait honestly and loses nothing", async () => {
    const { meeting, panel } = await pauseOn("jitsi");
    const before = await readDb<Stored>(panel.page, "tresteg");
    const mine = (before.sessions as { id: string; status: string }[]).find(
      (x) => x.status === "open",
    );
    type Entry = Stored["events"][number] & { sessionId: string };
    const entriesOf = (db: Stored) =>
      (db.events as Entry[]).filter((e) => e.sessionId === mine?.id).sort((a, b) => a.seq - b.seq);
    await meeting.page.close();

    // The panel still shows the incident and its wait.
    await panel.page.getByRole("region", { name: "Två minuters paus" }).waitFor();
    await panel.click("Fortsätt samtalet");
    await panel.expectStep(1, "Lugna ner");
    // Nothing can be restored in a tab that is gone, and the panel says so for each.
    const restored = await until(
      "the restores logged",
      async () => {
        const db = await readDb<Stored>(panel.page, "tresteg");
        return entriesOf(db).filter((e) => e.type === "mute-restored");
      },
      (r) => r.length === 4,
    );
    expect(restored.map((e) => [e.target, e.result]).sort()).toEqual([
      ["client-picture", "failed"],
      ["client-sound", "failed"],
      ["own-camera", "failed"],
      ["own-mic", "failed"],
    ]);
    const notRestored = (await panel.timeline()).filter((l) =>
      /(Klientens ljud|Egen mikrofon|Egen kamera): kunde inte slås på igen|Klientens bild: kunde inte visas igen/.test(
        l,
      ),
    );
    expect(notRestored).toHaveLength(4);
    expect(await waitAlarms()).toEqual([]);
    // A screenshot of a closed meeting is refused with the reason, and logs nothing.
    await panel.click("Ta en skärmdump av mötet");
    await expect
      .poll(() => panel.page.getByRole("alert").textContent())
      .toContain("Ingen mötesflik hittades");
    await endCalmly(panel);
    const after = await readDb<Stored>(panel.page, "tresteg");
    // Still the one session, now ended: no second one was started for the closed tab.
    const sessionIds = (db: Stored) => (db.sessions as { id: string }[]).map((x) => x.id).sort();
    expect(sessionIds(after)).toEqual(sessionIds(before));
    expect(
      (after.sessions as { id: string; status: string }[]).find((x) => x.id === mine?.id)?.status,
    ).toBe("ended");
    // Every entry from before the tab closed is still there, unchanged, and the chain holds.
    const entries = entriesOf(after);
    const kept = entriesOf(before);
    expect(entries.slice(0, kept.length)).toEqual(kept);
    expect(entries.map((e) => e.type)).toEqual([
      "session-started",
      "wait-started",
      "mute-applied",
      "mute-applied",
      "mute-applied",
      "mute-applied",
      "wait-ended",
      "mute-restored",
      "mute-restored",
      "mute-restored",
      "mute-restored",
      "resolved",
      "session-ended",
    ]);
    expect(chainVerifies(entries)).toBe(true);
  });
});
