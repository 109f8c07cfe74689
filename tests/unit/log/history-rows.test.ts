import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { TrestegDb } from "@/lib/log/db";
import { historyRows } from "@/lib/log/queries";

const png = () => new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" });

/** A screenshot row as version 4 of the schema stored it. */
const aScreenshot = (id: string, sessionId: string, deletedAt: number | null) => ({
  id,
  sessionId,
  at: 1_763_900_100_000,
  sha256: "a".repeat(64),
  width: 1,
  height: 1,
  origin: "https://meet.jit.si",
  title: "Coachning",
  png: png(),
  thumbnail: png(),
  caption: "",
  deletedAt,
});

const aSession = (id: string, startedAt: number) => ({
  id,
  status: "ended",
  startedAt,
  endedAt: startedAt + 60_000,
  outcome: "terminated",
  kinds: ["personal-attack"],
  origin: "https://meet.jit.si",
  title: "Coachning",
  platform: "jitsi",
  tabId: 7,
  packId: "regionhalsan-hco-utsatthet",
  packVersion: "3.0",
});

/** Version 4 of the schema exactly as it shipped, with screenshots live and deleted. */
async function seedVersion4(name: string) {
  const v4 = new Dexie(name);
  v4.version(4).stores({
    sessions: "id, status, startedAt",
    events: "[sessionId+seq], sessionId, at",
    evidence: "id, sessionId, at",
    heads: "sessionId",
    drafts: "sessionId",
  });
  await v4
    .table("sessions")
    .bulkAdd([aSession("old", 1_763_000_000_000), aSession("new", 1_763_900_000_000)]);
  await v4
    .table("evidence")
    .bulkAdd([
      aScreenshot("e-1", "new", null),
      aScreenshot("e-2", "new", null),
      aScreenshot("e-3", "new", 1_763_900_200_000),
      aScreenshot("e-4", "old", 1_763_000_200_000),
    ]);
  v4.close();
}

describe("the history list", () => {
  const open: TrestegDb[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });

  it("after v4 → current, counts each incident's screenshots still held, newest incident first", async () => {
    const name = `history-${crypto.randomUUID()}`;
    await seedVersion4(name);
    const db = new TrestegDb(name);
    open.push(db);
    await db.open();
    expect(db.verno).toBe(7);
    const rows = await historyRows(db);
    expect(rows.map((r) => [r.session.id, r.screenshots])).toEqual([
      ["new", 2],
      ["old", 0],
    ]);
    // Every screenshot row is kept as it was, image and all.
    expect(await db.evidence.count()).toBe(4);
    expect((await db.evidence.get("e-1"))?.png.size).toBe(4);
  });

  it("reads no screenshot row to count them", async () => {
    const name = `history-${crypto.randomUUID()}`;
    await seedVersion4(name);
    const db = new TrestegDb(name);
    open.push(db);
    await db.open();
    let rowsRead = 0;
    db.evidence.hook("reading", (row) => {
      rowsRead += 1;
      return row;
    });
    await historyRows(db);
    expect(rowsRead).toBe(0);
  });

  it("says which incidents hold a recording of the call, reading none of its chunks", async () => {
    const name = `history-${crypto.randomUUID()}`;
    await seedVersion4(name);
    const db = new TrestegDb(name);
    open.push(db);
    await db.open();
    await db.chunks.add({
      recordingId: "r-1",
      index: 0,
      sessionId: "old",
      at: 1,
      sha256: "e".repeat(64),
      bytes: 1,
      blob: new Blob([new Uint8Array([1])]),
    });
    let chunksRead = 0;
    db.chunks.hook("reading", (row) => {
      chunksRead += 1;
      return row;
    });
    const rows = await historyRows(db);
    expect(rows.map((r) => [r.session.id, r.recorded])).toEqual([
      ["new", false],
      ["old", true],
    ]);
    expect(chunksRead).toBe(0);
  });
});
