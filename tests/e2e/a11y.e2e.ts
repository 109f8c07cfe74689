import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tresteg, launchTresteg } from "./harness";
import { PanelPage, until } from "./pages/panel";

// Every view of the panel, and the printable report, audited by axe-core (the standard
// accessibility engine) against WCAG 2.0/2.1 A and AA and axe's best practices (every impact,
// moderate and minor too: one main landmark, all content inside landmarks), in the light and the
// dark colour scheme, plus what axe cannot see: reaching and starting with the keyboard, and a visible focus ring.

// Only for typing the callbacks evaluated in the page, where axe-core puts itself on window.
declare const axe: typeof import("axe-core");

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const SCHEMES = ["light", "dark"] as const;
const CALM = "Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.";

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

let axeSource = "";
/** How axe got into each kind of page, said once per kind in the test output. */
const injectedBy = new Map<string, string>();

/**
 * Puts axe-core into a page. A script tag first; but extension pages' CSP forbids inline
 * scripts, so when the tag did not run, the source is evaluated through the DevTools protocol,
 * which a page's CSP does not govern.
 */
async function injectAxe(target: Page) {
  const url = target.url();
  const kind = url.startsWith("blob:") ? "a blob: page" : (url.split("?")[0] ?? url);
  const present = () => target.evaluate(() => "axe" in window).catch(() => false);
  if (await present()) return;
  let how = "addScriptTag";
  try {
    await target.addScriptTag({ content: axeSource });
  } catch {
    // Refused outright; fall through to evaluating the source.
  }
  if (!(await present())) {
    how = "evaluate(source) (addScriptTag was blocked by the page's CSP)";
    await target.evaluate(axeSource);
  }
  if (!(await present())) throw new Error(`axe-core could not be put into ${kind}`);
  if (!injectedBy.has(kind)) {
    injectedBy.set(kind, how);
    console.info(`axe-core in ${kind}: ${how}`);
  }
}

/** axe's WCAG A/AA violations in one document, shortened to what a reader needs. */
async function axeViolations(target: Page): Promise<Violation[]> {
  await injectAxe(target);
  return target.evaluate(async (tags) => {
    const results = await axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
      iframes: false,
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(" "),
        summary: n.failureSummary ?? "",
      })),
    }));
  }, WCAG_TAGS);
}

function describeViolations(where: string, violations: Violation[]): string {
  const lines = [`${violations.length} axe violation(s) in ${where}:`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact}): ${v.help}`);
    for (const node of v.nodes) {
      lines.push(`    at ${node.target}`);
      for (const line of node.summary.split("\n")) lines.push(`      ${line.trim()}`);
    }
  }
  return lines.join("\n");
}

/** Audits a page's document in both colour schemes; fails listing every violation. */
async function audit(page: Page, view: string) {
  const found: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // Let a re-render or a scheme change settle before reading colours.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const violations = await axeViolations(page);
    if (violations.length) found.push(describeViolations(`${view} (${colorScheme})`, violations));
  }
  await page.emulateMedia({ colorScheme: "light" });
  // Soft: the test fails, but goes on to the next view, so one run lists every violation.
  expect.soft(found, found.join("\n")).toEqual([]);
}

/** Relative luminance contrast of two CSS rgb()/rgba() colours (WCAG 2 formula). */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => {
      const c = Number(x) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Presses Tab until `isTarget` holds for the focused element; the elements passed on the way. */
async function tabTo(page: Page, isTarget: () => boolean, maxPresses = 30) {
  const passed: string[] = [];
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(isTarget)) return passed;
    passed.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        return el
          ? `${el.tagName.toLowerCase()} "${el.getAttribute("aria-label") ?? el.textContent?.trim()}"`
          : "none";
      }),
    );
  }
  throw new Error(
    `Tab did not reach the target in ${maxPresses} presses; passed: ${passed.join(", ")}`,
  );
}

describe("accessibility of every view (axe-core, WCAG A/AA and best practices, light and dark)", () => {
  let app: Tresteg;
  let panel: PanelPage;
  let page: Page;

  beforeAll(async () => {
    axeSource = await readFile(
      createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
      "utf8",
    );
    app = await launchTresteg({ grant: ["<all_urls>"] });
    const meeting = await app.openMeeting("/tests/e2e/fixtures/platforms/jitsi.html");
    await meeting.waitForFunction(() => document.body.dataset.media !== undefined);
    page = await app.openPanel(await app.tabIdOf(meeting));
    panel = new PanelPage(page);
    await page.getByRole("heading", { name: "Starta incident" }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("the start view", async () => {
    await audit(page, "the start view");
  });

  it("the start view in English", async () => {
    await panel.click(/Byt språk till engelska/);
    await page.getByRole("heading", { name: "Start incident" }).waitFor();
    await audit(page, "the English start view");
    await panel.click(/Switch language to Swedish/);
    await page.getByRole("heading", { name: "Starta incident" }).waitFor();
  });

  it("the readiness line under the meeting line, folded open", async () => {
    const summary = page.locator("[data-testid=readiness] summary");
    await summary.waitFor();
    await summary.click();
    await page.getByRole("list", { name: "Här kan Tresteg" }).waitFor();
    await audit(page, "the readiness line, folded open");
    await summary.click();
  });

  it("reaches the first start button with Tab and starts an incident with Enter", async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const passed = await tabTo(page, () => {
      const first = document.querySelector(".start button.kind");
      return first !== null && document.activeElement === first;
    });
    // The first start button Tab lands on is the first one, and it is named as such.
    expect(passed.filter((name) => name.includes("Starta incident"))).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(
      /^Starta incident: /,
    );
    await page.keyboard.press("Enter");
    await panel.expectStep(1, "Lugna ner");
  });

  it("shows a visible focus ring on a phrase button reached with the keyboard", async () => {
    await tabTo(page, () => document.activeElement?.matches("button.phrase") ?? false);
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return {
        focusVisible: el.matches(":focus-visible"),
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        colour: style.outlineColor,
        background: getComputedStyle(document.body).backgroundColor,
      };
    });
    expect(ring.focusVisible).toBe(true);
    expect(ring.style).not.toBe("none");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    // WCAG 1.4.11: the ring, drawn off the button over the page, stands out 3:1 from it.
    expect(contrast(ring.colour, ring.background)).toBeGreaterThanOrEqual(3);
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await page.evaluate(() => ({
      colour: getComputedStyle(document.activeElement as HTMLElement).outlineColor,
      background: getComputedStyle(document.body).backgroundColor,
    }));
    await page.emulateMedia({ colorScheme: "light" });
    expect(contrast(dark.colour, dark.background)).toBeGreaterThanOrEqual(3);
  });

  it("the step view in step 1, with the kind picker open", async () => {
    await panel.say(CALM);
    await audit(page, "step 1");
    await panel.click("Ändra typ");
    await page.getByRole("group", { name: "Typ av utsatthet" }).waitFor();
    await audit(page, "step 1 with the kind picker open");
    await panel.click("Avbryt");
  });

  it("the two-minute wait", async () => {
    await panel.click("Pausa 2 min");
    await page.getByRole("region", { name: "Två minuters paus" }).waitFor();
    await until(
      "all four mutes logged",
      () =>
        page
          .locator(".mute-status li")
          .evaluateAll((items) => items.map((li) => li.getAttribute("data-result"))),
      (r) => r.length === 4 && r.every((v) => v !== "pending" && v !== "waiting"),
    );
    await audit(page, "the two-minute wait");
    await panel.click("Fortsätt samtalet");
    await until(
      "the wait view gone",
      () => page.getByRole("region", { name: "Två minuters paus" }).count(),
      (c) => c === 0,
    );
  });

  it("a screenshot in the evidence strip, the unknown-sender form open, the full-size image", async () => {
    await panel.click("Ta en skärmdump av mötet");
    const img = page.locator(".evidence-item img");
    await img.waitFor();
    await until(
      "the thumbnail decoded",
      () => img.evaluate((el: HTMLImageElement) => el.naturalWidth),
      (w) => w > 0,
    );
    await page.getByText("Okänd avsändare – anteckna detaljer").click();
    await page.getByRole("textbox", { name: "Exakta ord" }).waitFor();
    await audit(page, "the evidence strip with the unknown-sender form open");
    await panel.click(/^Visa skärmdump .* i full storlek$/);
    await page.getByRole("dialog").waitFor();
    await audit(page, "the full-size screenshot");
    await panel.click("Stäng bilden");
  });

  it("the step view in step 3", async () => {
    await panel.click("Nästa steg: Varning →");
    await panel.expectStep(2, "Varning");
    await panel.click("Nästa steg: Avsluta samtalet →");
    await panel.expectStep(3, "Avsluta samtalet");
    await audit(page, "step 3");
  });

  it("the draft after ending the incident", async () => {
    await panel.click("Klienten har lugnat sig");
    await audit(page, "the resolved incident's outcome bar");
    await panel.click("Avsluta incidenten");
    await page.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
    await page.getByText("Förhandsgranska texten").click();
    await audit(page, "the draft view");
  });

  it("the printable report page, with and without the checklist's status", async () => {
    const opening = app.context.waitForEvent("page");
    await panel.click("Skriv ut / PDF");
    const report = await opening;
    await report.waitForLoadState();
    await report.getByRole("button", { name: "Skriv ut / spara som PDF" }).waitFor();
    await until(
      "the report's screenshots decoded",
      () =>
        report.evaluate(() => {
          const images = Array.from(document.images);
          return images.length > 0 && images.every((img) => img.complete && img.naturalWidth > 0);
        }),
      (loaded) => loaded,
    );
    await audit(report, "the printable report page");
    await report.getByRole("checkbox", { name: "Ta med checklistans status" }).check();
    await report
      .getByText(/ej klart/)
      .first()
      .waitFor();
    await audit(report, "the printable report page with the checklist's status");
    await report.close();
  });

  it("the history view", async () => {
    await panel.click("← Tillbaka");
    await page.getByRole("heading", { name: "Starta incident" }).waitFor();
    await audit(page, "the start view after an incident");
    await panel.click("Historik");
    await page.locator(".history-item").first().waitFor();
    await audit(page, "the history view");
  });

  it("the settings view", async () => {
    await panel.click("← Tillbaka");
    await panel.click("Inställningar");
    await page.getByRole("heading", { name: "Inställningar" }).waitFor();
    await audit(page, "the settings view");
    await panel.click("← Tillbaka");
  });

  it("a practice session and the self-harm track", async () => {
    await page.getByRole("checkbox", { name: /^Övningsläge/ }).check();
    await audit(page, "the start view in practice mode");
    const opened = page.context().waitForEvent("page", (p) => p.url().endsWith("/practice.html"));
    await panel.click("Starta övning: Hotar med våld mot sig själv");
    await page.getByRole("region", { name: "Hot om våld mot sig själv" }).waitFor();
    await audit(page, "the self-harm track in a practice session");
    const practiceMeeting = await opened;
    await practiceMeeting.getByRole("heading", { name: "Övningsmöte – Tresteg" }).waitFor();
    await audit(practiceMeeting, "the practice meeting");
  });
});
