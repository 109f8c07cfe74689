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
