import { describe, expect, it } from "vitest";
import { buildDraft } from "@/lib/draft/build";
import { emptyEdits } from "@/lib/draft/edits";
import { renderHtml } from "@/lib/draft/render-html";
import { renderMarkdown } from "@/lib/draft/render-markdown";
import { renderText } from "@/lib/draft/render-text";
import { translator } from "@/lib/i18n/messages";
import { describeEvent } from "@/lib/log/describe";
import type { IncidentEvent, IncidentEventType } from "@/lib/log/events";
import type { ActionCode } from "@/lib/log/report-code";
import { anEvent, aPack } from "../builders";
import { aDraftInput, aLog, aScreenshot, aSessionRecord, at, said, type Timed } from "./sessions";

/** One of every code, so a new code must be worded before this test compiles. */
const EVERY_CODE: { [R in ActionCode["reason"]]: Extract<ActionCode, { reason: R }> } = {
  "self-service": { reason: "self-service", control: "mic", want: "off" },
  "control-not-found": { reason: "control-not-found", control: "camera", want: "off" },
  "state-unknown": { reason: "state-unknown", control: "mic", want: "on" },
  "control-disabled": { reason: "control-disabled", control: "camera", want: "on" },
  "no-effect": { reason: "no-effect", control: "mic", want: "off" },
  "shortcut-unverified": { reason: "shortcut-unverified", control: "mic", want: "off" },
  contradicted: { reason: "contradicted", control: "camera", want: "off" },
  "client-camera-off": { reason: "client-camera-off" },
  "cover-not-on-top": { reason: "cover-not-on-top" },
  "ended-for-all": { reason: "ended-for-all" },
  "end-for-all-not-offered": { reason: "end-for-all-not-offered" },
  "no-remote-video": { reason: "no-remote-video" },
  "video-tainted": { reason: "video-tainted" },
  "covered-all": { reason: "covered-all" },
  "no-leave-control": { reason: "no-leave-control" },
  "leave-no-effect": { reason: "leave-no-effect" },
  "page-error": { reason: "page-error" },
  "page-closed": { reason: "page-closed" },
  "no-answer": { reason: "no-answer" },
  unreachable: { reason: "unreachable", error: "Could not establish connection" },
  "no-meeting-tab": { reason: "no-meeting-tab" },
  "tab-sound-unchanged": { reason: "tab-sound-unchanged" },
  "tab-error": { reason: "tab-error", error: "No tab with id: 7" },
};

/** Words that English panels, drafts and reports showed in Swedish before the codes. */
const SWEDISH_THAT_LEAKED = [
  "Okänd",
  "Egen videoplattform",
  "Övningsmöte",
  "kunde inte",
  "Kunde inte",
  "avstängd",
  "återställd",
  "igen efter omladdning",
  "Stäng av",
  "Slå på",
  "Hittade",
  "mikrofon",
  "kamera",
  "mötessidan",
  "mötesflik",
  "Något gick fel",
  "Knappen",
  "Mötet ändrade",
  "själv",
  "webbläsaren",
  "Webbläsaren",
  "minut kvar",
  "Två minuter",
  "Tresteg når",
];

/** A practice session with every kind of entry, every code, a screenshot kept and one deleted. */
async function everything() {
  const kept = await aScreenshot("evidence-1", 50, {
    origin: "chrome-extension://tresteg",
    title: "Practice meeting",
  });
  const gone = await aScreenshot("evidence-2", 60, {
    origin: "chrome-extension://tresteg",
    title: "Practice meeting",
    deletedAt: at(70),
  });
  const codes = Object.values(EVERY_CODE);
  const timed: Timed[] = [
    [
      0,
      anEvent("session-started", {
        kinds: ["inappropriate/undressed"],
        origin: "chrome-extension://tresteg",
        title: "Practice meeting",
        platform: "practice",
        practice: true,
      }),
    ],
    [2, anEvent("kinds-changed", { kinds: ["inappropriate/undressed", "personal-attack"] })],
    [5, anEvent("call-start-set", { callStartedAt: at(-600) })],
    [12, said(1, "dress-upper-body")],
    [30, said(1, "wait-two-minutes")],
    [31, anEvent("wait-started", { deadline: at(151), durationMs: 120_000 })],
    [31, anEvent("mute-applied", { target: "client-sound", result: "done" })],
    [31, anEvent("mute-applied", { target: "client-picture", result: "already" })],
    ...codes.map((code, i): Timed => [
      32 + i,
      anEvent("mute-applied", { target: i % 2 ? "own-mic" : "own-camera", result: "failed", code }),
    ]),
    [
      49,
      anEvent("mute-applied", {
        target: "client-picture",
        result: "done",
        code: { reason: "again-after-reload", then: { reason: "covered-all" } },
      }),
    ],
    [
      49,
      anEvent("mute-applied", {
        target: "own-mic",
        result: "done",
        code: { reason: "again-after-reload" },
      }),
    ],
    [50, kept.event],
    [60, gone.event],
    [70, anEvent("screenshot-deleted", { evidenceId: "evidence-2", sha256: gone.record.sha256 })],
    [100, anEvent("wait-extended", { deadline: at(211) })],
    [156, anEvent("wait-ended", { reason: "to-warning" })],
    [156, anEvent("mute-restored", { target: "client-sound", result: "done" })],
    [
      157,
      anEvent("mute-restored", {
        target: "client-picture",
        result: "failed",
        code: { reason: "page-error" },
      }),
    ],
    [158, anEvent("step-advanced", { from: 1, to: 2 })],
    [160, said(2, "warn-aggressive")],
    [170, anEvent("resolved", { step: 2 })],
    [180, anEvent("reopened", { step: 2 })],
    [185, anEvent("step-back", { from: 2, to: 1 })],
    [186, anEvent("step-advanced", { from: 1, to: 2 })],
    [187, anEvent("step-advanced", { from: 2, to: 3 })],
    [190, anEvent("note", { text: "The client shouted." })],
    [191, anEvent("tag", { tag: "threat-of-violence" })],
    [192, anEvent("threat-detail", { field: "dialect", value: "northern" })],
    [200, anEvent("track-switched", { to: "self-harm" })],
    [201, anEvent("self-harm-detail", { field: "when", value: "tonight" })],
    [202, anEvent("referral", { to: "psychiatry" })],
    [203, anEvent("emergency-reminder")],
    [203, anEvent("emergency-call")],
    [204, anEvent("track-switched", { to: "three-steps" })],
    [205, anEvent("help-called", { role: "colleague", name: "Bo Ek", channel: "email" })],
    [206, anEvent("recording-started", { sides: "client-only" })],
    [208, anEvent("recording-chunk")],
    [209, anEvent("recording-stopped", { reason: "disk-full", sha256: "c".repeat(64) })],
    [210, said(3, "end-now")],
    [211, anEvent("terminated")],
    [212, anEvent("hang-up", { result: "failed", code: { reason: "leave-no-effect" } })],
    [213, anEvent("hang-up", { result: "done", code: { reason: "page-closed" } })],
    [300, anEvent("session-ended", { outcome: "terminated" })],
  ];
  const events = await aLog(timed);
  const input = await aDraftInput(timed, {
    events,
    lang: "en",
    evidence: [kept.record, gone.record],
    session: aSessionRecord(events, {
      platform: "practice",
      origin: "chrome-extension://tresteg",
      title: "Practice meeting",
    }),
    edits: { ...emptyEdits(), description: "The client undressed.", unit: "Online coaching" },
  });
  return { timed, draft: buildDraft(input) };
}

/** The rendered text without the pack's phrases, which are verbatim Swedish by design. */
function withoutPhrases(rendered: string): string {
  let text = rendered;
  for (const step of aPack().steps) {
    for (const phrase of step.phrases) text = text.split(phrase.text).join("…");
  }
  return text;
}

describe("an English draft", () => {
  it("covers every kind of log entry in the test session", async () => {
    const { timed } = await everything();
    const types = new Set<IncidentEventType>(timed.map(([, event]) => event.type));
    const all: IncidentEventType[] = Object.keys({
      "session-started": 1,
      "kinds-changed": 1,
      "call-start-set": 1,
      "phrase-said": 1,
      "step-advanced": 1,
      "step-back": 1,
      resolved: 1,
      reopened: 1,
      terminated: 1,
      "session-ended": 1,
      "wait-started": 1,
      "wait-extended": 1,
      "wait-ended": 1,
      "mute-applied": 1,
      "mute-restored": 1,
      "hang-up": 1,
      "screenshot-taken": 1,
      "screenshot-deleted": 1,
      note: 1,
      tag: 1,
      "threat-detail": 1,
      "track-switched": 1,
      "self-harm-detail": 1,
      referral: 1,
      "emergency-reminder": 1,
      "emergency-call": 1,
      "help-called": 1,
      "recording-started": 1,
      "recording-chunk": 1,
      "recording-stopped": 1,
    } satisfies Record<IncidentEventType, 1>) as IncidentEventType[];
    expect(all.filter((type) => !types.has(type))).toEqual([]);
  });

  it.each([
    ["text", renderText],
    ["markdown", renderMarkdown],
    ["html", (draft: Parameters<typeof renderHtml>[0]) => renderHtml(draft)],
  ] as const)("in %s shows no Swedish word but the pack's phrases", async (_name, render) => {
    const { draft } = await everything();
    const rendered = render(draft);
    // The phrases are there, verbatim, and the codes are worded in English.
    expect(rendered).toContain("Jag väntar två minuter medans du tar på dig kläder");
    expect(rendered).toContain(
      "Could not find the button for the camera in the meeting. Tresteg could not turn off the camera; the coach had to do it.",
    );
    expect(rendered).toContain("Practice meeting (Tresteg)");
    const shown = withoutPhrases(rendered);
    expect(SWEDISH_THAT_LEAKED.filter((word) => shown.includes(word))).toEqual([]);
  });

  it("words every code in both languages, none left as its key", () => {
    for (const lang of ["sv", "en"] as const) {
      const t = translator(lang);
      for (const code of Object.values(EVERY_CODE)) {
        const text = describeEvent(
          anEvent("mute-applied", { target: "own-mic", result: "failed", code }),
          aPack(),
          t,
          lang,
        );
        expect(text).not.toMatch(/(code|yourself|device)\.[a-z]|\{\w+\}/);
      }
    }
  });
});

describe("an entry logged before the codes", () => {
  const old: IncidentEvent[] = [
    anEvent("mute-applied", {
      target: "own-mic",
      result: "failed",
      detail: "Hittade inte knappen för mikrofonen i mötet. Stäng av din mikrofon själv.",
    }),
    anEvent("mute-restored", {
      target: "client-picture",
      result: "done",
      detail: "igen efter omladdning av sidan / again after the page reloaded",
    }),
    anEvent("hang-up", {
      result: "failed",
      detail: "sidan svarade inte / the page did not answer",
    }),
  ];

  it("shows its sentence as it was written, in either language's timeline", () => {
    const en = translator("en");
    expect(old.map((event) => describeEvent(event, aPack(), en, "en"))).toEqual([
      "Own microphone: could not be turned off (Hittade inte knappen för mikrofonen i mötet. Stäng av din mikrofon själv.)",
      "Client's picture: shown again (igen efter omladdning av sidan / again after the page reloaded)",
      "Hung up in the meeting: failed (sidan svarade inte / the page did not answer)",
    ]);
  });

  it("keeps its sentence in the draft's failures and actions, and its hash chain", async () => {
    const timed: Timed[] = [
      [0, anEvent("session-started")],
      [10, old[0] as IncidentEvent],
      [20, old[2] as IncidentEvent],
    ];
    const draft = buildDraft(await aDraftInput(timed, { lang: "en" }));
    expect(draft.integrity.chain.ok).toBe(true);
    expect(draft.mutes.failures[0]?.detail).toBe(
      "Hittade inte knappen för mikrofonen i mötet. Stäng av din mikrofon själv.",
    );
    expect(draft.actions.hangUp?.text).toMatch(
      /: failed \(sidan svarade inte \/ the page did not answer\)$/,
    );
  });
});
