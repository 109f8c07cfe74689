import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tresteg, launchTresteg } from "./harness";
import { PanelPage, until } from "./pages/panel";

// The panel at the widths a coach gives it beside the meeting (a 400 px side panel, and 320 px,
// the narrowest Chrome allows): through a whole incident, nothing runs off sideways and no text
// is smaller than 16 px.

const CALM = "Jag vill att du lugnar ner dig så att jag får en möjlighet att hjälpa dig.";
const END = "Jag avslutar samtalet nu! Du är välkommen att återkomma och boka en ny tid.";
const LONG_ADDRESS =
  "https://video.regionhalsan-norr.example.se/rum/hälsocoach-online-mottagning-" +
  "a7f3c9e1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8";
const LONG_TEXT = `Klienten klistrade in länken ${LONG_ADDRESS} i chatten och skrev sedan ${"hotfullt ".repeat(40)}.`;
const MIN_FONT_PX = 16;

interface Layout {
  scrollWidth: number;
  innerWidth: number;
  /** Visible elements with text of their own, whose computed font size is under 16 px. */
  small: string[];
  /** Elements that reach past the right edge of the window. */
  wide: string[];
}

/** What the coach sees now: the page's width against the window's, and the text's sizes. */
function measure(page: Page): Promise<Layout> {
  return page.evaluate((min) => {
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(" ").join(".")}` : ""}`;
    const small: string[] = [];
    const wide: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden") continue;
      if (rect.right > window.innerWidth + 0.5) wide.push(`${name(el)} (${rect.right} px)`);
      const ownText = Array.from(el.childNodes).some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").trim() !== "",
      );
      const field = el.matches("input:not([type=checkbox]):not([type=radio]), textarea, select");
      if ((ownText || field) && parseFloat(style.fontSize) < min) {
        small.push(`${name(el)} ${style.fontSize} "${(el.textContent ?? "").trim().slice(0, 30)}"`);
      }
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      small,
      wide: wide.slice(0, 10),
    };
  }, MIN_FONT_PX);
}

describe.each([400, 320])("the panel %i px wide, through a whole incident", (width) => {
  let app: Tresteg;
  let panel: PanelPage;
  const seen: Array<{ where: string; layout: Layout }> = [];

  async function check(where: string) {
    await panel.page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    seen.push({ where, layout: await measure(panel.page) });
  }

  beforeAll(async () => {
    app = await launchTresteg({ grant: ["<all_urls>"] });
    const meeting = await app.openMeeting("/demo/meeting.html");
    panel = new PanelPage(await app.openPanel(await app.tabIdOf(meeting)));
    await panel.page.setViewportSize({ width, height: 900 });
    await panel.page.getByRole("heading", { name: "Starta incident" }).waitFor();
    await check("the start");
    await panel.startAs("Personangrepp");
    await panel.expectStep(1, "Lugna ner");
    await panel.say(CALM);
    await check("step 1");
    await panel.click("Pausa 2 min");
    await panel.page.getByRole("region", { name: "Två minuters paus" }).waitFor();
    await check("the wait");
    await panel.click("Fortsätt samtalet");
    await until(
      "the wait over",
      () => panel.page.getByRole("region", { name: "Två minuters paus" }).count(),
      (c) => c === 0,
    );
    await panel.click("Nästa steg: Varning →");
    await panel.click("Nästa steg: Avsluta samtalet →");
    await panel.say(END);
    await check("step 3");
    await panel.click("Samtalet avslutat");
    await panel.click("Avsluta incidenten");
    await panel.page.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
    const description = panel.page.getByRole("textbox", {
      name: "Beskrivning av vad som hände (sakligt)",
    });
    await description.fill(LONG_TEXT);
    await panel.page.getByRole("textbox", { name: "Enhet", exact: true }).fill(LONG_ADDRESS);
    await description.focus();
    await panel.page.getByText("Förhandsgranska texten").click();
    await until(
      "the preview shows the long text",
      async () => (await panel.page.getByTestId("draft-text").textContent()) ?? "",
      (text) => text.includes(LONG_ADDRESS),
    );
    await check("the draft with its text preview open");
  });
  afterAll(async () => {
    await app?.close();
  });

  it("never runs off sideways", () => {
    for (const { where, layout } of seen) {
      expect
        .soft(layout.scrollWidth, `${where}: ${layout.wide.join(", ")}`)
        .toBeLessThanOrEqual(layout.innerWidth);
      expect.soft(layout.innerWidth, where).toBe(width);
    }
    expect(seen.map((s) => s.where)).toHaveLength(5);
  });

  it("shows every label, button and hint at 16 px or more", () => {
    for (const { where, layout } of seen) {
      expect.soft(layout.small, where).toEqual([]);
    }
  });
});
