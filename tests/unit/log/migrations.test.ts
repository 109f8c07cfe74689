import Dexie from "dexie";
import { describe, expect, it } from "vitest";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog, sessionEvents } from "@/lib/log/incident-log";
import { addChunk, deleteIncident, incidentChunks, incidentRecords } from "@/lib/log/records";
import { verifyChain } from "@/lib/log/chain";
import { anEvent, fakeDeps } from "../builders";
import v006 from "./example/v006.json";
import { verifySignatures } from "@/lib/verify/signatures";

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

const SESSION_V3 = {
  id: "s-2",
  status: "ended",
  startedAt: 1_764_000_000_000,
  endedAt: 1_764_000_600_000,
  outcome: "resolved",
  kinds: ["inappropriate/undressed"],
  origin: "https://meet.google.com",
  title: "Meet – Coachning",
  platform: "google-meet",
  tabId: null,
  packId: "regionhalsan-hco-utsatthet",
  packVersion: "3.0",
};
const EVENT_V2 = {
  sessionId: "s-2",
  seq: 0,
  at: 1_764_000_000_000,
  type: "session-started",
  kinds: ["inappropriate/undressed"],
  origin: "https://meet.google.com",
  title: "Meet – Coachning",
  platform: "google-meet",
  packId: "regionhalsan-hco-utsatthet",
  packVersion: "3.0",
  prevHash: "0".repeat(64),
  hash: "a".repeat(64),
};
const SCREENSHOT_V2 = {
  id: "e-1",
  sessionId: "s-2",
  at: 1_764_000_100_000,
  png: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" }),
  thumbnail: new Blob([new Uint8Array([1])], { type: "image/jpeg" }),
  width: 1280,
  height: 720,
  sha256: "b".repeat(64),
  origin: "https://meet.google.com",
  title: "Meet – Coachning",
  caption: "",
  deletedAt: null,
};

/** Versions 1 and 2 as they shipped: the chain head still on the session row. */
async function seedVersion2(name: string) {
  const v2 = new Dexie(name);
  v2.version(1).stores({
    sessions: "id, status, startedAt",
    events: "[sessionId+seq], sessionId, at",
  });
  v2.version(2).stores({ evidence: "id, sessionId, at" });
  await v2.table("sessions").add({ ...SESSION_V3, length: 1, headHash: "a".repeat(64) });
  await v2.table("events").add(EVENT_V2);
  await v2.table("evidence").add(SCREENSHOT_V2);
  v2.close();
}

/** Versions 1 to 3 as they shipped: the chain head in its own table, no drafts yet. */
async function seedVersion3(name: string) {
  const v3 = new Dexie(name);
  v3.version(1).stores({
    sessions: "id, status, startedAt",
    events: "[sessionId+seq], sessionId, at",
  });
  v3.version(2).stores({ evidence: "id, sessionId, at" });
  v3.version(3).stores({ heads: "sessionId" });
  await v3.table("sessions").add(SESSION_V3);
  await v3.table("events").add(EVENT_V2);
  await v3.table("evidence").add(SCREENSHOT_V2);
  await v3.table("heads").add({ sessionId: "s-2", length: 1, headHash: "a".repeat(64) });
  v3.close();
}

/**
 * Versions 1 to 6 as they shipped, holding a real version 6 example: one ended incident as
 * that version's own code logged and signed it (tests/unit/log/example/v006.json). The
 * example keeps the private key as a JWK only so that it can be stored here as a CryptoKey.
 */
async function seedVersion6(name: string) {
  const v6 = new Dexie(name);
  v6.version(1).stores({
    sessions: "id, status, startedAt",
    events: "[sessionId+seq], sessionId, at",
  });
  v6.version(2).stores({ evidence: "id, sessionId, at" });
  v6.version(3).stores({ heads: "sessionId" });
  v6.version(4).stores({ drafts: "sessionId" });
  v6.version(5).stores({ evidence: "id, sessionId, at, [sessionId+deletedAt]" });
  v6.version(6).stores({ keys: "id", signatures: "[sessionId+seq]" });
  const algorithm = { name: "ECDSA", namedCurve: "P-256" };
  const { privateJwk, ...key } = v006.key;
  await v6.table("keys").add({
    ...key,
    privateKey: await crypto.subtle.importKey("jwk", privateJwk, algorithm, false, ["sign"]),
    publicKey: await crypto.subtle.importKey("jwk", key.publicJwk, algorithm, true, ["verify"]),
  });
  await v6.table("sessions").bulkAdd(v006.sessions);
  await v6.table("events").bulkAdd(v006.events);
  await v6.table("heads").bulkAdd(v006.heads);
  await v6.table("signatures").bulkAdd(v006.signatures);
  v6.close();
}

describe("schema migrations", () => {
  it("v1 → current keeps every session and entry, adds evidence, and moves the chain head", async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    await seedVersion1(name);
    const db = new TrestegDb(name);
    await db.open();
    expect(db.verno).toBe(7);
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
  it("v2 → current moves the chain head off the session row and keeps the screenshots", async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    await seedVersion2(name);
    const db = new TrestegDb(name);
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.sessions.get("s-2")).toEqual(SESSION_V3);
    expect(await db.heads.get("s-2")).toEqual({
      sessionId: "s-2",
      length: 1,
      headHash: "a".repeat(64),
    });
    expect(await sessionEvents(db, "s-2")).toEqual([EVENT_V2]);
    const [shot] = await db.evidence.where("sessionId").equals("s-2").toArray();
    expect(shot).toMatchObject({ id: "e-1", sha256: "b".repeat(64), width: 1280 });
    expect(new Uint8Array(await (shot?.png as Blob).arrayBuffer())).toEqual(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    );
    expect(await db.drafts.count()).toBe(0);
    db.close();
  });

  it("v3 → current adds the drafts and leaves sessions, entries, heads and screenshots as they were", async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    await seedVersion3(name);
    const db = new TrestegDb(name);
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.sessions.toArray()).toEqual([SESSION_V3]);
    expect(await db.heads.toArray()).toEqual([
      { sessionId: "s-2", length: 1, headHash: "a".repeat(64) },
    ]);
    expect(await sessionEvents(db, "s-2")).toEqual([EVENT_V2]);
    expect(await db.evidence.get("e-1")).toMatchObject({ sessionId: "s-2", caption: "" });
    expect(await db.drafts.count()).toBe(0);
    await db.drafts.put({ sessionId: "s-2", edits: {} as never, updatedAt: 1 });
    expect(await db.drafts.get("s-2")).toMatchObject({ sessionId: "s-2" });
    db.close();
  });

  it("v5 → current adds the key and signature tables and an empty table of recordings; the unsigned log stays as it was and is said to be unsigned", async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v5 = new Dexie(name);
    v5.version(1).stores({
      sessions: "id, status, startedAt",
      events: "[sessionId+seq], sessionId, at",
    });
    v5.version(2).stores({ evidence: "id, sessionId, at" });
    v5.version(3).stores({ heads: "sessionId" });
    v5.version(4).stores({ drafts: "sessionId" });
    v5.version(5).stores({ evidence: "id, sessionId, at, [sessionId+deletedAt]" });
    await v5.table("sessions").add(SESSION_V3);
    await v5.table("events").add(EVENT_V2);
    await v5.table("evidence").add(SCREENSHOT_V2);
    await v5.table("heads").add({ sessionId: "s-2", length: 1, headHash: "a".repeat(64) });
    await v5.table("drafts").add({ sessionId: "s-2", edits: { unit: "Enhet A" }, updatedAt: 5 });
    v5.close();

    const db = new TrestegDb(name);
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.sessions.toArray()).toEqual([SESSION_V3]);
    expect(await sessionEvents(db, "s-2")).toEqual([EVENT_V2]);
    expect(await db.heads.get("s-2")).toEqual({
      sessionId: "s-2",
      length: 1,
      headHash: "a".repeat(64),
    });
    expect(await db.drafts.get("s-2")).toMatchObject({ edits: { unit: "Enhet A" } });
    expect(await db.evidence.get("e-1")).toMatchObject({ sha256: "b".repeat(64) });
    expect(await db.keys.count()).toBe(0);
    expect(await db.signatures.count()).toBe(0);
    const records = await incidentRecords(db, "s-2");
    const verdict = await verifySignatures(records.events, records.signatures, records.publicKey);
    expect(verdict).toMatchObject({ ok: false, fingerprint: null, namedKey: null, unsigned: [0] });
    expect(await db.chunks.count()).toBe(0);
    db.close();
  });

  it("v6 → v7 adds the table of recordings and keeps the signed log, its key and its signatures", async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    await seedVersion6(name);
    const db = new TrestegDb(name);
    await db.open();
    expect(db.verno).toBe(7);
    const sessionId = v006.sessions[0]?.id as string;
    expect(await db.sessions.toArray()).toEqual(v006.sessions);
    expect(await db.heads.toArray()).toEqual(v006.heads);
    expect(await db.signatures.toArray()).toEqual(v006.signatures);
    const records = await incidentRecords(db, sessionId);
    expect(records.events).toEqual(v006.events);
    expect(await verifyChain(records.events)).toMatchObject({ ok: true });
    expect(records.publicKey?.fingerprint).toBe(v006.key.fingerprint);
    expect(
      await verifySignatures(records.events, records.signatures, records.publicKey),
    ).toMatchObject({ ok: true, verified: v006.events.length, unsigned: [], invalid: [] });
    expect(await db.chunks.count()).toBe(0);

    // The key carried over still signs: the next incident is signed by it, chunk and all.
    const log = createIncidentLog(db, { ...fakeDeps(1_764_600_000_000), newId: () => "s-next" });
    const started = await log.startSession({
      kinds: ["personal-attack"],
      origin: "https://meet.jit.si",
      title: "Coachning",
      platform: "jitsi",
      tabId: 3,
      packId: "regionhalsan-hco-utsatthet",
      packVersion: "3.0",
    });
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    const blob = new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3])], { type: "video/webm" });
    await log.append(
      "s-next",
      anEvent("recording-chunk", {
        recordingId: "r-1",
        index: 0,
        sha256: "c".repeat(64),
        bytes: 4,
      }),
      {
        alsoWrite: async () => {
          await addChunk(db, {
            recordingId: "r-1",
            index: 0,
            sessionId: "s-next",
            at: 1_764_600_000_000,
            sha256: "c".repeat(64),
            bytes: 4,
            blob,
          });
        },
      },
    );
    const next = await incidentRecords(db, "s-next");
    expect(await verifySignatures(next.events, next.signatures, next.publicKey)).toMatchObject({
      ok: true,
      verified: 2,
      unsigned: [],
    });
    expect(next.publicKey?.fingerprint).toBe(v006.key.fingerprint);
    expect(await incidentChunks(db, "s-next")).toHaveLength(1);

    // Deleting the old incident leaves the new one's recording alone.
    await deleteIncident(db, sessionId);
    expect(await db.signatures.where("sessionId").equals(sessionId).count()).toBe(0);
    expect(await incidentChunks(db, "s-next")).toHaveLength(1);
    db.close();
  });
});
