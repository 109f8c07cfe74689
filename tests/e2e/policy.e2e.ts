import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTENSION_DIR, REPO_ROOT, type Tresteg, launchTresteg } from "./harness";
import { PanelPage } from "./pages/panel";

// The deployment guide's example policy (docs/examples/policy.json), put where Chromium on
// Linux reads an organisation's policies, for this build of Tresteg only. The panel must show
// each of its values in force and locked; a policy with values Tresteg cannot use must be
// reported there and not used.
//
// Every Chromium on this machine reads that folder, so the file holds nothing but the
// 3rdparty block for this build's own id, and is there only while this file runs.

const POLICY_DIR = "/etc/chromium/policies/managed";

/**
 * The id Chromium gives an unpacked extension: the SHA-256 of its absolute path, the first
 * 32 hex digits written with the letters a–p (chromium: extensions/common/id_util.cc,
 * GenerateIdForPath and GenerateId).
 */
function unpackedExtensionId(dir: string): string {
  const hex = createHash("sha256").update(realpathSync(dir)).digest("hex").slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join("");
}

const extensionId = unpackedExtensionId(EXTENSION_DIR);
const policyFile = join(POLICY_DIR, `tresteg-e2e-${extensionId}.json`);
const example = JSON.parse(readFileSync(join(REPO_ROOT, "docs/examples/policy.json"), "utf8"));
const exampleValues = example["3rdparty"].extensions.TRESTEG_EXTENSION_ID;

function putPolicy(values: Record<string, unknown>) {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(
    policyFile,
    JSON.stringify({ "3rdparty": { extensions: { [extensionId]: values } } }),
  );
}
function removePolicy() {
  rmSync(policyFile, { force: true });
}
// Also when the run is cut short: the next Chromium on this machine must not find it.
process.once("exit", removePolicy);

let app: Tresteg | undefined;

async function openSettings(tresteg: Tresteg): Promise<PanelPage> {
  const meeting = await tresteg.openMeeting("/demo/meeting.html");
  const panel = new PanelPage(await tresteg.openPanel(await tresteg.tabIdOf(meeting)));
  await panel.click("Inställningar");
  await panel.page.getByRole("heading", { name: "Inställningar" }).waitFor();
  return panel;
}

beforeAll(async () => {
  putPolicy(exampleValues);
  try {
    app = await launchTresteg();
  } catch (error) {
    removePolicy();
    throw error;
  }
});
afterAll(async () => {
  try {
    await app?.close();
  } finally {
    removePolicy();
  }
});

describe("the deployment guide's example policy in Chromium", () => {
  it("reaches this build, whose id is the one the policy is keyed to", () => {
    expect(app?.extensionId).toBe(extensionId);
  });

  it("is in force and locked in the panel's settings", async () => {
    if (!app) throw new Error("Chromium did not start");
    const panel = await openSettings(app);
    const page = panel.page;
    const days = page.getByRole("textbox", { name: "Radera incidenter automatiskt efter (dagar)" });
    await expect.poll(() => days.inputValue()).toBe("30");
    expect(await days.isDisabled()).toBe(true);
    expect(await page.locator("form.retention").getByRole("button").count()).toBe(0);

    const platform = page.locator(".own-origins li", {
      hasText: "https://video.region-exempel.se",
    });
    expect(await platform.textContent()).toContain("Låst av organisationen");
    expect(await platform.getByRole("button").count()).toBe(0);

    const hostLeave = page.getByRole("group", { name: "Lägg på som värd" });
    const endForAll = hostLeave.getByRole("radio", {
      name: "Avsluta mötet för alla, där plattformen erbjuder det",
    });
    expect(await endForAll.isChecked()).toBe(true);
    expect(await endForAll.isDisabled()).toBe(true);
    expect(await hostLeave.getByRole("radio", { name: /^Lämna mötet/ }).isDisabled()).toBe(true);
    expect(await hostLeave.textContent()).toContain("Låst av organisationen");

    expect(await page.getByTestId("pack-in-force").textContent()).toContain(
      "Region Exempel – hälsocoacher",
    );
    await page.getByTestId("pack-locked").waitFor();
    expect(await page.getByLabel("Importera en frasbank (JSON-fil)").count()).toBe(0);
    expect(await page.getByTestId("managed-problems").count()).toBe(0);
    await page.close();
  });
});

describe("a policy with values Tresteg cannot use", () => {
  it("uses none of them: a wrong type is dropped, the others are reported", async () => {
    if (!app) throw new Error("Chromium did not start");
    const brokenPack = JSON.parse(exampleValues.phrasePack);
    brokenPack.steps[0].phrases[0].text = "";
    putPolicy({
      // The schema says integer: Chrome drops the text before Tresteg sees it.
      retentionDays: "30",
      // Right types, wrong values: Tresteg's own checks.
      ownOrigins: ["http://video.region-exempel.se"],
      phrasePack: JSON.stringify(brokenPack),
    });
    await app.restart();
    const panel = await openSettings(app);
    const page = panel.page;

    const problems = page.getByTestId("managed-problems");
    await problems.waitFor();
    const reported = (await problems.textContent()) ?? "";
    expect(reported).toContain("ownOrigins");
    expect(reported).toContain("”http://video.region-exempel.se”");
    expect(reported).toContain("phrasePack");
    expect(reported).toContain("steps[0].phrases[0].text");

    // Nothing of it is in force: the routine's own values, and the coach may change them.
    const days = page.getByRole("textbox", { name: "Radera incidenter automatiskt efter (dagar)" });
    expect(await days.inputValue()).toBe("90");
    expect(await days.isDisabled()).toBe(false);
    expect(await page.locator(".own-origins li").count()).toBe(0);
    expect(await page.getByTestId("pack-in-force").textContent()).toContain(
      "RHS9926-1306825477-79",
    );
    expect(await page.getByTestId("pack-locked").count()).toBe(0);
    await page.close();
  });
});
