import { describe, expect, it } from "vitest";
import { buildDraft } from "@/lib/draft/build";
import { emptyEdits } from "@/lib/draft/edits";
import { renderHtml } from "@/lib/draft/render-html";
import { renderJson } from "@/lib/draft/render-json";
import { renderMarkdown } from "@/lib/draft/render-markdown";
import { renderText } from "@/lib/draft/render-text";
import { anEvent } from "../builders";
import { aDraftInput, personalAttackTerminated, started, type Timed } from "./sessions";

/** A threat against themselves, handled in the handbook's guidance only. */
const selfHarmCalmed = (): Timed[] => [
  [0, started(["self-harm-threat"])],
  [20, anEvent("self-harm-detail", { field: "name", value: "Kim Berg" })],
  [30, anEvent("self-harm-detail", { field: "how", value: "tabletter" })],
  [40, anEvent("referral", { to: "psychiatry" })],
  [50, anEvent("emergency-reminder")],
  [70, anEvent("emergency-call", { confirmed: true })],
  [90, anEvent("resolved", { step: 1, track: "self-harm" })],
  [120, anEvent("session-ended", { outcome: "resolved" })],
];

describe("the self-harm section of the draft", () => {
  it("holds the details, the referrals and the 112 reminder and call, in every format", async () => {
    const draft = buildDraft(await aDraftInput(selfHarmCalmed()));
    expect(draft.selfHarm?.details.map((d) => `${d.label}: ${d.value}`)).toEqual([
      "Namn: Kim Berg",
      "Hur: tabletter",
    ]);
    expect(draft.selfHarm?.referrals.map((r) => r.to)).toEqual(["psychiatry"]);
    expect(draft.selfHarm?.emergency.map((e) => e.stage)).toEqual(["reminder", "called"]);
    const text = renderText(draft);
    const section = text.slice(text.indexOf("HOT OM VÅLD MOT SIG SJÄLV"));
    expect(section).toContain("14:00:20  Namn: Kim Berg");
    expect(section).toContain("14:00:40  Hänvisad till Psykiatrin");
    expect(section).toContain(
      "14:00:50  Akut – påminnelsen om 112 visades; inget samtal till 112 bekräftat",
    );
    expect(section).toContain("14:01:10  Akut – 112 ringt (bekräftat av coachen)");
    expect(renderMarkdown(draft)).toContain("## Hot om våld mot sig själv");
    expect(renderHtml(draft)).toContain("Hot om våld mot sig själv");
    expect(JSON.parse(renderJson(draft)).selfHarm.identifies).toBe(true);
  });

  it("says the draft holds the client's identity when the details name the client", async () => {
    const draft = buildDraft(await aDraftInput(selfHarmCalmed()));
    expect(draft.coach.identityText).not.toContain("anges inte");
    expect(draft.coach.identityText).toMatch(/^Utkastet innehåller klientens identitet/);
    expect(renderText(draft)).not.toContain("Klientens identitet anges inte i utkastet");
  });

  it("keeps the plain statement when the details do not identify the client", async () => {
    const timed = selfHarmCalmed().filter(
      ([, e]) => !(e.type === "self-harm-detail" && e.field === "name"),
    );
    const draft = buildDraft(await aDraftInput(timed));
    expect(draft.selfHarm?.identifies).toBe(false);
    expect(draft.coach.identityText).toMatch(/^Klientens identitet anges inte i utkastet/);
  });

  it("says nothing about steps reached when the three steps were never used", async () => {
    const draft = buildDraft(await aDraftInput(selfHarmCalmed()));
    expect(draft.actions.threeSteps).toBe(false);
    const text = renderText(draft);
    expect(text).not.toContain("Högsta steg");
    expect(text).not.toMatch(/Steg 1 – Lugna ner/);
    expect(text).toContain("Klienten lugnade sig 14:01:30");
  });

  it("words an older 112 entry as it was logged, and says what it was", async () => {
    const timed: Timed[] = [
      [0, started(["self-harm-threat"])],
      [50, anEvent("emergency-call", {})],
    ];
    delete (timed[1]?.[1] as { confirmed?: true }).confirmed;
    const draft = buildDraft(await aDraftInput(timed));
    const old = draft.timeline.find((entry) => entry.type === "emergency-call");
    expect(old?.text).toBe("Akut – 112 ringt");
    expect(draft.selfHarm?.emergency[0]?.stage).toBe("logged-as-called");
    expect(renderText(draft)).toContain("när påminnelsen visades, inte bekräftat av coachen");
  });

  it("has no self-harm section, and keeps the steps, for a three-step incident", async () => {
    const draft = buildDraft(await aDraftInput(personalAttackTerminated()));
    expect(draft.selfHarm).toBeNull();
    expect(draft.actions.threeSteps).toBe(true);
    expect(renderText(draft)).toContain("Högsta steg: 3");
    expect(renderText(draft)).not.toContain("HOT OM VÅLD MOT SIG SJÄLV");
  });
});

describe("the call's start in the draft", () => {
  it("says it is not given, and what the tracing deadline counts from meanwhile", async () => {
    const draft = buildDraft(await aDraftInput(personalAttackTerminated()));
    const tracing = draft.checklist.find((item) => item.id === "call-tracing");
    expect(tracing?.dueText).toBe(
      "senast tis 7 apr. 2026 14:00, räknat från incidentens start kl. 14:00:00, eftersom samtalets starttid inte är angiven",
    );
    expect(renderText(draft)).toContain(
      "Samtalet började: inte angiven (tidsfristerna räknas från incidentens start 14:00:00)",
    );
  });

  it("counts from the call's start, without the note, once the coach sets it", async () => {
    const edits = { ...emptyEdits(), callStartedAt: Date.parse("2026-03-28T13:50:00+01:00") };
    const draft = buildDraft(await aDraftInput(personalAttackTerminated(), { edits }));
    const tracing = draft.checklist.find((item) => item.id === "call-tracing");
    expect(tracing?.dueText).toBe("senast tis 7 apr. 2026 13:50");
  });
});
