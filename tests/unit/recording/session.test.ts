import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sha256Hex, verifyChain } from "@/lib/log/chain";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog, sessionEvents } from "@/lib/log/incident-log";
import { recordingChunks } from "@/lib/log/records";
import { type ChunkSource, createRecording } from "@/lib/recording/session";
import { recordingsOf, runningRecording } from "@/lib/recording/status";
import { aSessionStart } from "../builders";

/** A recorder the test cuts by hand: each `cut` is one chunk, `end` the recorder's stop. */
function aFakeSource() {
  let give: (blob: Blob) => void = () => undefined;
  let end: () => void = () => undefined;
  const source: ChunkSource & { cut(bytes: number[]): void; stopped: boolean; finish(): void } = {
    mimeType: "video/webm;codecs=vp8,opus",
    sides: "both",
    stopped: false,
    start(onChunk, onEnd) {
      give = onChunk;
      end = onEnd;
    },
    stop() {
      if (source.stopped) return;
      source.stopped = true;
      // MediaRecorder gives its last chunk, then stops, both as events after stop().
      setTimeout(() => {
        give(new Blob([new Uint8Array([0xff])]));
        end();
      }, 0);
    },
    cut(bytes) {
      give(new Blob([new Uint8Array(bytes)]));
    },
    finish() {
      source.stopped = true;
      end();
    },
  };
  return source;
}

describe("a recording of the call", () => {
  let db: TrestegDb;
  beforeEach(() => {
    db = new TrestegDb(`recording-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  async function anOpenIncident() {
    const log = createIncidentLog(db);
    const started = await log.startSession(aSessionStart());
    if (!started.ok) throw new Error("no session");
    return { log, sessionId: started.value.id };
  }

  it("commits each chunk with its hash as a chained entry, in order, and logs the whole file's hash at the stop", async () => {
    const { log, sessionId } = await anOpenIncident();
    const source = aFakeSource();
    const recording = createRecording({
      db,
      log,
      sessionId,
      recordingId: "r-1",
      now: Date.now,
      source,
    });
    expect((await recording.start()).ok).toBe(true);
    source.cut([1, 2, 3]);
    source.cut([4, 5]);
    await recording.firstChunk();
    const summary = await recording.stop("coach");

    const chunks = await recordingChunks(db, "r-1");
    expect(chunks.map((c) => c.index)).toEqual([0, 1, 2]);
    const whole = new Uint8Array([1, 2, 3, 4, 5, 0xff]);
    expect(summary).toEqual({
      reason: "coach",
      chunks: 3,
      bytes: 6,
      sha256: await sha256Hex(whole),
      logged: true,
    });
    const events = await sessionEvents(db, sessionId);
    expect((await verifyChain(events)).ok).toBe(true);
    const [found] = recordingsOf(events);
    // Each stored chunk's bytes hash to the hash its entry carries.
    for (const [i, chunk] of chunks.entries()) {
      const hash = await sha256Hex(await chunk.blob.arrayBuffer());
      expect(found?.chunks[i]).toMatchObject({ index: i, sha256: hash });
    }
    expect(found).toMatchObject({ reason: "coach", sha256: summary.sha256, bytes: 6 });
    expect(runningRecording(events)).toBeNull();
  });

  it("stops cleanly on a full disk: every committed chunk stays, the stop says the disk is full", async () => {
    const { log, sessionId } = await anOpenIncident();
    const source = aFakeSource();
    const recording = createRecording({
      db,
      log,
      sessionId,
      recordingId: "r-2",
      now: Date.now,
      source,
    });
    await recording.start();
    source.cut([1]);
    source.cut([2]);
    await vi.waitFor(async () => expect(await db.chunks.count()).toBe(2));
    // From now on IndexedDB refuses every chunk, as a full disk does.
    const add = db.chunks.add.bind(db.chunks);
    db.chunks.add = (() =>
      Promise.reject(
        new DOMException("The quota has been exceeded.", "QuotaExceededError"),
      )) as never;
    source.cut([3]);
    const stopped = new Promise((resolve) => recording.onStopped(resolve));
    const summary = await stopped;
    db.chunks.add = add;

    expect(source.stopped).toBe(true);
    expect(summary).toMatchObject({ reason: "disk-full", chunks: 2, bytes: 2, logged: true });
    expect((await recordingChunks(db, "r-2")).map((c) => c.index)).toEqual([0, 1]);
    const events = await sessionEvents(db, sessionId);
    expect((await verifyChain(events)).ok).toBe(true);
    expect(events.filter((e) => e.type === "recording-chunk")).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ type: "recording-stopped", reason: "disk-full" });
  });

  it("says the capture ended when the recorder stops by itself", async () => {
    const { log, sessionId } = await anOpenIncident();
    const source = aFakeSource();
    const recording = createRecording({
      db,
      log,
      sessionId,
      recordingId: "r-3",
      now: Date.now,
      source,
    });
    await recording.start();
    source.cut([9]);
    const stopped = new Promise((resolve) => recording.onStopped(resolve));
    source.finish();
    expect(await stopped).toMatchObject({ reason: "capture-ended", chunks: 1 });
  });

  it("does not start in an incident that has ended", async () => {
    const { log, sessionId } = await anOpenIncident();
    await log.append(sessionId, { type: "session-ended", outcome: "client-left" });
    const source = aFakeSource();
    let started = false;
    source.start = () => {
      started = true;
    };
    const recording = createRecording({
      db,
      log,
      sessionId,
      recordingId: "r-4",
      now: Date.now,
      source,
    });
    const result = await recording.start();
    expect(result).toMatchObject({ ok: false, failure: { kind: "refused", refusal: "ended" } });
    expect(started).toBe(false);
  });
});
