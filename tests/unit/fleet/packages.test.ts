// @vitest-environment node
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkPackages, expectedPackages } from "../../../scripts/check-packages.mjs";

// What `npm run package` checks in the store packages before anyone uploads them.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tresteg-packages-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const json = (value: unknown) => strToU8(JSON.stringify(value));
const chromeManifest = (version: string) => ({
  manifest_version: 3,
  version,
  storage: { managed_schema: "managed_schema.json" },
});
const firefoxManifest = (version: string) => ({
  manifest_version: 2,
  version,
  browser_specific_settings: { gecko: { id: "tresteg@regionhalsan.example" } },
});

async function writePackages(
  version: string,
  change: { chrome?: object; firefox?: object; sources?: Record<string, Uint8Array> } = {},
) {
  const names = expectedPackages("tresteg", version);
  await writeFile(
    join(dir, names.chrome),
    zipSync({
      "manifest.json": json(change.chrome ?? chromeManifest(version)),
      "managed_schema.json": json({ type: "object" }),
    }),
  );
  await writeFile(
    join(dir, names.firefox),
    zipSync({ "manifest.json": json(change.firefox ?? firefoxManifest(version)) }),
  );
  await writeFile(
    join(dir, names.sources),
    zipSync(
      change.sources ?? {
        "package.json": json({ name: "tresteg", version }),
        "package-lock.json": json({}),
        "wxt.config.ts": strToU8("export default {}"),
      },
    ),
  );
}

describe("the store packages", () => {
  it("are named with the version, and right packages pass", async () => {
    expect(expectedPackages("tresteg", "0.1.0")).toEqual({
      chrome: "tresteg-0.1.0-chrome.zip",
      firefox: "tresteg-0.1.0-firefox.zip",
      sources: "tresteg-0.1.0-sources.zip",
    });
    await writePackages("0.1.0");
    expect(checkPackages({ dir, name: "tresteg", version: "0.1.0" })).toEqual([]);
  });

  it("are missing when only an older version was packaged", async () => {
    await writePackages("0.0.9");
    const problems = checkPackages({ dir, name: "tresteg", version: "0.1.0" });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain("tresteg-0.1.0-chrome.zip is missing");
    expect(problems[0]).toContain("npm run package");
  });

  it("are refused when a manifest inside carries another version", async () => {
    await writePackages("0.1.0", { firefox: firefoxManifest("0.0.9") });
    expect(checkPackages({ dir, name: "tresteg", version: "0.1.0" })).toEqual([
      "tresteg-0.1.0-firefox.zip: its manifest says version 0.0.9, not 0.1.0",
    ]);
  });

  it("are refused when no policy could reach them", async () => {
    const { storage: _storage, ...noSchema } = chromeManifest("0.1.0");
    const { browser_specific_settings: _id, ...noId } = firefoxManifest("0.1.0");
    await writePackages("0.1.0", { chrome: noSchema, firefox: noId });
    const problems = checkPackages({ dir, name: "tresteg", version: "0.1.0" });
    expect(problems).toEqual([
      expect.stringContaining("tresteg-0.1.0-chrome.zip: declares no managed_schema"),
      "tresteg-0.1.0-firefox.zip: has no browser_specific_settings.gecko.id",
    ]);
  });

  it("are refused when the sources cannot rebuild the add-on or hold built files", async () => {
    await writePackages("0.1.0", {
      sources: {
        "package.json": json({ name: "tresteg", version: "0.1.0" }),
        "wxt.config.ts": strToU8(""),
        "node_modules/wxt/package.json": json({}),
      },
    });
    expect(checkPackages({ dir, name: "tresteg", version: "0.1.0" })).toEqual([
      "tresteg-0.1.0-sources.zip: lacks package-lock.json, so AMO cannot rebuild it",
      "tresteg-0.1.0-sources.zip: holds built files (node_modules/wxt/package.json, …)",
    ]);
  });
});
