// @vitest-environment node
import { readFileSync } from "node:fs";
import { Validator } from "@cfworker/json-schema";
import { describe, expect, it } from "vitest";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { readManaged } from "@/lib/settings/managed";

// The deployment guide's example is what IT copies: it must be what Chrome accepts under
// public/managed_schema.json (Chrome drops a value that does not match before Tresteg sees
// it) and what Tresteg then uses without a problem. tests/e2e/policy.e2e.ts loads the same
// file into a real Chromium.

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
const chromePolicy = JSON.parse(read("docs/examples/policy.json"));
const firefoxPolicies = JSON.parse(read("docs/examples/firefox-policies.json"));
const schema = JSON.parse(read("public/managed_schema.json"));
const PLACEHOLDER = "TRESTEG_EXTENSION_ID";
const GECKO_ID = "tresteg@regionhalsan.example";
const values = chromePolicy["3rdparty"].extensions[PLACEHOLDER];

describe("the deployment guide's policy example", () => {
  it("matches the managed schema Chrome validates it against", () => {
    const result = new Validator(schema).validate(values);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("sets only what the schema declares (Chrome ignores any other name)", () => {
    expect(Object.keys(values).sort()).toEqual(Object.keys(schema.properties).sort());
  });

  it("would be refused by the schema with a wrong-typed value", () => {
    const wrong = { ...values, retentionDays: "30" };
    expect(new Validator(schema).validate(wrong).valid).toBe(false);
    const unknownChoice = { ...values, hostLeave: "end" };
    expect(new Validator(schema).validate(unknownChoice).valid).toBe(false);
  });

  it("is used by Tresteg as it stands: 30 days, the platform, end for everyone, the organisation's pack", () => {
    const managed = readManaged(values);
    expect(managed.problems).toEqual([]);
    expect(managed.hostLeave).toBe("end-for-all");
    expect(managed.retentionDays).toBe(30);
    expect(managed.ownOrigins).toEqual(["https://video.region-exempel.se"]);
    expect(managed.pack?.id).toBe("region-exempel-hco");
    // The organisation's pack still says the routine's phrases verbatim.
    const phrases = (pack: typeof BUILTIN_PACK) =>
      pack.steps.flatMap((step) => step.phrases.map((p) => p.text));
    expect(managed.pack && phrases(managed.pack)).toEqual(phrases(BUILTIN_PACK));
  });

  it("force-installs the extension that the settings are keyed to", () => {
    expect(chromePolicy.ExtensionInstallForcelist).toEqual([
      expect.stringMatching(new RegExp(`^${PLACEHOLDER};https://`)),
    ]);
  });

  it("gives Firefox the same values under the add-on's id", () => {
    expect(firefoxPolicies.policies["3rdparty"].Extensions).toEqual({ [GECKO_ID]: values });
    expect(firefoxPolicies.policies.ExtensionSettings[GECKO_ID].installation_mode).toBe(
      "force_installed",
    );
    const manifestId = read("wxt.config.ts").match(/id: "([^"]+)"/)?.[1];
    expect(manifestId).toBe(GECKO_ID);
  });

  it("is quoted in docs/deploy.md as it is in the files", () => {
    const guide = read("docs/deploy.md");
    for (const file of ["docs/examples/policy.json", "docs/examples/firefox-policies.json"]) {
      expect(guide).toContain("```json\n" + read(file) + "```");
    }
  });
});
