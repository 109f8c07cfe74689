import { describe, expect, it } from "vitest";
import { buildDraft } from "@/lib/draft/build";
import { emptyEdits } from "@/lib/draft/edits";
import type { IncidentDraft } from "@/lib/draft/types";
import { renderHtml } from "@/lib/draft/render-html";
import { REPORT_SCHEMA, renderJson } from "@/lib/draft/render-json";
import { renderMarkdown } from "@/lib/draft/render-markdown";
import { renderText } from "@/lib/draft/render-text";
import { verifyChain } from "@/lib/log/chain";
import { anEvent } from "../builders";
import {
  aDraftInput,
  aLog,
  aScreenshot,
  at,
  personalAttackTerminated,
  started,
  type Timed,
  undressedResolved,
} from "./sessions";

async function undressedDraft(overrides: Parameters<typeof aDraftInput>[1] = {}) {
  const { timed, evidence } = await undressedResolved();
  const edits = {
    ...emptyEdits(),
    description: "Klienten satt utan tröja.\nHen vägrade klä på sig.",
    unit: "Hälsocoach online",
    policeReportNumber: "K-123456-26",
    checklist: { manager: at(400) },
  };
  return buildDraft(await aDraftInput(timed, { evidence, edits, ...overrides }));
}

async function brokenDraft(): Promise<IncidentDraft> {
  const events = await aLog(personalAttackTerminated());
  events[4] = { ...events[4]!, text: "Något annat" } as (typeof events)[number];
  return buildDraft(await aDraftInput([], { events, chain: await verifyChain(events) }));
}

const lines = (text: string) => text.split("\n");

describe("plain text for the deviation report form", () => {
  it("has capital, underlined headings and one fact per line", async () => {
    const text = renderText(await undressedDraft());
    expect(lines(text).slice(0, 2)).toEqual([
      "INCIDENTRAPPORT – UTKAST",
      "========================",
    ]);
    const i = lines(text).indexOf("HÄNDELSEFÖRLOPP");
    expect(lines(text)[i + 1]).toBe("---------------");
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        "Datum: lördag 28 mars 2026 (2026-03-28)",
        "Samtalet började: 13:50:00 (angiven under samtalet)",
        "Incidenten avslutades: 14:05:00",
        "Enhet: Hälsocoach online",
        "Kanal: Videosamtal, Jitsi Meet",
        "- Opassande beteende i videosamtalet – Bar överkropp",
        "14:00:12  Steg 1 – sa: ”Jag vill att du klär på dig på överkroppen innan vi fortsätter vårt samtal”",
        "- Väntan 14:00:31–14:02:36 (2 min 5 s, planerad 2 min): samtalet fortsätter",
        "- Klientens ljud avstängt 14:00:31–14:02:36 (2 min 5 s)",
        "01. 14:00:50 – 1920×1080 px, 64 B",
        "    Bildtext: Klienten utan tröja",
        "    Fil: screenshots/01-140050.png",
        "Utfall: Klienten lugnade sig, samtalet fortsatte",
        "K-nummer: K-123456-26",
        "[x] Kontakta närmaste chef – nu – klart 2026-03-28 14:06",
        "[ ] Spårning av samtalet – senast tis 7 apr. 2026 13:50 – ej klart",
      ]),
    );
  });

  it("keeps the coach's description as written, line by line, under its own heading", async () => {
    const text = lines(renderText(await undressedDraft()));
    const i = text.indexOf("BESKRIVNING AV HÄNDELSEN (COACHENS ORD)");
    expect(text.slice(i + 2, i + 4)).toEqual([
      "Klienten satt utan tröja.",
      "Hen vägrade klä på sig.",
    ]);
    expect(text).toContain(
      "Klientens identitet anges inte i utkastet. Coachen lägger bara till den om det behövs.",
    );
  });

  it("ends with the routine and the integrity section", async () => {
    const draft = await undressedDraft();
    const text = lines(renderText(draft));
    expect(text).toContain(
      "- Utsatthet vid digitala samtal, Regionhälsan. Dokument-ID RHS9926-1306825477-79, version 3.0, giltig 2025-08-19 – 2027-08-19.",
    );
    expect(text).toContain(
      "Loggkedjan är obruten: 15 poster, var och en med hashen av den föregående.",
    );
    expect(text).toContain(`Loggens sista hash (SHA-256): ${draft.integrity.headHash}`);
    expect(text).toContain(
      "- 01. post 9, tagen 2026-03-28T13:00:50.000Z (UTC) = 2026-03-28 14:00:50 +01:00 (lokal tid)",
    );
    expect(text).toContain(`    SHA-256 ${draft.screenshots[0]?.sha256}`);
    expect(
      text.some((l) => l.startsWith("Vad detta visar: att filerna i exporten är oförändrade")),
    ).toBe(true);
  });

  it("says where a broken chain breaks and marks the entries it cannot vouch for", async () => {
    const text = lines(renderText(await brokenDraft()));
    expect(text).toContain(
      "! Loggkedjan bryts vid post 4: postens innehåll stämmer inte med dess hash. Posterna från och med post 4 kan inte styrkas.",
    );
    expect(text).toContain("14:01:00  Gick till steg 2: Varning");
    expect(text).toContain("14:01:05  Steg 2 – sa: ”Något annat” (ej styrkt)");
  });

  it("is written in English when the draft is", async () => {
    const text = lines(renderText(await undressedDraft({ lang: "en" })));
    expect(text[0]).toBe("INCIDENT REPORT – DRAFT");
    expect(text).toContain("COURSE OF EVENTS");
    expect(text).toContain("Date: Saturday 28 March 2026 (2026-03-28)");
  });

  it("dates an entry after midnight with its own day", async () => {
    const timed: Timed[] = [
      [0, started(["personal-attack"])],
      [11 * 3600, anEvent("note", { text: "Efter midnatt" })],
    ];
    const text = lines(renderText(buildDraft(await aDraftInput(timed))));
    expect(text).toContain("2026-03-29 01:00:00  Anteckning: Efter midnatt");
  });
});

describe("Markdown", () => {
  it("has the title, a heading per section and the timeline as a list", async () => {
    const md = renderMarkdown(await undressedDraft());
    expect(md.startsWith("# Incidentrapport – utkast\n")).toBe(true);
    expect(md).toContain("\n## Händelseförlopp\n");
    expect(md).toContain("\n## Kontrollsummor och loggkedja\n");
    expect(md).toContain(
      "- **14:00:30** Steg 1 – sa: ”Jag väntar två minuter medans du tar på dig kläder”",
    );
    expect(md).toContain("- **K-nummer:** K-123456-26");
    expect(md).toContain("Klienten satt utan tröja.\\\nHen vägrade klä på sig.");
    expect(md).toContain("Dokument-ID RHS9926-1306825477-79, version 3.0");
  });
});

describe("HTML for printing", () => {
  const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");

  it("is a complete document with a print style, a strict policy and no script", async () => {
    const html = renderHtml(await undressedDraft());
    expect(html.startsWith("<!doctype html>")).toBe(true);
    const doc = parse(html);
    expect(doc.documentElement.lang).toBe("sv");
    expect(doc.querySelector("style")?.textContent).toContain("@page");
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute("content")).toMatch(/default-src 'none'/);
    expect(doc.querySelectorAll("script, link, iframe, object, embed").length).toBe(0);
    expect(doc.querySelector("h1")?.textContent).toBe("Incidentrapport – utkast");
    expect([...doc.querySelectorAll("h2")].map((h) => h.textContent)).toContain(
      "Kontrollsummor och loggkedja",
    );
  });

  it("heads and numbers every printed page with the incident and the unit", async () => {
    const draft = { ...(await undressedDraft()), unit: "Hälsocoach online, Regionhälsan" };
    const css = parse(renderHtml(draft)).querySelector("style")?.textContent ?? "";
    expect(css).toMatch(
      /@top-left \{ content: "Incidentrapport \d{4}-\d\d-\d\d kl\. \d\d:\d\d · Enhet: Hälsocoach online, Regionhälsan";/,
    );
    expect(css).toContain(
      '@bottom-right { content: "Sida " counter(page) " av " counter(pages) "";',
    );
  });

  it("leaves out whether checklist items are ticked, unless asked", async () => {
    const draft = await undressedDraft();
    const section = (checklistState: boolean) =>
      parse(renderHtml(draft, { checklistState })).querySelector("#checklist")?.textContent ?? "";
    expect(section(false)).not.toMatch(/ej klart|☐|☑/);
    expect(section(false)).toContain("Avvikelserapport i MedControl");
    expect(section(true)).toContain("☐ Avvikelserapport i MedControl – ej klart");
    expect(renderHtml(draft)).toContain("ej klart");
  });

  it("refers to each kept screenshot by its file when no images are given", async () => {
    const doc = parse(renderHtml(await undressedDraft()));
    const imgs = [...doc.querySelectorAll("img")].map((img) => img.getAttribute("src"));
    expect(imgs).toEqual(["screenshots/01-140050.png"]);
  });

  it("shows the images given, and only data or blob URLs", async () => {
    const draft = await undressedDraft();
    const url = "data:image/png;base64,iVBORw0KGgo=";
    const shown = parse(renderHtml(draft, { images: new Map([["evidence-1", url]]) }));
    expect(shown.querySelector("img")?.getAttribute("src")).toBe(url);
    const refused = parse(
      renderHtml(draft, { images: new Map([["evidence-1", "https://evil.example/x.png"]]) }),
    );
    expect(refused.querySelector("img")?.getAttribute("src")).toBe("screenshots/01-140050.png");
  });

  it("lists a deleted screenshot with its hash and no image", async () => {
    const gone = await aScreenshot("evidence-2", 40, { deletedAt: at(60) });
    const timed: Timed[] = [
      [0, started(["personal-attack"])],
      [40, gone.event],
      [60, anEvent("screenshot-deleted", { evidenceId: "evidence-2", sha256: gone.record.sha256 })],
    ];
    const draft = buildDraft(await aDraftInput(timed, { evidence: [gone.record] }));
    const doc = parse(renderHtml(draft));
    expect(doc.querySelectorAll("img").length).toBe(0);
    const figure = doc.querySelector("figure.deleted");
    expect(figure?.textContent).toContain(`SHA-256 ${gone.record.sha256}`);
    expect(figure?.textContent).toContain("Raderad 14:01:00");
  });
});

describe("JSON", () => {
  it("is the draft under a named, versioned schema", async () => {
    const draft = await undressedDraft();
    const json = JSON.parse(renderJson(draft));
    expect(json.schema).toBe(REPORT_SCHEMA);
    expect(json.version).toBe(3);
    const { schema: _s, version: _v, ...rest } = json;
    expect(rest).toEqual(JSON.parse(JSON.stringify(draft)));
    expect(json.routine.documentId).toBe("RHS9926-1306825477-79");
    expect(json.integrity.chain).toEqual({ ok: true, count: 15 });
  });
});

describe("every export", () => {
  it.each([
    ["text", (d: IncidentDraft) => renderText(d)],
    ["Markdown", (d: IncidentDraft) => renderMarkdown(d)],
    ["HTML", (d: IncidentDraft) => renderHtml(d)],
    ["JSON", (d: IncidentDraft) => renderJson(d)],
  ])("%s carries the routine's document id and version and the integrity", async (_, render) => {
    const draft = await brokenDraft();
    const out = render(draft);
    expect(out).toContain("RHS9926-1306825477-79");
    expect(out).toMatch(/version\W+3\.0/);
    expect(out).toContain(draft.integrity.headHash!);
    expect(out).toContain("Loggkedjan bryts vid post 4");
  });
});

describe("a screenshot taken under the cover", () => {
  it("says so in the course of events and in the list of screenshots", async () => {
    const shot = await aScreenshot("evidence-3", 50, { underCover: true, width: 640, height: 360 });
    const event = { ...shot.event, width: 640, height: 360, underCover: true as const };
    const timed: Timed[] = [
      [0, started(["inappropriate/undressed"])],
      [50, event],
    ];
    const draft = buildDraft(await aDraftInput(timed, { evidence: [shot.record] }));
    expect(draft.screenshots.map((s) => s.underCover)).toEqual([true]);
    const text = renderText(draft);
    expect(text).toContain(
      "Skärmdump 640×360 av klientens bild under skyddet, från https://meet.jit.si",
    );
    expect(text).toContain(
      "Tagen under skyddet: klientens bild ur mötessidans video, medan den var täckt för coachen.",
    );
  });

  it("is not marked when it was an ordinary screenshot", async () => {
    const shot = await aScreenshot("evidence-4", 50);
    const timed: Timed[] = [
      [0, started(["personal-attack"])],
      [50, shot.event],
    ];
    const draft = buildDraft(await aDraftInput(timed, { evidence: [shot.record] }));
    expect(draft.screenshots.map((s) => s.underCover)).toEqual([false]);
    expect(renderText(draft)).not.toContain("under skyddet");
  });
});
