// @vitest-environment node
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GUIDE_MOMENTS } from "../../../docs/moments";

// The coach's guide in both languages shows each moment with the panel's picture, taken by
// `npm run docs`; this checks the pictures are there and shown, not that they are fresh.

const root = new URL("../../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe.each([
  ["sv", "docs/guide.md"],
  ["en", "docs/guide.en.md"],
])("the coach's guide (%s)", (lang, path) => {
  const guide = read(path);
  const images = [...guide.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((m) => m[1]);

  it("shows one picture per moment, in the guide's order", () => {
    expect(images).toEqual(GUIDE_MOMENTS.map((moment) => `img/${lang}-${moment}.png`));
  });

  it("has each picture as a PNG in docs/img", () => {
    for (const image of images) {
      const file = new URL(`docs/${image}`, root);
      expect(existsSync(file), `${image} is missing: run npm run docs`).toBe(true);
      expect(readFileSync(file).subarray(0, 8).equals(PNG)).toBe(true);
      expect(statSync(file).size).toBeGreaterThan(5_000);
    }
  });

  it("gives each moment its own section, heading its picture", () => {
    const sections = guide.split(/^## /m).slice(1);
    expect(sections).toHaveLength(GUIDE_MOMENTS.length);
    for (const section of sections) expect(section).toMatch(/!\[[^\]]+\]\(img\//);
  });

  it("links to its twin in the other language", () => {
    expect(guide).toContain(lang === "sv" ? "(guide.en.md)" : "(guide.md)");
  });
});

describe("the guide's pictures", () => {
  it("are only the ones the guides show", () => {
    const dir = new URL("docs/img/", root);
    const files = readdirSync(dir).filter((name) => name.endsWith(".png"));
    const wanted = ["sv", "en"].flatMap((lang) => GUIDE_MOMENTS.map((m) => `${lang}-${m}.png`));
    expect(files.sort()).toEqual(wanted.sort());
  });
});
