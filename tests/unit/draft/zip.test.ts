import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildDraft } from "@/lib/draft/build";
import type { IncidentDraft } from "@/lib/draft/types";
import { buildZip } from "@/lib/draft/zip";
import type { EvidenceRecord } from "@/lib/evidence/types";
import { sha256Hex, verifyChain } from "@/lib/log/chain";
import { checkExport } from "@/lib/verify/export";
import { anEvent } from "../builders";
import { aDraftInput, aLog, aPng, aScreenshot, at, said, started, type Timed } from "./sessions";

/** A terminated incident with three screenshots, the second deleted. */
async function incidentWithScreenshots() {
  const one = await aScreenshot("evidence-1", 20, { caption: "Hotfull min" });
  const two = await aScreenshot("evidence-2", 40, { deletedAt: at(45) });
  const three = await aScreenshot("evidence-3", 70, { png: aPng(3, 5000) });
  const timed: Timed[] = [
    [0, started(["raised-voice"])],
    [10, said(1, "is-that-a-threat")],
    [20, one.event],
    [40, two.event],
    [45, anEvent("screenshot-deleted", { evidenceId: "evidence-2", sha256: two.record.sha256 })],
    [70, three.event],
    [90, anEvent("session-ended", { outcome: "client-left" })],
  ];
  // As stored after deletion: the PNG is dropped, the record and its hash stay.
  const evidence: EvidenceRecord[] = [
    one.record,
    { ...two.record, png: new Blob([]) },
    three.record,
  ];
  return { timed, evidence, deletedHash: two.record.sha256 };
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** The ZIP of a draft whose log is the draft's own, unsigned. */
const zipOf = (draft: IncidentDraft, evidence: EvidenceRecord[]) =>
  buildZip({ draft, evidence, events: [], signatures: [], publicKey: null });
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/** The compression method in the local header of `path` (0 = stored). */
function methodOf(zip: Uint8Array, path: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let offset = 0;
  while (view.getUint32(offset, true) === 0x04034b50) {
    const method = view.getUint16(offset + 8, true);
    const size = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const name = text(zip.subarray(offset + 30, offset + 30 + nameLength));
    if (name === path) return method;
    offset += 30 + nameLength + extraLength + size;
  }
  throw new Error(`${path} is not in the zip`);
}

describe("the ZIP export", () => {
  it("holds the three reports, each kept screenshot and SHA256SUMS", async () => {
    const { timed, evidence } = await incidentWithScreenshots();
    const draft = buildDraft(await aDraftInput(timed, { evidence }));
    const files = unzipSync(await zipOf(draft, evidence));
    expect(Object.keys(files).sort()).toEqual([
      "SHA256SUMS",
      "log-signatures.jsonl",
      "log.jsonl",
      "report.html",
      "report.json",
      "report.md",
      "screenshots/01-140020.png",
      "screenshots/03-140110.png",
      "verify.html",
      "verify.md",
    ]);
  });

  it("has a SHA256SUMS line, in sha256sum's format, matching every other file", async () => {
    const { timed, evidence } = await incidentWithScreenshots();
    const draft = buildDraft(await aDraftInput(timed, { evidence }));
    const files = unzipSync(await zipOf(draft, evidence));
    const lines = text(files.SHA256SUMS).trimEnd().split("\n");
    expect(text(files.SHA256SUMS).endsWith("\n")).toBe(true);
    const listed = new Map(
      lines.map((line) => {
        const match = /^([0-9a-f]{64}) {2}(\S.*)$/.exec(line);
        expect(match, line).not.toBeNull();
        return [match![2]!, match![1]!] as const;
      }),
    );
    const others = Object.keys(files).filter((path) => path !== "SHA256SUMS");
    expect([...listed.keys()].sort()).toEqual(others.sort());
    for (const path of others) expect(listed.get(path)).toBe(await sha256Hex(files[path]!));
  });

  it("carries each PNG byte for byte, stored uncompressed, its hash the logged one", async () => {
    const { timed, evidence } = await incidentWithScreenshots();
    const draft = buildDraft(await aDraftInput(timed, { evidence }));
    const zip = await zipOf(draft, evidence);
    const files = unzipSync(zip);
    expect(files["screenshots/01-140020.png"]).toEqual(await bytesOf(evidence[0]!.png));
    expect(files["screenshots/03-140110.png"]).toEqual(await bytesOf(evidence[2]!.png));
    expect(methodOf(zip, "screenshots/03-140110.png")).toBe(0);
    expect(methodOf(zip, "report.html")).toBe(8);
    const sums = text(files.SHA256SUMS);
    expect(sums).toContain(`${evidence[0]!.sha256}  screenshots/01-140020.png`);
  });

  it("lists the deleted screenshot's hash in the reports without packing it", async () => {
    const { timed, evidence, deletedHash } = await incidentWithScreenshots();
    const draft = buildDraft(await aDraftInput(timed, { evidence }));
    const files = unzipSync(await zipOf(draft, evidence));
    expect(Object.keys(files).some((path) => path.startsWith("screenshots/02"))).toBe(false);
    for (const report of ["report.md", "report.html", "report.json"]) {
      expect(text(files[report])).toContain(deletedHash);
    }
    const json = JSON.parse(text(files["report.json"]));
    expect(json.screenshots[1]).toMatchObject({ number: 2, fileName: null });
    expect(json.screenshots[1].deleted.local).toBe("2026-03-28 14:00:45 +01:00");
  });

  it("links the HTML report's images to the files beside it", async () => {
    const { timed, evidence } = await incidentWithScreenshots();
    const draft = buildDraft(await aDraftInput(timed, { evidence }));
    const files = unzipSync(await zipOf(draft, evidence));
    const doc = new DOMParser().parseFromString(text(files["report.html"]), "text/html");
    const srcs = [...doc.querySelectorAll("img")].map((img) => img.getAttribute("src")!);
    expect(srcs).toEqual(["screenshots/01-140020.png", "screenshots/03-140110.png"]);
    for (const src of srcs) expect(files[src]).toBeDefined();
  });

  it("says in the reports that each file was checked against the log at export", async () => {
    const { timed, evidence } = await incidentWithScreenshots();
    const draft = buildDraft(await aDraftInput(timed, { evidence }));
    const files = unzipSync(await zipOf(draft, evidence));
    const json = JSON.parse(text(files["report.json"]));
    expect(json.screenshots.map((s: { fileCheck: string }) => s.fileCheck)).toEqual([
      "matches",
      "not-checked",
      "matches",
    ]);
    expect(text(files["report.md"])).toContain(
      "Bildfilen kontrollerad vid export: stämmer med loggen.",
    );
  });

  it("says so when a stored PNG no longer matches the hash logged at capture", async () => {
    const shot = await aScreenshot("evidence-1", 20);
    const timed: Timed[] = [
      [0, started(["personal-attack"])],
      [20, shot.event],
    ];
    const swapped = { ...shot.record, png: aPng(99) };
    const draft = buildDraft(await aDraftInput(timed, { evidence: [swapped] }));
    const files = unzipSync(await zipOf(draft, [swapped]));
    const actual = await sha256Hex(await bytesOf(swapped.png));
    expect(text(files["report.md"])).toContain(
      `Bildfilen stämmer INTE med loggen (filens SHA-256 ${actual}).`,
    );
    expect(text(files.SHA256SUMS)).toContain(`${actual}  screenshots/01-140020.png`);
  });

  it("exports a session with a broken chain, saying where it breaks", async () => {
    const { timed, evidence } = await incidentWithScreenshots();
    const events = await aLog(timed);
    events[1] = { ...events[1]!, at: events[1]!.at + 5000 };
    const chain = await verifyChain(events);
    const draft = buildDraft(await aDraftInput([], { events, chain, evidence }));
    const files = unzipSync(await zipOf(draft, evidence));
    for (const report of ["report.md", "report.html", "report.json"]) {
      expect(text(files[report])).toContain("Loggkedjan bryts vid post 1");
    }
    expect(JSON.parse(text(files["report.json"])).integrity.chain).toMatchObject({
      ok: false,
      breakSeq: 1,
    });
  });

  it("gives the same bytes for the same draft", async () => {
    const { timed, evidence } = await incidentWithScreenshots();
    const draft = buildDraft(await aDraftInput(timed, { evidence }));
    const first = await zipOf(draft, evidence);
    const second = await zipOf(draft, evidence);
    expect(await sha256Hex(first)).toBe(await sha256Hex(second));
  });

  it("holds each recording as one WebM of its chunks in order, its hash in SHA256SUMS", async () => {
    const { timed, evidence } = await incidentWithScreenshots();
    const draft = buildDraft(await aDraftInput(timed, { evidence }));
    const chunk = (recordingId: string, index: number, bytes: number[], atS: number) => ({
      recordingId,
      index,
      sessionId: draft.sessionId,
      at: at(atS),
      sha256: "",
      bytes: bytes.length,
      blob: new Blob([new Uint8Array(bytes)], { type: "video/webm" }),
    });
    // Stored in any order: the file follows the chunks' own order.
    const chunks = [
      chunk("r-1", 1, [3, 4], 14),
      chunk("r-2", 0, [9], 60),
      chunk("r-1", 0, [1, 2], 12),
      chunk("r-1", 2, [5], 16),
    ];
    const input = { draft, evidence, events: [], signatures: [], publicKey: null, chunks };
    const files = unzipSync(await buildZip(input));
    expect(files["recordings/01.webm"]).toEqual(new Uint8Array([1, 2, 3, 4, 5]));
    expect(files["recordings/02.webm"]).toEqual(new Uint8Array([9]));
    expect(methodOf(await buildZip(input), "recordings/01.webm")).toBe(0);
    const sums = text(files.SHA256SUMS);
    expect(sums).toContain(
      `${await sha256Hex(new Uint8Array([1, 2, 3, 4, 5]))}  recordings/01.webm\n`,
    );
    expect(sums).toContain(`${await sha256Hex(new Uint8Array([9]))}  recordings/02.webm\n`);
    // The export's own checker (verify.html) finds both files listed and matching.
    const check = await checkExport(new Map(Object.entries(files)));
    expect(check.files.matching).toEqual(
      expect.arrayContaining(["recordings/01.webm", "recordings/02.webm"]),
    );
    expect(check.files).toMatchObject({ differing: [], missing: [], unlisted: [] });
  });
});
