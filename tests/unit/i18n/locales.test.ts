import { describe, expect, it, vi } from "vitest";
import { draftEn, draftSv } from "@/lib/draft/messages";
import { browserLanguages, localeMessages } from "@/lib/i18n/languages";
import { en, sv } from "@/lib/i18n/messages";
import { fill } from "@/lib/i18n/text";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ["the panel", sv as Record<string, string>, en as Record<string, string>],
  ["the draft", draftSv as Record<string, string>, draftEn as Record<string, string>],
])("the English of %s", (_what, swedish, english) => {
  it("has every Swedish key, and no other", () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(swedish).sort());
  });

  it.each(Object.keys(swedish))("%s: says something, with the same placeholders", (key) => {
    expect(english[key]?.trim()).not.toBe("");
    expect(placeholders(english[key] ?? "")).toEqual(placeholders(swedish[key] ?? ""));
  });
});

describe("_locales: the panel's words as the browser's i18n reads them", () => {
  it.each([
    ["sv", sv],
    ["en", en],
  ] as const)("%s has every message under a name the browser accepts, none empty", (_l, table) => {
    const messages = localeMessages(table);
    expect(Object.keys(messages)).toHaveLength(Object.keys(table).length);
    for (const [name, { message }] of Object.entries(messages)) {
      expect(name).toMatch(/^[A-Za-z0-9_]+$/);
      expect(message.trim()).not.toBe("");
    }
    expect(messages.refusal_not_started?.message).toBe(table["refusal.not-started"]);
  });

  it("names the language it serves, so the panel knows which one the browser chose", () => {
    expect(localeMessages(sv).uiLang?.message).toBe("sv");
    expect(localeMessages(en).uiLang?.message).toBe("en");
  });

  it("refuses a message with a $ (the browser would read it as a placeholder)", () => {
    expect(() => localeMessages({ ...sv, appName: "Tre$teg" })).toThrow(/appName.*\$/);
  });
});

/** A stand-in for browser.i18n serving one locale, as Chrome and Firefox do. */
function servedBy(lang: "sv" | "en") {
  const messages = localeMessages(lang === "sv" ? sv : en);
  return { getMessage: (name: string) => messages[name]?.message ?? "" };
}

describe("the panel's languages", () => {
  it("opens in the language the browser serves, with its placeholders filled", () => {
    const languages = browserLanguages(servedBy("en"), () => Promise.reject(new Error("unused")));
    expect(languages.initial).toBe("en");
    expect(languages.translator("en")("startAs", { kind: "Hot" })).toBe(
      fill(en.startAs, { kind: "Hot" }),
    );
  });

  it("reads the other language from its _locales file before switching to it", async () => {
    const read = vi.fn(async () => localeMessages(en));
    const languages = browserLanguages(servedBy("sv"), read);
    expect(languages.initial).toBe("sv");
    expect(() => languages.translator("en")).toThrow(/not read yet/);
    await languages.prepare("en");
    await languages.prepare("en");
    expect(read).toHaveBeenCalledTimes(1);
    expect(languages.translator("en")("resolve")).toBe(en.resolve);
    expect(languages.translator("sv")("resolve")).toBe(sv.resolve);
  });

  it("says which file failed when the other language cannot be read", async () => {
    const languages = browserLanguages(servedBy("sv"), () => Promise.reject(new Error("404")));
    await expect(languages.prepare("en")).rejects.toThrow(
      "_locales/en/messages.json could not be read: Error: 404",
    );
  });

  it("shows the key, and reports it, when a message is missing", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const languages = browserLanguages(
      { getMessage: (name) => (name === "uiLang" ? "sv" : "") },
      () => Promise.reject(new Error("unused")),
    );
    expect(languages.translator("sv")("resolve")).toBe("resolve");
    expect(error).toHaveBeenCalledWith(expect.stringContaining('"resolve"'));
    error.mockRestore();
  });

  it("falls back to Swedish when the browser serves neither language", () => {
    const languages = browserLanguages({ getMessage: () => "" }, () =>
      Promise.reject(new Error("unused")),
    );
    expect(languages.initial).toBe("sv");
  });
});
