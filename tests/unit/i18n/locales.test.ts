import { describe, expect, it } from "vitest";
import { draftEn, draftSv } from "@/lib/draft/messages";
import { en, sv } from "@/lib/i18n/messages";

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

describe("the browser-facing strings (_locales)", () => {
  it("has the same keys in Swedish and English, none empty", async () => {
    const { readFile } = await import("node:fs/promises");
    const read = async (lang: string) =>
      JSON.parse(await readFile(`public/_locales/${lang}/messages.json`, "utf8")) as Record<
        string,
        { message: string }
      >;
    const [svLocale, enLocale] = [await read("sv"), await read("en")];
    expect(Object.keys(enLocale).sort()).toEqual(Object.keys(svLocale).sort());
    for (const entry of [...Object.values(svLocale), ...Object.values(enLocale)]) {
      expect(entry.message.trim()).not.toBe("");
    }
  });
});
