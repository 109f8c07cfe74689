import Dexie from "dexie";
import { describe, expect, it } from "vitest";
import { TrestegDb } from "@/lib/log/db";
import { sessionEvents } from "@/lib/log/incident-log";

/** Version 1 of the schema exactly as it shipped, with a real example of its data. */
async function seedVersion1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores({
    sessions: "id, status, startedAt",
    events: "[sessionId+seq], sessionId, at",
  });
  await v1.table("sessions").add({
    id: "s-1",
    status: "open",
    startedAt: 1_763_900_000_000,
    endedAt: null,
    outcome: null,
    kinds: ["personal-attack"],
    origin: "https://meet.jit.si",
    title: "Coachning",
    platform: "jitsi",
    tabId: 7,
    packId: "regionhalsan-hco-utsatthet",
    packVersion: "3.0",
    length: 1,
    headHash: "f".repeat(64),
  });
  await v1.table("events").add({
    sessionId: "s-1",
    seq: 0,
    at: 1_763_900_000_000,
    type: "session-started",
    kinds: ["personal-attack"],
    origin: "https://meet.jit.si",
    title: "Coachning",
    platform: "jitsi",
    packId: "regionhalsan-hco-utsatthet",
    packVersion: "3.0",
    prevHash: "0".repeat(64),
    hash: "f".repeat(64),
  });
  v1.close();
}

describe("schema migrations", () => {
  it("v1 → current keeps every session and entry, adds evidence, and moves the chain head", async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    await seedVersion1(name);
    const db = new TrestegDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.drafts.count()).toBe(0);
    const row = await db.sessions.get("s-1");
    expect(row).toMatchObject({ status: "open", kinds: ["personal-attack"] });
    expect(row).not.toHaveProperty("length");
    expect(row).not.toHaveProperty("headHash");
    expect(await db.heads.get("s-1")).toEqual({
      sessionId: "s-1",
      length: 1,
      headHash: "f".repeat(64),
    });
    expect(await sessionEvents(db, "s-1")).toHaveLength(1);
    expect(await db.evidence.count()).toBe(0);
    db.close();
  });
});
