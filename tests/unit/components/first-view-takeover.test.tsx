import { render } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import { firstViewMarkup, firstViewTemplates } from "../../../components/first-view-markup";
import type { Lang } from "../../../lib/i18n/text";
import { replayClicks, showFirstView, takeFirstView } from "../../../lib/panel/first-view-boot";
import type { OpenHint } from "../../../lib/panel/open-hint";
import { aFirstView } from "./first-view-fixture";

// The page's own first view (templates rendered at build time, shown by the classic script)
// and the module that takes it over: the same elements, nothing redrawn, no click lost.

function storage(entries: Record<string, string>) {
  return { getItem: (key: string) => entries[key] ?? null, setItem: () => undefined };
}

/** sidepanel.html as the build writes it, shown as the classic script shows it. */
function showPage(lang: Lang, hint: OpenHint) {
  document.body.innerHTML = `<div id="app"></div>${firstViewTemplates()}`;
  const kept: Record<string, string> = { "tresteg.servedLang": lang };
  if (hint !== "unknown") kept["tresteg.openIncident"] = hint === "none" ? "none" : "session-1";
  const shown = showFirstView(document, storage(kept), () => "sv");
  if (!shown) throw new Error("no first view shown");
  return document.getElementById("app") as HTMLElement;
}

/** What main.tsx does when its module runs: FirstView rendered into the shown view. */
function takeOver(root: HTMLElement, lang: Lang, hint: OpenHint) {
  const { view, ...recorded } = aFirstView(hint, lang);
  const shown = takeFirstView();
  render(view, root);
  replayClicks(shown?.takeClicks() ?? []);
  return recorded;
}

/** Markup as the browser reads it (the build writes <input/>; the page serializes <input>). */
function asParsed(html: string): string {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.innerHTML;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(() => {
  render(null, document.getElementById("app") ?? document.body);
  document.body.innerHTML = "";
});

describe("the first view in the page", () => {
  for (const lang of ["sv", "en"] as const) {
    for (const hint of ["none", "open", "unknown"] as const) {
      it(`is FirstView's own markup, taken over unchanged (${lang}, ${hint})`, () => {
        const root = showPage(lang, hint);
        expect(root.innerHTML).toBe(asParsed(firstViewMarkup(lang, hint)));
        const before = [...root.querySelectorAll("*")];
        takeOver(root, lang, hint);
        expect(root.innerHTML).toBe(asParsed(firstViewMarkup(lang, hint)));
        // The very same elements: focus, and anything under the coach's pointer, stay put.
        expect([...root.querySelectorAll("*")]).toEqual(before);
      });
    }
  }

  it("speaks the panel's language once taken over, if the browser's has changed since", () => {
    // The last panel noted Swedish; the browser now serves English.
    const root = showPage("sv", "none");
    const before = [...root.querySelectorAll("button")];
    takeOver(root, "en", "none");
    expect(root.innerHTML).toBe(asParsed(firstViewMarkup("en", "none")));
    expect([...root.querySelectorAll("button")]).toEqual(before);
  });

  it("offers the start only when no incident was open", () => {
    expect(showPage("sv", "none").querySelectorAll("button.kind").length).toBeGreaterThan(4);
    expect(showPage("sv", "open").querySelector("button.kind")).toBeNull();
    expect(showPage("sv", "open").querySelector("button.capture-button")).not.toBeNull();
  });

  it("starts the incident clicked before the panel's module ran, shown busy throughout", async () => {
    const root = showPage("sv", "none");
    const button = root.querySelector(
      'button[aria-label="Starta incident: Personangrepp"]',
    ) as HTMLButtonElement;
    button.click();
    button.click(); // a double click: still one start
    expect(button.getAttribute("aria-busy")).toBe("true");
    // The other starts wait too: one incident at a time.
    const others = [...root.querySelectorAll<HTMLButtonElement>("button.kind")];
    expect(others.every((b) => b.disabled)).toBe(true);
    const { started } = takeOver(root, "sv", "none");
    expect(started).toEqual([["personal-attack"]]);
    await settle();
    expect(root.querySelector('button[aria-label="Starta incident: Personangrepp"]')).toBe(button);
    expect(button.disabled).toBe(true);
  });

  it("keeps a practice tick and a screenshot click made before the module ran", async () => {
    const root = showPage("sv", "none");
    (root.querySelector(".practice-toggle input") as HTMLInputElement).click();
    (root.querySelector("button.capture-button") as HTMLButtonElement).click();
    const { store, captures } = takeOver(root, "sv", "none");
    await settle();
    expect(store.getState().practice).toBe(true);
    expect((root.querySelector(".practice-toggle input") as HTMLInputElement).checked).toBe(true);
    expect(root.querySelector("button.kind")?.getAttribute("aria-label")).toMatch(/^Starta övning/);
    expect(captures()).toBe(1);
  });

  it("switches language when the switch was pressed before the module ran", async () => {
    const root = showPage("sv", "open");
    (root.querySelector("button.lang") as HTMLButtonElement).click();
    const { store } = takeOver(root, "sv", "open");
    await settle();
    expect(store.getState().lang).toBe("en");
    expect(root.querySelector("button.capture-button")?.textContent).toContain("Screenshot");
  });
});
