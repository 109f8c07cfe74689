import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TrestegDb } from "@/lib/log/db";
import { deleteIncident } from "@/lib/log/records";
import { recordingPlayers } from "@/lib/recording/report-videos";

describe("the report page's recordings", () => {
  let db: TrestegDb;
  beforeEach(() => {
    db = new TrestegDb(`report-videos-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  const chunk = (index: number, bytes: number[]) => ({
    recordingId: "r-1",
    index,
    sessionId: "s-1",
    at: 1000 + index,
    sha256: "",
    bytes: bytes.length,
    blob: new Blob([new Uint8Array(bytes)], { type: "video/webm" }),
  });

  it("plays each recording from a local blob of its chunks in order; none once the incident is deleted", async () => {
    await db.chunks.bulkAdd([chunk(1, [3]), chunk(0, [1, 2])]);
    const blobs: Blob[] = [];
    const players = await recordingPlayers(db, "s-1", "sv", document, (blob) => {
      blobs.push(blob);
      return `blob:local/${blobs.length}`;
    });
    const video = players?.querySelector("video");
    expect(video?.getAttribute("aria-label")).toBe("Inspelning 1");
    expect(video?.getAttribute("src")).toBe("blob:local/1");
    expect(video?.controls).toBe(true);
    expect(new Uint8Array(await (blobs[0] as Blob).arrayBuffer())).toEqual(
      new Uint8Array([1, 2, 3]),
    );
    await db.sessions.add({
      id: "s-1",
      status: "ended",
      startedAt: 0,
      endedAt: 1,
      outcome: "client-left",
      kinds: [],
      origin: "",
      title: "",
      platform: "generic",
      tabId: null,
      packId: "p",
      packVersion: "1",
    });
    await deleteIncident(db, "s-1");
    expect(await db.chunks.count()).toBe(0);
    expect(await recordingPlayers(db, "s-1", "sv", document)).toBeNull();
  });
});
