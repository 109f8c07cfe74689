// The draft and ZIP figures, run in Node on the real lib code (bundled by bench/draft.mjs with
// esbuild). The session is heavy but realistic: 1,000 hash-chained events over about an hour,
// 50 of them screenshots of a 1920×1080 meeting, with PNG-sized blobs whose hashes are real.
import { zipSync } from "fflate";
import { buildDraft } from "../lib/draft/build";
import { renderHtml } from "../lib/draft/render-html";
import { renderJson } from "../lib/draft/render-json";
import { renderMarkdown } from "../lib/draft/render-markdown";
import { renderText } from "../lib/draft/render-text";
import { screenshotBytes, withCheckedFiles } from "../lib/draft/verify-files";
import { buildZip } from "../lib/draft/zip";
import type { EvidenceRecord } from "../lib/evidence/types";
import type { IncidentEvent, ThreatDetailField } from "../lib/log/events";
import { anEvent } from "../tests/unit/builders";
import {
  aDraftInput,
  aScreenshot,
  at,
  said,
  started,
  type Timed,
} from "../tests/unit/draft/sessions";

export const EVENTS = 1000;
export const SCREENSHOTS = 50;

const PHRASES: Record<1 | 2 | 3, string[]> = {
  1: ["calm-down", "is-that-a-threat", "calm-down-explain", "dress-upper-body"],
  2: ["warn-aggressive", "warn-threatening", "warn-dress-or-park"],
  3: ["end-now"],
};
const FIELDS: ThreatDetailField[] = ["time", "sounds", "gender", "age", "dialect", "words"];

/**
 * A PNG-sized blob: the PNG signature, then bytes from a seeded xorshift, 2.0–3.0 MB (what a
 * 1920×1080 screenshot of a video call weighs). Random bytes do not compress, like a PNG's
 * deflated data, and the ZIP stores PNGs as they are, so the timing is a PNG's.
 */
export function pngLike(seed: number): Blob {
  const size = 2_000_000 + ((seed * 7919) % 1_000_000);
  const words = new Uint32Array(Math.ceil(size / 4));
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  const bytes = new Uint8Array(words.buffer, 0, size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Blob([bytes], { type: "image/png" });
}

/** 1,000 events, one every 4 s: phrases, notes, tags, threat details, ten two-minute waits. */
export async function heavySession() {
  const timed: Timed[] = [];
  const evidence: EvidenceRecord[] = [];
  let seconds = 0;
  const push = (event: IncidentEvent) => {
    timed.push([seconds, event]);
    seconds += 4;
  };
  push(started(["personal-attack", "raised-voice"]));
  push(anEvent("call-start-set", { callStartedAt: at(-600) }));
  let step: 1 | 2 | 3 = 1;
  let waits = 0;
  let k = 0;
  while (timed.length < EVENTS - 1) {
    k += 1;
    const room = EVENTS - 1 - timed.length;
    if (evidence.length < Math.min(SCREENSHOTS, Math.floor(timed.length / 19))) {
      const id = `evidence-${evidence.length + 1}`;
      const shot = await aScreenshot(id, seconds, {
        png: pngLike(evidence.length + 1),
        caption: evidence.length % 3 === 0 ? `Skärmdump ${evidence.length + 1}` : "",
      });
      evidence.push(shot.record);
      push(shot.event);
    } else if (waits < 10 && timed.length >= (waits + 1) * 90 && room >= 10) {
      waits += 1;
      push(anEvent("wait-started", { deadline: at(seconds + 120), durationMs: 120_000 }));
      for (const target of ["client-sound", "client-picture", "own-mic", "own-camera"] as const) {
        push(anEvent("mute-applied", { target, result: "done" }));
      }
      push(anEvent("wait-ended", { reason: "continue" }));
      for (const target of ["client-sound", "client-picture", "own-mic", "own-camera"] as const) {
        push(anEvent("mute-restored", { target, result: "done" }));
      }
    } else if (step < 3 && timed.length >= step * 330) {
      push(anEvent("step-advanced", { from: step, to: (step + 1) as 2 | 3 }));
      step = (step + 1) as 2 | 3;
    } else if (k % 10 === 5) {
      push(anEvent("note", { text: `Klienten sa något hotfullt igen (${k}).` }));
    } else if (k % 10 === 7) {
      push(anEvent("tag", { tag: k % 20 === 7 ? "threat-of-violence" : "personal-attack" }));
    } else if (k % 10 === 9) {
      push(anEvent("threat-detail", { field: FIELDS[k % FIELDS.length], value: `detalj ${k}` }));
    } else {
      const ids = PHRASES[step];
      push(said(step, ids[k % ids.length] as string));
    }
  }
  push(anEvent("session-ended", { outcome: "terminated" }));
  const input = await aDraftInput(timed, { evidence });
  if (input.events.length !== EVENTS || evidence.length !== SCREENSHOTS || !input.chain.ok) {
    throw new Error(
      `Heavy session is off: ${input.events.length} events, ${evidence.length} shots`,
    );
  }
  return { input, evidence };
}

const timeIt = async <T>(f: () => T | Promise<T>) => {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
};

export async function runDraftBench(rounds = 5) {
  const setup = await timeIt(heavySession);
  const { input, evidence } = setup.value;
  const pngBytes = evidence.reduce((sum, record) => sum + record.png.size, 0);

  const textMs: number[] = [];
  let textChars = 0;
  for (let i = 0; i < rounds; i++) {
    const { ms, value } = await timeIt(() => renderText(buildDraft(input)));
    textMs.push(ms);
    textChars = value.length;
  }

  const zipMs: number[] = [];
  let zipBytes = 0;
  for (let i = 0; i < rounds; i++) {
    const draft = buildDraft(input);
    const { ms, value } = await timeIt(() =>
      buildZip({ draft, evidence, events: input.events, signatures: [], publicKey: null }),
    );
    zipMs.push(ms);
    zipBytes = value.byteLength;
  }

  // Where a ZIP's time goes: buildZip's steps, one by one, once (SHA256SUMS left out).
  const draft = buildDraft(input);
  const bytes = await timeIt(() => screenshotBytes(draft, evidence));
  const hashed = await timeIt(() => withCheckedFiles(draft, bytes.value));
  const reports = await timeIt(() => [
    renderHtml(hashed.value),
    renderMarkdown(hashed.value),
    renderJson(hashed.value),
  ]);
  const packed = await timeIt(() => {
    const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
    const encoder = new TextEncoder();
    reports.value.forEach((text, i) => {
      files[`report-${i}`] = [encoder.encode(text), { level: 6 }];
    });
    for (const [id, data] of bytes.value) files[`${id}.png`] = [data, { level: 0 }];
    return zipSync(files);
  });

  return {
    setupMs: setup.ms,
    events: input.events.length,
    screenshots: evidence.length,
    pngBytes,
    textMs,
    textChars,
    zipMs,
    zipBytes,
    zipSteps: {
      readPngsMs: bytes.ms,
      hashPngsMs: hashed.ms,
      renderReportsMs: reports.ms,
      reportChars: reports.value.map((text) => text.length),
      zipSyncMs: packed.ms,
    },
  };
}
