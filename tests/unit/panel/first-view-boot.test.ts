import { afterEach, describe, expect, it, vi } from "vitest";
import {
  firstLanguage,
  firstViewTemplateId,
  keepServedLanguage,
  loadPanelModules,
  panelModulesOf,
  replayClicks,
  SERVED_LANG_KEY,
  showFirstView,
  showLoadFailure,
  takeFirstView,
} from "@/lib/panel/first-view-boot";

function aStorage(entries: Record<string, string> = {}) {
  const data = new Map(Object.entries(entries));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  };
}

/** A page like sidepanel.html: #app and one small template per variant. */
function aPage() {
  const variants = ["sv", "en"].flatMap((lang) =>
    (["none", "open"] as const).map((hint) => {
      const id = firstViewTemplateId(lang as "sv" | "en", hint);
      return `<template id="${id}"><div class="panel" lang="${lang}"><button type="button" class="lang">${id}</button>${
        hint === "none" ? '<button type="button" class="big kind">start</button>' : ""
      }<label><input type="checkbox"> practice</label></div></template>`;
    }),
  );
  document.documentElement.lang = "sv";
  document.body.innerHTML = `<div id="app"></div>${variants.join("")}`;
  return document.getElementById("app") as HTMLElement;
}

const never = () => {
  throw new Error("the browser was asked");
};

afterEach(() => {
  document.body.innerHTML = "";
  takeFirstView();
});

describe("the first view the page shows before any module", () => {
  it("shows the start buttons when the last panel saw no incident open", () => {
    const root = aPage();
    const shown = showFirstView(
      document,
      aStorage({ "tresteg.openIncident": "none", [SERVED_LANG_KEY]: "sv" }),
      never,
    );
    expect(shown).toMatchObject({ lang: "sv", hint: "none" });
    expect(root.querySelector("button.lang")?.textContent).toBe("first-view-sv-start");
    expect(root.querySelector("button.kind")).not.toBeNull();
  });

  it("offers no start while an incident may be open, or before any panel has looked", () => {
    for (const hint of ["session-1", undefined]) {
      const root = aPage();
      const kept: Record<string, string> = hint ? { "tresteg.openIncident": hint } : {};
      showFirstView(document, aStorage({ ...kept, [SERVED_LANG_KEY]: "sv" }), never);
      expect(root.querySelector("button.lang")?.textContent).toBe("first-view-sv-wait");
      expect(root.querySelector("button.kind")).toBeNull();
    }
  });

  it("speaks the coach's chosen language, and says so to screen readers", () => {
    aPage();
    const shown = showFirstView(
      document,
      aStorage({ "tresteg.openIncident": "none", "tresteg.lang": "en", [SERVED_LANG_KEY]: "sv" }),
      never,
    );
    expect(shown?.lang).toBe("en");
    expect(document.querySelector("#app button.lang")?.textContent).toBe("first-view-en-start");
    expect(document.documentElement.lang).toBe("en");
  });

  it("shows nothing, and leaves the page to the module, when the page has no templates", () => {
    document.body.innerHTML = '<div id="app"><p>kept</p></div>';
    expect(showFirstView(document, aStorage(), () => "sv")).toBeNull();
    expect(document.getElementById("app")?.innerHTML).toBe("<p>kept</p>");
    expect(takeFirstView()).toBeUndefined();
  });

  it("keeps every click on a control, in order, shows a button busy, and stops when taken", () => {
    const root = aPage();
    const scope = {};
    showFirstView(document, aStorage({ "tresteg.openIncident": "none" }), () => "sv", scope);
    const start = root.querySelector("button.kind") as HTMLButtonElement;
    const box = root.querySelector("input") as HTMLInputElement;
    start.click();
    box.click();
    (root.querySelector(".panel") as HTMLElement).click(); // not a control: not kept
    expect(start.getAttribute("aria-busy")).toBe("true");
    expect(start.disabled).toBe(true);
    start.click(); // busy: a second click is not kept
    const shown = takeFirstView(scope);
    expect(takeFirstView(scope)).toBeUndefined(); // handed over once
    expect(shown?.takeClicks()).toEqual([start, box]);
    start.disabled = false;
    start.click();
    expect(shown?.takeClicks()).toEqual([]);
  });

  it("carries the kept clicks out on the same elements, skipping any no longer on the page", () => {
    const root = aPage();
    showFirstView(document, aStorage({ "tresteg.openIncident": "none" }), () => "sv");
    const start = root.querySelector("button.kind") as HTMLButtonElement;
    const lang = root.querySelector("button.lang") as HTMLButtonElement;
    start.click();
    lang.click();
    const kept = takeFirstView()?.takeClicks() ?? [];
    start.disabled = false; // as the panel's render, taking over, leaves it
    const seen: string[] = [];
    start.addEventListener("click", () => seen.push("start"));
    lang.addEventListener("click", () => seen.push("lang"));
    lang.remove();
    replayClicks(kept);
    expect(seen).toEqual(["start"]);
  });
});

describe("the first view's language", () => {
  it("is the coach's choice, else the browser's as the last panel noted it, else asked", () => {
    expect(firstLanguage(aStorage({ "tresteg.lang": "en", [SERVED_LANG_KEY]: "sv" }), never)).toBe(
      "en",
    );
    expect(firstLanguage(aStorage({ [SERVED_LANG_KEY]: "en" }), never)).toBe("en");
    const ask = vi.fn(() => "en");
    expect(firstLanguage(aStorage(), ask)).toBe("en");
    expect(ask).toHaveBeenCalledTimes(1);
    // A language the panel does not speak is Swedish; so is anything unreadable.
    expect(firstLanguage(aStorage({ "tresteg.lang": "de" }), () => "fr")).toBe("sv");
    const broken = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => undefined,
    };
    expect(firstLanguage(broken, () => "en")).toBe("en");
  });

  it("is noted for the next panel, and a storage that refuses is said, not thrown", () => {
    const storage = aStorage();
    keepServedLanguage(storage, "en");
    expect(storage.data.get(SERVED_LANG_KEY)).toBe("en");
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => keepServedLanguage(full, "sv")).not.toThrow();
    expect(String(error.mock.calls[0]?.[0])).toContain("could not keep the browser's language");
    error.mockRestore();
  });
});

describe("the panel's module, loaded by the page's classic script", () => {
  afterEach(() => {
    for (const node of document.head.querySelectorAll("script, link")) node.remove();
  });

  it("reads the module and its first imports from the script's tag", () => {
    const script = document.createElement("script");
    expect(panelModulesOf(script)).toBeNull();
    expect(panelModulesOf(null)).toBeNull();
    script.dataset.panelModule = "/chunks/sidepanel-a.js";
    expect(panelModulesOf(script)).toEqual({ module: "/chunks/sidepanel-a.js", preloads: [] });
    script.dataset.panelPreloads = "/chunks/first-b.js /chunks/c.js";
    expect(panelModulesOf(script)?.preloads).toEqual(["/chunks/first-b.js", "/chunks/c.js"]);
  });

  it("waits for the first frame after a shown view, then fetches the module and its imports together", () => {
    let frame: (() => void) | undefined;
    const modules = { module: "/chunks/sidepanel-a.js", preloads: ["/chunks/first-b.js"] };
    loadPanelModules(document, modules, true, never, (run) => (frame = run));
    expect(document.head.querySelector("script")).toBeNull();
    frame?.();
    const added = [...document.head.querySelectorAll("script, link")];
    expect(added.map((n) => n.getAttribute("rel") ?? n.getAttribute("type"))).toEqual([
      "modulepreload",
      "module",
    ]);
    expect((added[0] as HTMLLinkElement).getAttribute("href")).toBe("/chunks/first-b.js");
    expect((added[1] as HTMLScriptElement).getAttribute("src")).toBe("/chunks/sidepanel-a.js");
  });

  it("says so in the first view when the module cannot be read, and keeps no more clicks", () => {
    const root = aPage();
    const shown = showFirstView(document, aStorage({ "tresteg.openIncident": "none" }), () => "sv");
    root.querySelector(".panel")?.insertAdjacentHTML("beforeend", '<div class="messages"></div>');
    const failed: string[] = [];
    loadPanelModules(
      document,
      { module: "/chunks/sidepanel-a.js", preloads: [] },
      false,
      (module) => failed.push(module),
    );
    document.head.querySelector("script")?.dispatchEvent(new Event("error"));
    expect(failed).toEqual(["/chunks/sidepanel-a.js"]);

    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const words = {
      errorTitle: "Det gick inte",
      panelLoadFailed: "Panelen kunde inte laddas ({error}).",
    };
    showLoadFailure(document, shown, "/chunks/sidepanel-a.js", (key) => words[key]);
    expect(root.querySelector(".messages [role=alert]")?.textContent).toBe(
      "Det gick inte: Panelen kunde inte laddas (/chunks/sidepanel-a.js).",
    );
    expect(String(error.mock.calls[0]?.[0])).toContain(
      "/chunks/sidepanel-a.js could not be loaded",
    );
    error.mockRestore();
    (root.querySelector("button.kind") as HTMLButtonElement).click();
    expect(shown?.takeClicks()).toEqual([]);
  });

  it("loads at once when no view was shown: then the module draws the first view itself", () => {
    loadPanelModules(document, { module: "/m.js", preloads: [] }, false, never, () => {
      throw new Error("waited for a frame");
    });
    expect(document.head.querySelector('script[type="module"]')?.getAttribute("src")).toBe("/m.js");
  });
});
