import { zipSync, type ZipOptions } from "fflate";
import verifierHtml from "virtual:tresteg-verifier";
import verifyGuide from "../../docs/verify.md?raw";
import type { EvidenceRecord } from "../evidence/types";
import { canonicalJson, sha256Hex } from "../log/chain";
import type { RecordingChunk, SignatureRecord } from "../log/db";
import type { LoggedEvent } from "../log/events";
import { recordingBytes } from "../log/records";
import { EXPORT_FILES } from "../verify/export";
import { renderHtml } from "./render-html";
import { renderJson } from "./render-json";
import { renderMarkdown } from "./render-markdown";
import type { IncidentDraft } from "./types";
import { screenshotBytes, withCheckedFiles } from "./verify-files";

export interface ZipInput {
  draft: IncidentDraft;
  /** The session's screenshots with their PNGs; deleted ones are listed, not packed. */
  evidence: EvidenceRecord[];
  /** The log exactly as hashed, its signatures and the installation's public key. */
  events: readonly LoggedEvent[];
  signatures: readonly SignatureRecord[];
  publicKey: { jwk: JsonWebKey; spki: string } | null;
  /** The session's recordings of the call, chunk by chunk (any order). */
  chunks?: RecordingChunk[];
}

/**
 * Each recording as one WebM: its chunks in index order, as MediaRecorder cut them (the
 * chunks of one recording, joined, are one playable file). Named by the order they started.
 */
export async function recordingFiles(
  chunks: readonly RecordingChunk[],
): Promise<Array<{ path: string; recordingId: string; data: Uint8Array }>> {
  const byRecording = new Map<string, RecordingChunk[]>();
  for (const chunk of [...chunks].sort((a, b) => a.at - b.at || a.index - b.index)) {
    const list = byRecording.get(chunk.recordingId) ?? [];
    list.push(chunk);
    byRecording.set(chunk.recordingId, list);
  }
  const files = [];
  let number = 0;
  for (const [recordingId, list] of byRecording) {
    number++;
    list.sort((a, b) => a.index - b.index);
    const data = await recordingBytes(list);
    files.push({ path: `recordings/${String(number).padStart(2, "0")}.webm`, recordingId, data });
  }
  return files;
}

/** Each entry as one line: its canonical JSON, the bytes its hash covers plus the hash itself. */
export const logLines = (events: readonly LoggedEvent[]) =>
  events.map((entry) => `${canonicalJson(entry)}\n`).join("");

const signatureLines = (signatures: readonly SignatureRecord[]) =>
  signatures
    .map(({ seq, hash, key, signature }) => `${canonicalJson({ seq, hash, key, signature })}\n`)
    .join("");

function pem(spki: string): string {
  const lines = spki.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join("\n")}\n-----END PUBLIC KEY-----\n`;
}

// Text compresses well; PNGs are compressed already, so they are stored (fast, same bytes).
const TEXT: ZipOptions = { level: 6 };
const STORED: ZipOptions = { level: 0 };

/**
 * One ZIP for a police report or the deviation report: report.html (images as relative
 * files), report.md, report.json, screenshots/NN-HHmmss.png for every kept screenshot,
 * recordings/NN.webm for every recording of the call (its chunks in order), the log
 * as hashed (log.jsonl) with its signatures (log-signatures.jsonl) and the public key
 * (public-key.jwk, public-key.pem), the offline checker verify.html and its guide verify.md
 * (docs/verify.md), and SHA256SUMS in sha256sum's format, so that `sha256sum -c SHA256SUMS`
 * checks the unzipped folder. Runs in an extension page: Blob.arrayBuffer, crypto.subtle and fflate only. Each
 * file's hash is computed before the reports are written, so they can say whether a PNG
 * still matches the hash logged at capture.
 */
export async function buildZip(input: ZipInput): Promise<Uint8Array> {
  const { draft, evidence, chunks = [] } = input;
  const pngs = await screenshotBytes(draft, evidence);
  const checked = await withCheckedFiles(draft, pngs);
  const encode = (text: string) => new TextEncoder().encode(text);
  const files: Array<{ path: string; data: Uint8Array; options: ZipOptions; sha256?: string }> = [
    { path: "report.html", data: encode(renderHtml(checked)), options: TEXT },
    { path: "report.md", data: encode(renderMarkdown(checked)), options: TEXT },
    { path: "report.json", data: encode(renderJson(checked)), options: TEXT },
    { path: EXPORT_FILES.log, data: encode(logLines(input.events)), options: TEXT },
    {
      path: EXPORT_FILES.signatures,
      data: encode(signatureLines(input.signatures)),
      options: TEXT,
    },
    ...(input.publicKey
      ? [
          {
            path: EXPORT_FILES.jwk,
            data: encode(`${JSON.stringify(input.publicKey.jwk, null, 2)}\n`),
            options: TEXT,
          },
          { path: EXPORT_FILES.pem, data: encode(pem(input.publicKey.spki)), options: TEXT },
        ]
      : []),
    {
      path: "verify.html",
      data: encode(verifierHtml.replace("{{lang}}", draft.lang === "en" ? "en" : "sv")),
      options: TEXT,
    },
    { path: "verify.md", data: encode(verifyGuide), options: TEXT },
  ];
  for (const shot of checked.screenshots) {
    const data = pngs.get(shot.evidenceId);
    if (!shot.fileName || !data) continue;
    files.push({
      path: shot.fileName,
      data,
      options: STORED,
      sha256: shot.fileSha256 ?? undefined,
    });
  }
  // WebM is compressed already: stored as it is.
  for (const recording of await recordingFiles(chunks)) {
    files.push({ path: recording.path, data: recording.data, options: STORED });
  }
  const sums = await Promise.all(
    files.map(async (file) => `${file.sha256 ?? (await sha256Hex(file.data))}  ${file.path}\n`),
  );
  files.push({ path: "SHA256SUMS", data: encode(sums.join("")), options: TEXT });

  // A fixed time for every entry, so the same draft always gives the same bytes.
  const mtime = new Date(checked.call.incidentStarted.at);
  return zipSync(
    Object.fromEntries(files.map((file) => [file.path, [file.data, { ...file.options, mtime }]])),
  );
}
