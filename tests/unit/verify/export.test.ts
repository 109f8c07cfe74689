import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Dexie from "dexie";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { draftText, exportFile } from "@/lib/history/exports";
import { loadDraft } from "@/lib/history/load-draft";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog } from "@/lib/log/incident-log";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { checkExport, unzipExport } from "@/lib/verify/export";
import { describeCheck } from "@/lib/verify/words";
import { FORGERIES, forge } from "../../shared/forge";
import { anEvent, aSessionStart, fakeDeps } from "../builders";

let db: TrestegDb;
let dirs: string[] = [];

beforeEach(() => {
  db = new TrestegDb(`tresteg-test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A terminated incident logged (and signed) through the real incident log. */
async function anIncident(): Promise<string> {
  const log = createIncidentLog(db, fakeDeps(1_774_702_800_000));
  const started = await log.startSession(aSessionStart({ kinds: ["raised-voice"] }));
  if (!started.ok) throw new Error(JSON.stringify(started.failure));
  const id = started.value.id;
  const phrases = BUILTIN_PACK.steps.map((step) => step.phrases[0]!);
  const events = [
    anEvent("phrase-said", { step: 1, phraseId: phrases[0]!.id, text: phrases[0]!.text }),
    anEvent("note", { text: "Klienten höjde rösten. ÅÄÖ \u007f" }),
    anEvent("step-advanced", { from: 1, to: 2 }),
    anEvent("phrase-said", { step: 2, phraseId: phrases[1]!.id, text: phrases[1]!.text }),
    anEvent("step-advanced", { from: 2, to: 3 }),
    anEvent("terminated"),
    anEvent("session-ended", { outcome: "terminated" }),
  ];
  for (const event of events) {
    const result = await log.append(id, event);
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
  }
  return id;
}

async function zipOf(sessionId: string): Promise<Uint8Array> {
  const loaded = await loadDraft(db, sessionId, BUILTIN_PACK, "sv", 1_774_800_000_000);
  if (!loaded) throw new Error("no draft");
  const { blob } = await exportFile("zip", loaded);
  return new Uint8Array(await blob.arrayBuffer());
}

/** The ZIP unpacked into a folder of its own, as a recipient has it. */
function unpacked(zip: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "tresteg-export-"));
  dirs.push(dir);
  for (const [path, data] of unzipExport(zip)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

/** A fenced block of docs/verify.md, by its language and a line it contains. */
function recipe(lang: string, containing: string): string {
  const doc = readFileSync("docs/verify.md", "utf8");
  const blocks = [...doc.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))];
  const block = blocks.map((m) => m[1] as string).find((b) => b.includes(containing));
  if (!block) throw new Error(`docs/verify.md has no ${lang} block with ${containing}`);
  return block;
}

function runNodeRecipe(dir: string) {
  const script = join(dir, "..", `${Date.now()}-check.mjs`);
  writeFileSync(script, recipe("js", "createPublicKey"));
  try {
    return spawnSync(process.execPath, [script, dir], { encoding: "utf8" });
  } finally {
    rmSync(script, { force: true });
  }
}

describe("a clean export, checked from its files alone", () => {
  it("holds in the shared checker that verify.html and the history view run", async () => {
    const zip = await zipOf(await anIncident());
    const check = await checkExport(unzipExport(zip));
    expect(check.files.differing).toEqual([]);
    expect(check.chain).toMatchObject({ ok: true, count: 8 });
    expect(check.signatures).toMatchObject({ ok: true, verified: 8 });
    expect(check.factsDiffer).toEqual([]);
    expect(check.reportWarnings).toEqual([]);
    expect(check.holds).toBe(true);
    expect(describeCheck(check, "sv")[0]).toEqual({
      ok: true,
      text: "Allt som gick att kontrollera håller.",
    });
  });

  it("verifies with Node's own crypto by the recipe in docs/verify.md", async () => {
    const dir = unpacked(await zipOf(await anIncident()));
    const run = runNodeRecipe(dir);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("Everything checked holds.");
    expect(run.stdout).not.toContain("FAIL");
    expect(run.status).toBe(0);
  });

  it("passes sha256sum -c and the shell recipe for the chain", async () => {
    const dir = unpacked(await zipOf(await anIncident()));
    const sums = spawnSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: dir, encoding: "utf8" });
    expect(sums.status).toBe(0);
    const chain = spawnSync("bash", ["-c", recipe("sh", "while IFS= read -r line")], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(chain.stdout).not.toContain("does not hold");
    expect(chain.stdout).toMatch(/^8 entries, last hash [0-9a-f]{64}$/m);
  });

  it("carries the key's fingerprint as the report prints it, and the MedControl anchor in the text", async () => {
    const id = await anIncident();
    const loaded = await loadDraft(db, id, BUILTIN_PACK, "sv");
    const files = unzipExport(await zipOf(id));
    const check = await checkExport(files);
    expect(check.fingerprint).toBe((await db.keys.toArray())[0]?.fingerprint);
    const html = new TextDecoder().decode(files.get("report.html"));
    expect(html).toContain(
      `Signeringsnyckelns fingeravtryck (SHA-256 av den publika nyckeln): ${check.fingerprint}`,
    );
    // The text the coach pastes into MedControl carries the anchor.
    const text = draftText(loaded!.draft);
    expect(text).toContain(
      `Ankare för MedControl: loggen har 8 poster och sista hash ${loaded!.draft.integrity.headHash} – MedControls egen tidsstämpel på denna text visar att loggen fanns i just den formen då, så en senare ändring av loggen går att upptäcka.`,
    );
  });
});

describe("a forged incident, exported and checked", () => {
  for (const forgery of FORGERIES) {
    it(`flags "${forgery}" in the draft, in the shared checker and in the Node recipe`, async () => {
      const id = await anIncident();
      await forge({ dbName: db.name, sessionId: id, forgery });
      const loaded = await loadDraft(db, id, BUILTIN_PACK, "sv");
      const { integrity } = loaded!.draft;
      const warned =
        !integrity.chain.ok ||
        integrity.summaryText !== null ||
        integrity.facts.text !== null ||
        integrity.signatures?.ok === false;
      expect(warned).toBe(true);
      const zip = await zipOf(id);
      const check = await checkExport(unzipExport(zip));
      expect(check.holds).toBe(false);
      expect(describeCheck(check, "sv")[0]?.ok).toBe(false);
      const run = runNodeRecipe(unpacked(zip));
      // The session row is not in the export: its forgery shows as the report's own warning.
      if (forgery === "row") expect(check.reportWarnings.length).toBeGreaterThan(0);
      else expect(run.status).toBe(1);
    });
  }
});
