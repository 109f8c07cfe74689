import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDraft } from "@/lib/draft/build";
import { emptyEdits } from "@/lib/draft/edits";
import { renderJson } from "@/lib/draft/render-json";
import { verifyChain } from "@/lib/log/chain";
import { verifySignatures } from "@/lib/verify/signatures";
import { anEvent } from "../builders";
import {
  aDraftInput,
  aLog,
  aScreenshot,
  aSigningKey,
  at,
  personalAttackTerminated,
  signaturesOf,
  started,
  type Timed,
  undressedResolved,
} from "./sessions";

const MOMENT_KEYS = "at,local,time,utc";
const isMoment = (value: object) => Object.keys(value).sort().join(",") === MOMENT_KEYS;

/** Every field path in a JSON value ("timeline[].when"), stopping at Moments. */
function paths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) {
    return [`${prefix}[]`, ...value.flatMap((v) => paths(v, `${prefix}[]`))];
  }
  if (value === null || typeof value !== "object" || isMoment(value)) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return Array.isArray(v) ? paths(v, path) : [path, ...paths(v, path)];
  });
}

/** Reports that between them have every optional part: hang-up, deletion, notes, a break. */
async function richReports(): Promise<unknown[]> {
  const { timed, evidence } = await undressedResolved();
  const gone = await aScreenshot("evidence-2", 200, { deletedAt: at(210) });
  const more: Timed[] = [
    [0, started(["raised-voice"])],
    [5, anEvent("tag", { tag: "threat-of-violence" })],
    [6, anEvent("note", { text: "Hot" })],
    [7, anEvent("threat-detail", { field: "age", value: "40" })],
    [200, gone.event],
    [210, anEvent("screenshot-deleted", { evidenceId: "evidence-2", sha256: gone.record.sha256 })],
  ];
  const signed = await aLog(personalAttackTerminated());
  const key = await aSigningKey();
  const broken = await aLog(personalAttackTerminated());
  broken[3] = { ...broken[3]!, at: broken[3]!.at + 1 };
  const edits = { ...emptyEdits(), checklist: { manager: at(400) }, clientIdentity: "A" };
  const drafts = [
    // Built near the tracing deadline, so the checklist carries a warning.
    buildDraft(await aDraftInput(timed, { evidence, edits, now: at(9.5 * 86_400) })),
    buildDraft(await aDraftInput(more, { evidence: [gone.record] })),
    buildDraft(
      await aDraftInput([
        [0, started(["self-harm-threat"])],
        [10, anEvent("self-harm-detail", { field: "address", value: "Storgatan 1" })],
        [20, anEvent("referral", { to: "social-services" })],
        [30, anEvent("emergency-reminder")],
        [40, anEvent("emergency-call", { confirmed: true })],
      ]),
    ),
    buildDraft(
      await aDraftInput([], {
        events: broken,
        chain: await verifyChain(broken),
        head: { length: 99, headHash: "0" },
        signatures: await verifySignatures(
          broken,
          (await signaturesOf(signed, key)).slice(1),
          key.ref,
        ),
        publicKey: key.ref,
      }),
    ),
  ];
  return drafts.map((draft) => JSON.parse(renderJson(draft)));
}

describe("docs/report-schema.md", () => {
  const doc = readFileSync("docs/report-schema.md", "utf8");
  const documented = new Set([...doc.matchAll(/`([a-zA-Z][\w.[\]]*)`/g)].map((m) => m[1]));

  it("documents every field the JSON export has", async () => {
    const found = new Set((await richReports()).flatMap((report) => paths(report)));
    const missing = [...found].filter((path) => !documented.has(path));
    expect(missing).toEqual([]);
  });

  it("documents each field of a Moment", () => {
    for (const key of MOMENT_KEYS.split(",")) expect(documented.has(key)).toBe(true);
  });

  it("names the schema and version the export carries", async () => {
    const [report] = (await richReports()) as Array<{ schema: string; version: number }>;
    expect(doc).toContain(`\`${report!.schema}\`, version ${report!.version}`);
  });
});
