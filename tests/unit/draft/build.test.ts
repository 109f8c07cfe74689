import { describe, expect, it } from "vitest";
import { buildDraft } from "@/lib/draft/build";
import { emptyEdits } from "@/lib/draft/edits";
import { verifyChain } from "@/lib/log/chain";
import type { IncidentEvent } from "@/lib/log/events";
import type { CoverChangeCode } from "@/lib/log/report-code";
import { anEvent, sealed } from "../builders";
import {
  aDraftInput,
  aLog,
  aScreenshot,
  aSessionRecord,
  at,
  personalAttackTerminated,
  said,
  started,
  type Timed,
  undressedResolved,
} from "./sessions";

describe("the draft's times", () => {
  it("takes the call's start from the log when the coach set it during the call", async () => {
    const { timed } = await undressedResolved();
    const draft = buildDraft(await aDraftInput(timed));
    expect(draft.call.started.local).toBe("2026-03-28 13:50:00 +01:00");
    expect(draft.call.startSource).toBe("logged");
    expect(draft.call.incidentStarted.time).toBe("14:00:00");
    expect(draft.call.ended?.time).toBe("14:05:00");
    expect(draft.date).toBe("2026-03-28");
    expect(draft.dateText).toBe("lördag 28 mars 2026");
  });

  it("prefers the time the coach corrected in the draft over the logged one", async () => {
    const { timed } = await undressedResolved();
    const edits = { ...emptyEdits(), callStartedAt: at(-45 * 60) };
    const draft = buildDraft(await aDraftInput(timed, { edits }));
    expect(draft.call.started.time).toBe("13:15:00");
    expect(draft.call.startSource).toBe("edited");
  });

  it("falls back to the session's start when nobody set the call's start", async () => {
    const draft = buildDraft(await aDraftInput(personalAttackTerminated()));
    expect(draft.call.started.at).toBe(at(0));
    expect(draft.call.startSource).toBe("session-start");
  });

  it("gives every local time in the zone asked for, whatever the machine's zone", async () => {
    const draft = buildDraft(
      await aDraftInput(personalAttackTerminated(), { timeZone: "America/New_York" }),
    );
    expect(draft.timeZone).toBe("America/New_York");
    expect(draft.call.incidentStarted.local).toBe("2026-03-28 09:00:00 -04:00");
    expect(draft.timeline[0]?.when.time).toBe("09:00:00");
    expect(draft.call.incidentStarted.utc).toBe("2026-03-28T13:00:00.000Z");
  });

  it("words a logged clock time in the draft's zone, not the machine's", async () => {
    const { timed } = await undressedResolved();
    const draft = buildDraft(await aDraftInput(timed, { timeZone: "Asia/Tokyo" }));
    const set = draft.timeline.find((entry) => entry.type === "call-start-set");
    expect(set?.text).toBe("Samtalets starttid satt till 21:50:00");
    const wait = draft.timeline.find((entry) => entry.type === "wait-started");
    expect(wait?.text).toBe("Väntan 2 min startad, slutar 22:02:31");
  });
});

describe("the course of events", () => {
  it("has every log entry as a sentence with its time, phrases verbatim", async () => {
    const timed = personalAttackTerminated();
    const draft = buildDraft(await aDraftInput(timed));
    expect(draft.timeline).toHaveLength(timed.length);
    expect(draft.timeline[1]).toMatchObject({
      seq: 1,
      type: "phrase-said",
      text: "Steg 1 – sa: ”Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.”",
      verified: true,
    });
    expect(draft.timeline[1]?.when.time).toBe("14:00:10");
  });

  it("is worded in English when asked", async () => {
    const draft = buildDraft(await aDraftInput(personalAttackTerminated(), { lang: "en" }));
    expect(draft.timeline[3]?.text).toBe("Went to step 2: Warning");
    expect(draft.actions.outcomeText).toBe("The coach ended the call");
    expect(draft.coach.identityText).toMatch(/^The client's identity is left out/);
  });
});

describe("mute periods", () => {
  it("gives each wait and each muted side its length", async () => {
    const { timed } = await undressedResolved();
    const { mutes } = buildDraft(await aDraftInput(timed));
    expect(mutes.waits).toHaveLength(1);
    expect(mutes.waits[0]).toMatchObject({ durationMs: 125_000, reason: "continue", open: false });
    expect(mutes.waits[0]?.text).toBe(
      "Väntan 14:00:31–14:02:36 (2 min 5 s, planerad 2 min): samtalet fortsätter",
    );
    const sound = mutes.periods.find((p) => p.target === "client-sound");
    expect(sound).toMatchObject({ durationMs: 125_000, open: false, applied: "done" });
    expect(sound?.text).toBe("Klientens ljud avstängt 14:00:31–14:02:36 (2 min 5 s)");
  });

  it("says so when something was still muted as the session ended", async () => {
    const { timed } = await undressedResolved();
    const { mutes } = buildDraft(await aDraftInput(timed));
    const mic = mutes.periods.find((p) => p.target === "own-mic");
    expect(mic).toMatchObject({ open: true, to: null, durationMs: 268_000, applied: "already" });
    expect(mic?.text).toBe(
      "Egen mikrofon avstängd från 14:00:32: fortfarande avstängd när incidenten avslutades 14:05:00 (4 min 28 s) – var redan avstängd",
    );
  });

  it("lists a mute that failed apart, with what the page said", async () => {
    const { timed } = await undressedResolved();
    const { mutes } = buildDraft(await aDraftInput(timed));
    expect(mutes.periods.map((p) => p.target)).not.toContain("own-camera");
    expect(mutes.failures).toEqual([
      expect.objectContaining({
        target: "own-camera",
        action: "mute",
        detail: "no button",
        text: "Egen kamera: kunde inte stängas av 14:00:32 (no button)",
      }),
    ]);
  });

  it("leaves a wait and a mute open, without a length, while the session runs", async () => {
    const timed: Timed[] = [
      [0, started(["inappropriate/driving"])],
      [10, said(1, "park-the-car")],
      [20, anEvent("wait-started", { deadline: at(140), durationMs: 120_000 })],
      [20, anEvent("mute-applied", { target: "client-picture", result: "done" })],
      [30, anEvent("wait-extended", { deadline: at(200) })],
    ];
    const { mutes } = buildDraft(await aDraftInput(timed));
    expect(mutes.waits[0]).toMatchObject({ open: true, durationMs: null, plannedMs: 180_000 });
    expect(mutes.waits[0]?.text).toBe("Väntan från 14:00:20 (planerad 3 min): pågår fortfarande");
    expect(mutes.periods[0]?.text).toBe("Klientens bild dold från 14:00:20: fortfarande dold");
  });

  it("keeps a side muted when restoring it failed", async () => {
    const timed: Timed[] = [
      [0, started(["inappropriate/undressed"])],
      [10, anEvent("mute-applied", { target: "client-sound", result: "done" })],
      [130, anEvent("mute-restored", { target: "client-sound", result: "failed" })],
      [140, anEvent("mute-restored", { target: "client-sound", result: "done" })],
    ];
    const { mutes } = buildDraft(await aDraftInput(timed));
    expect(mutes.periods[0]).toMatchObject({ durationMs: 130_000, open: false });
    expect(mutes.failures[0]).toMatchObject({ action: "restore" });
  });

  it("ends the picture's hidden period when the cover was lost, and starts one when it is back", async () => {
    const picture = (result: "done" | "failed", reason?: CoverChangeCode["reason"]) =>
      anEvent("mute-applied", {
        target: "client-picture",
        result,
        ...(reason ? { code: { reason, count: 1 } } : {}),
      });
    const timed: Timed[] = [
      [0, started(["inappropriate/undressed"])],
      [20, anEvent("wait-started", { deadline: at(140), durationMs: 120_000 })],
      [20, picture("done")],
      [50, picture("done", "cover-reapplied")],
      [60, picture("failed", "cover-lost")],
      [90, picture("done", "cover-reapplied")],
      [130, anEvent("wait-ended", { reason: "continue" })],
      [130, anEvent("mute-restored", { target: "client-picture", result: "done" })],
    ];
    const { mutes } = buildDraft(await aDraftInput(timed));
    expect(mutes.periods.map((p) => p.text)).toEqual([
      "Klientens bild dold 14:00:20–14:01:00 (40 s)",
      "Klientens bild dold 14:01:30–14:02:10 (40 s)",
    ]);
    expect(mutes.failures).toEqual([
      expect.objectContaining({
        text: "Klientens bild: kunde inte stängas av 14:01:00 (Tresteg kunde inte hålla täckningen överst: mötessidan visar klientens bild över den.)",
      }),
    ]);
  });

  it("has no periods for a session without a wait", async () => {
    const { mutes } = buildDraft(await aDraftInput(personalAttackTerminated()));
    expect(mutes).toEqual({ waits: [], periods: [], failures: [] });
  });
});

describe("screenshots", () => {
  it("lists each with its log entry, time, size, hash, caption and file name", async () => {
    const { timed, evidence } = await undressedResolved();
    const draft = buildDraft(await aDraftInput(timed, { evidence }));
    const record = evidence[0]!;
    expect(draft.screenshots).toEqual([
      expect.objectContaining({
        number: 1,
        evidenceId: "evidence-1",
        seq: 9,
        width: 1920,
        height: 1080,
        bytes: 64,
        sha256: record.sha256,
        recordMatchesLog: true,
        caption: "Klienten utan tröja",
        deleted: null,
        fileName: "screenshots/01-140050.png",
        fileCheck: "not-checked",
      }),
    ]);
    expect(draft.screenshots[0]?.taken.utc).toBe("2026-03-28T13:00:50.000Z");
  });

  it("keeps a deleted screenshot listed with its hash but without a file", async () => {
    const kept = await aScreenshot("evidence-1", 20);
    const gone = await aScreenshot("evidence-2", 40, { deletedAt: at(60) });
    const timed: Timed[] = [
      [0, started(["personal-attack"])],
      [20, kept.event],
      [40, gone.event],
      [60, anEvent("screenshot-deleted", { evidenceId: "evidence-2", sha256: gone.record.sha256 })],
    ];
    const evidence = [kept.record, { ...gone.record, png: new Blob([]) }];
    const { screenshots } = buildDraft(await aDraftInput(timed, { evidence }));
    expect(screenshots.map((s) => s.number)).toEqual([1, 2]);
    expect(screenshots[1]).toMatchObject({
      sha256: gone.record.sha256,
      fileName: null,
      bytes: null,
    });
    expect(screenshots[1]?.deleted?.time).toBe("14:01:00");
  });

  it("flags a stored image whose hash differs from the logged one", async () => {
    const shot = await aScreenshot("evidence-1", 20);
    const timed: Timed[] = [
      [0, started(["personal-attack"])],
      [20, shot.event],
    ];
    const evidence = [{ ...shot.record, sha256: "f".repeat(64) }];
    const { screenshots } = buildDraft(await aDraftInput(timed, { evidence }));
    expect(screenshots[0]).toMatchObject({ recordMatchesLog: false, sha256: shot.record.sha256 });
  });
});

describe("actions taken", () => {
  it("shows how far the steps went, the phrases of each with every time, and the end", async () => {
    const { actions } = buildDraft(await aDraftInput(personalAttackTerminated()));
    expect(actions.highestStep).toBe(3);
    expect(actions.steps.map((s) => [s.number, s.reached, s.phrases.length])).toEqual([
      [1, true, 2],
      [2, true, 1],
      [3, true, 1],
    ]);
    const warning = actions.steps[1]?.phrases[0];
    expect(warning?.text).toBe(
      "Fortsätter du att vara aggressiv/respektlös kommer jag avsluta samtalet",
    );
    expect(warning?.times.map((t) => t.time)).toEqual(["14:01:05", "14:01:35"]);
    expect(actions.terminated?.time).toBe("14:02:06");
    expect(actions.hangUp).toMatchObject({
      result: "done",
      text: "Lade på i mötet 14:02:07: klart",
    });
    expect(actions.outcome).toBe("terminated");
    expect(actions.outcomeText).toBe("Samtalet avslutades av coachen");
  });

  it("shows a resolved incident as resolved in step 1, not terminated", async () => {
    const { timed } = await undressedResolved();
    const { actions } = buildDraft(await aDraftInput(timed));
    expect(actions.highestStep).toBe(1);
    expect(actions.steps.map((s) => s.reached)).toEqual([true, false, false]);
    expect(actions.waitCount).toBe(1);
    expect(actions.resolved.map((m) => m.time)).toEqual(["14:02:50"]);
    expect(actions.terminated).toBeNull();
    expect(actions.outcome).toBe("resolved");
  });

  it("says the incident is not ended while the session is open", async () => {
    const timed: Timed[] = [[0, started(["raised-voice"])]];
    const draft = buildDraft(await aDraftInput(timed));
    expect(draft.status).toBe("open");
    expect(draft.actions.outcome).toBeNull();
    expect(draft.actions.outcomeText).toBe("incidenten är inte avslutad");
    expect(draft.call.ended).toBeNull();
  });
});

describe("kinds of exposure", () => {
  it.each([
    ["personal-attack", "Personangrepp", "assess"],
    ["raised-voice", "Höjer rösten med hotfull ton", "assess"],
    ["self-harm-threat", "Hotar med våld mot sig själv", "assess"],
    [
      "inappropriate/others-in-room",
      "Opassande beteende i videosamtalet – Andra i rummet",
      "required",
    ],
    ["meet-outside", "Vill träffas utanför coachningen", "assess"],
  ] as const)("names %s as the routine does (%s)", async (ref, label, police) => {
    const timed: Timed[] = [
      [0, started([ref])],
      [60, anEvent("session-ended", { outcome: "client-left" })],
    ];
    const draft = buildDraft(await aDraftInput(timed));
    expect(draft.kinds).toEqual([{ ref, label }]);
    expect(draft.police.requirement).toBe(police);
    expect(draft.actions.outcomeText).toBe("Klienten lämnade samtalet");
  });

  it("takes the kinds as last changed in the log, and the tags", async () => {
    const timed: Timed[] = [
      [0, { ...started([]), trigger: "evidence" }],
      [30, anEvent("kinds-changed", { kinds: ["raised-voice"] })],
      [40, anEvent("tag", { tag: "threat-of-violence" })],
      [45, anEvent("tag", { tag: "threat-of-violence" })],
    ];
    const draft = buildDraft(await aDraftInput(timed));
    expect(draft.kinds.map((k) => k.ref)).toEqual(["raised-voice"]);
    expect(draft.tags).toEqual([{ tag: "threat-of-violence", label: "Hot om våld" }]);
    expect(draft.police.requirement).toBe("required");
  });
});

describe("the coach's own words", () => {
  it("keeps description, actions, notes and threat details apart, and the K-number", async () => {
    const timed: Timed[] = [
      [0, started(["raised-voice"])],
      [20, anEvent("note", { text: "Hen sa att hen vet var jag bor." })],
      [25, anEvent("threat-detail", { field: "dialect", value: "skånska" })],
      [26, anEvent("threat-detail", { field: "sounds", value: "trafik" })],
    ];
    const edits = {
      ...emptyEdits(),
      description: "Klienten höjde rösten och hotade.",
      actions: "Avslutade samtalet, ringde chefen.",
      unit: "  Hälsocoach online  ",
      policeReportNumber: " K-123456-26 ",
    };
    const draft = buildDraft(await aDraftInput(timed, { edits }));
    expect(draft.coach.description).toBe("Klienten höjde rösten och hotade.");
    expect(draft.coach.actions).toBe("Avslutade samtalet, ringde chefen.");
    expect(draft.coach.notes.map((n) => [n.seq, n.when.time, n.text])).toEqual([
      [1, "14:00:20", "Hen sa att hen vet var jag bor."],
    ]);
    expect(draft.coach.threatDetails.map((d) => `${d.label}: ${d.value}`)).toEqual([
      "Dialekt eller brytning: skånska",
      "Bakgrundsljud: trafik",
    ]);
    expect(draft.unit).toBe("Hälsocoach online");
    expect(draft.police.reportNumber).toBe("K-123456-26");
  });

  it("leaves the client's identity out, and says so, unless the coach adds it", async () => {
    const timed = personalAttackTerminated();
    const without = buildDraft(await aDraftInput(timed));
    expect(without.coach.clientIdentity).toBeNull();
    expect(without.coach.identityText).toBe(
      "Klientens identitet anges inte i utkastet. Coachen lägger bara till den om det behövs.",
    );
    const edits = { ...emptyEdits(), clientIdentity: "Klient A, 19800101-0000" };
    const withIt = buildDraft(await aDraftInput(timed, { edits }));
    expect(withIt.coach.clientIdentity).toBe("Klient A, 19800101-0000");
    expect(withIt.coach.identityText).toBe("Tillagd av coachen: Klient A, 19800101-0000");
  });
});

describe("the checklist in the draft", () => {
  it("counts tracing from the call's start and warns when built near its deadline", async () => {
    const { timed } = await undressedResolved();
    // The call began 13:50 on 28 March; ten days later is 7 April 13:50 (summer time).
    const now = Date.parse("2026-04-05T09:00:00+02:00");
    const draft = buildDraft(await aDraftInput(timed, { now }));
    const tracing = draft.checklist.find((item) => item.id === "call-tracing");
    expect(tracing?.dueText).toBe("senast tis 7 apr. 2026 13:50");
    expect(tracing?.warning).toEqual({
      kind: "soon",
      msLeft: Date.parse("2026-04-07T13:50:00+02:00") - now,
    });
    const withoutNow = buildDraft(await aDraftInput(timed));
    expect(withoutNow.checklist.every((item) => item.warning === null)).toBe(true);
  });

  it("carries the ticks the coach made, with their times", async () => {
    const edits = { ...emptyEdits(), checklist: { "police-report": at(3600) } };
    const draft = buildDraft(await aDraftInput(personalAttackTerminated(), { edits }));
    const police = draft.checklist.find((item) => item.id === "police-report");
    expect(police?.done?.local).toBe("2026-03-28 15:00:00 +01:00");
  });
});

describe("routine and channel", () => {
  it("carries the routine's document id and the version the session was logged with", async () => {
    const draft = buildDraft(await aDraftInput(personalAttackTerminated()));
    expect(draft.routine).toMatchObject({
      documentId: "RHS9926-1306825477-79",
      version: "3.0",
      currentVersion: null,
    });
    expect(draft.channel).toEqual({
      medium: "video-call",
      platform: "jitsi",
      platformName: "Jitsi Meet",
      origin: "https://meet.jit.si",
      title: "Coachning – Klient A",
    });
    expect(draft.practice).toBe(false);
  });

  it("notes when the pack has moved on since the session was logged", async () => {
    const [head, ...rest] = personalAttackTerminated();
    const [seconds, first] = head!;
    const events = await aLog([
      [seconds, { ...first, packVersion: "2.0" } as IncidentEvent],
      ...rest,
    ]);
    const draft = buildDraft(await aDraftInput([], { events }));
    expect(draft.routine.version).toBe("2.0");
    expect(draft.routine.currentVersion).toBe("3.0");
    expect(draft.routine.text).toMatch(
      /loggades med version 2\.0; frasbiblioteket har version 3\.0/,
    );
  });
});

describe("integrity", () => {
  it("states an unbroken chain, the head hash and what it proves", async () => {
    const events = await aLog(personalAttackTerminated());
    const head = { length: events.length, headHash: events.at(-1)!.hash };
    const { integrity } = buildDraft(await aDraftInput([], { events, head }));
    expect(integrity.chain).toEqual({ ok: true, count: events.length });
    expect(integrity.chainText).toMatch(/^Loggkedjan är obruten: 11 poster/);
    expect(integrity.headHash).toBe(events.at(-1)?.hash);
    expect(integrity.summaryMatches).toBe(true);
    expect(integrity.statement).toMatch(
      /filerna i exporten är oförändrade sedan exporten .* varje signerad loggpost är oförändrad sedan denna installation av Tresteg signerade den, vid den tid som datorns egen klocka angav/,
    );
    expect(integrity.statement).toMatch(
      /Vad det inte visar: att inget utelämnades innan posterna signerades, att datorns klocka gick rätt/,
    );
    expect(integrity.statement).not.toMatch(/sedan de registrerades/);
  });

  it("still builds for a tampered log, saying where the chain breaks", async () => {
    const events = await aLog(personalAttackTerminated());
    events[4] = { ...events[4]!, text: "Något annat" } as (typeof events)[number];
    const draft = buildDraft(await aDraftInput([], { events, chain: await verifyChain(events) }));
    expect(draft.integrity.chain).toEqual({ ok: false, count: 11, breakSeq: 4, reason: "hash" });
    expect(draft.integrity.chainText).toBe(
      "Loggkedjan bryts vid post 4: postens innehåll stämmer inte med dess hash. Posterna från och med post 4 kan inte styrkas.",
    );
    expect(draft.timeline.map((e) => e.verified)).toEqual([
      ...Array(4).fill(true),
      ...Array(7).fill(false),
    ]);
  });

  it("names the missing entry when one was removed", async () => {
    const events = await aLog(personalAttackTerminated());
    events.splice(2, 1);
    const draft = buildDraft(await aDraftInput([], { events, chain: await verifyChain(events) }));
    expect(draft.integrity.chain).toMatchObject({ ok: false, breakSeq: 3, reason: "gap" });
    expect(draft.integrity.chainText).toMatch(/en post saknas \(väntade post 2\)/);
    expect(draft.timeline[1]?.verified).toBe(true);
    expect(draft.timeline[2]?.verified).toBe(false);
  });

  it("notices a log cut off at its end, which the chain alone cannot show", async () => {
    const events = await aLog(personalAttackTerminated());
    const head = { length: events.length, headHash: events.at(-1)!.hash };
    const cut = events.slice(0, 8);
    const draft = buildDraft(
      await aDraftInput([], { events: cut, head, chain: await verifyChain(cut) }),
    );
    expect(draft.integrity.chain.ok).toBe(true);
    expect(draft.integrity.summaryMatches).toBe(false);
    expect(draft.integrity.summaryText).toBe(
      "Incidentens sammanfattning anger 11 poster men loggen har 8: slutet av loggen kan saknas.",
    );
  });

  it("notices a rewritten chain whose head no longer matches the stored one", async () => {
    const events = await aLog(personalAttackTerminated());
    const head = { length: events.length, headHash: events.at(-1)!.hash };
    const forged = [...events];
    forged[10] = await sealed({ ...events[10]!, at: events[10]!.at + 1 });
    const draft = buildDraft(
      await aDraftInput([], { events: forged, head, chain: await verifyChain(forged) }),
    );
    expect(draft.integrity.chain.ok).toBe(true);
    expect(draft.integrity.summaryMatches).toBe(false);
    expect(draft.integrity.summaryText).toMatch(/annan sista hash/);
  });
});

describe("facts from the chain, the sessions row an index", () => {
  it("takes date, times, outcome, platform, address, title and practice from the log, and says where the row differs", async () => {
    const events = await aLog(personalAttackTerminated());
    const honest = buildDraft(await aDraftInput([], { events }));
    // Someone edits only the row: another day, another meeting, practice, another outcome.
    const session = aSessionRecord(events, {
      startedAt: honest.call.incidentStarted.at - 86_400_000,
      endedAt: honest.call.incidentStarted.at - 86_000_000,
      outcome: "resolved",
      origin: "https://evil.example",
      title: "Något annat",
      platform: "teams",
      practice: true,
    });
    const draft = buildDraft(await aDraftInput([], { events, session }));
    expect(draft.date).toBe(honest.date);
    expect(draft.call).toEqual(honest.call);
    expect(draft.channel).toEqual(honest.channel);
    expect(draft.practice).toBe(false);
    expect(draft.actions.outcome).toBe(honest.actions.outcome);
    expect(draft.integrity.facts).toEqual({
      source: "chain",
      rowDiffers: ["startedAt", "endedAt", "outcome", "origin", "title", "platform", "practice"],
      text: "Incidentens sammanfattningsrad stämmer inte med loggkedjan (start, slut, utfall, adress, sidtitel, plattform, övning). Rapporten använder loggkedjans uppgifter.",
    });
    expect(honest.integrity.facts.text).toBeNull();
  });

  it("says a truncated log no longer ends the incident when the row still says it ended", async () => {
    const events = await aLog(personalAttackTerminated());
    const session = aSessionRecord(events);
    const draft = buildDraft(await aDraftInput([], { events: events.slice(0, -1), session }));
    expect(draft.status).toBe("open");
    expect(draft.call.ended).toBeNull();
    expect(draft.integrity.facts.rowDiffers).toEqual(["status", "endedAt", "outcome"]);
  });

  it("falls back to the row, and says so, only when the log has lost its first entry", async () => {
    const events = await aLog(personalAttackTerminated());
    const session = aSessionRecord(events);
    const draft = buildDraft(await aDraftInput([], { events: events.slice(1), session }));
    expect(draft.integrity.facts.source).toBe("row");
    expect(draft.integrity.facts.text).toMatch(/saknar sin första post/);
    expect(draft.channel.origin).toBe(session.origin);
  });
});
