import { sha256Hex } from "../log/chain";
import type { TrestegDb } from "../log/db";
import type { RecordingSides, RecordingStop } from "../log/events";
import type { IncidentLog, LogFailure } from "../log/incident-log";
import { addChunk, recordingBytes, recordingChunks } from "../log/records";

/** About two seconds of WebM per chunk: a crash loses at most the chunk in flight. */
export const CHUNK_MS = 2000;

/**
 * What the recorder is: MediaRecorder in the offscreen document, a fake in tests. `start`
 * gives each chunk as it is cut, and calls `onEnd` once after the last one (after `stop`, or
 * when the capture itself ended).
 */
export interface ChunkSource {
  mimeType: string;
  sides: RecordingSides;
  start(onChunk: (blob: Blob) => void, onEnd: () => void): void;
  stop(): void;
}

export interface RecordingDeps {
  db: TrestegDb;
  log: Pick<IncidentLog, "append">;
  sessionId: string;
  recordingId: string;
  now: () => number;
  source: ChunkSource;
}

export type StopSummary = {
  reason: RecordingStop;
  chunks: number;
  bytes: number;
  sha256: string | null;
  /** The stop's own entry is in the log (a full disk may refuse even that). */
  logged: boolean;
};

/** A full disk: IndexedDB's quota error, as Dexie or the browser names it. */
export function isQuotaFailure(failure: LogFailure): boolean {
  return failure.kind === "storage" && /quota/i.test(`${failure.name} ${failure.message}`);
}

/**
 * One recording of the call. Its start is logged first; then every chunk is hashed and
 * committed to IndexedDB in the same transaction as its chained "recording-chunk" entry, one
 * after another in the order cut. A chunk that cannot be stored (a full disk) stops the
 * recording cleanly: every chunk committed before stays, and the stop says why.
 */
export function createRecording(deps: RecordingDeps) {
  const { db, log, sessionId, recordingId, source } = deps;
  let next = 0;
  let bytes = 0;
  let queue: Promise<void> = Promise.resolve();
  let failure: RecordingStop | null = null;
  let stopping: Promise<StopSummary> | null = null;
  let asked: RecordingStop | null = null;
  let endedResolve: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => {
    endedResolve = resolve;
  });
  const firstCommitted: Array<() => void> = [];
  const onStopped: Array<(summary: StopSummary) => void> = [];

  function commit(blob: Blob) {
    queue = queue.then(async () => {
      if (failure) return;
      const data = new Uint8Array(await blob.arrayBuffer());
      if (data.byteLength === 0) return;
      const sha256 = await sha256Hex(data);
      const index = next;
      const chunk = {
        recordingId,
        index,
        sessionId,
        at: deps.now(),
        sha256,
        bytes: data.byteLength,
        blob,
      };
      const result = await log.append(
        sessionId,
        { type: "recording-chunk", recordingId, index, sha256, bytes: data.byteLength },
        { alsoWrite: () => addChunk(db, chunk) },
      );
      if (result.ok) {
        next++;
        bytes += data.byteLength;
        if (index === 0) for (const tell of firstCommitted.splice(0)) tell();
        return;
      }
      failure = isQuotaFailure(result.failure) ? "disk-full" : "storage-error";
      console.error("Tresteg: a recording chunk was not stored", result.failure);
      void stop(failure);
    });
  }

  /** The whole WebM's hash: the committed chunks, in order, read back from IndexedDB. */
  async function wholeHash(): Promise<string | null> {
    if (next === 0) return null;
    try {
      return await sha256Hex(await recordingBytes(await recordingChunks(db, recordingId)));
    } catch (error) {
      console.error("Tresteg: the recording could not be read back to hash", error);
      return null;
    }
  }

  /** Stops the recording (the first reason wins), commits what is in flight, logs the stop. */
  function stop(reason: RecordingStop): Promise<StopSummary> {
    if (stopping) return stopping;
    asked = reason;
    stopping = (async () => {
      source.stop();
      await ended;
      await queue;
      const why = failure ?? reason;
      const sha256 = await wholeHash();
      const logged = await log.append(sessionId, {
        type: "recording-stopped",
        recordingId,
        reason: why,
        chunks: next,
        bytes,
        ...(sha256 ? { sha256 } : {}),
      });
      const summary: StopSummary = { reason: why, chunks: next, bytes, sha256, logged: logged.ok };
      for (const tell of onStopped) tell(summary);
      return summary;
    })();
    return stopping;
  }

  return {
    /** Logs the start, then starts the recorder; refused when the log refuses the start. */
    async start() {
      const started = await log.append(sessionId, {
        type: "recording-started",
        recordingId,
        mimeType: source.mimeType,
        sides: source.sides,
      });
      if (!started.ok) return started;
      source.start(commit, () => {
        endedResolve();
        // The recorder ended by itself (the browser stopped the capture).
        if (asked === null) void stop("capture-ended");
      });
      return started;
    },
    stop,
    /** Resolves when the first chunk is committed (the bench measures click → this). */
    firstChunk: () =>
      new Promise<void>((resolve) => {
        if (next > 0) resolve();
        else firstCommitted.push(resolve);
      }),
    onStopped: (listener: (summary: StopSummary) => void) => onStopped.push(listener),
    get sessionId() {
      return sessionId;
    },
    get recordingId() {
      return recordingId;
    },
  };
}

export type Recording = ReturnType<typeof createRecording>;
