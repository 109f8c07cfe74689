import Dexie from "dexie";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog, type IncidentLog, sessionEvents } from "@/lib/log/incident-log";
import { deleteIncident, incidentRecords } from "@/lib/log/records";
import { verifySignatures } from "@/lib/verify/signatures";
import { anEvent, aSessionStart, fakeDeps } from "../builders";

let db: TrestegDb;
let log: IncidentLog;

beforeEach(() => {
  db = new TrestegDb(`tresteg-test-${crypto.randomUUID()}`);
  log = createIncidentLog(db, fakeDeps(1_750_000_000_000));
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function anIncident(log: IncidentLog) {
  const started = await log.startSession(aSessionStart());
  if (!started.ok) throw new Error(JSON.stringify(started.failure));
  const id = started.value.id;
  await log.append(id, anEvent("phrase-said"));
  await log.append(id, anEvent("note"));
  return id;
}

describe("signing each committed entry", () => {
  it("makes one non-extractable P-256 key at first use and signs every entry with it", async () => {
    const id = await anIncident(log);
    const keys = await db.keys.toArray();
    expect(keys).toHaveLength(1);
    const [key] = keys;
    expect(key?.privateKey.extractable).toBe(false);
    expect(key?.privateKey.algorithm).toMatchObject({ name: "ECDSA", namedCurve: "P-256" });
    await expect(crypto.subtle.exportKey("jwk", key!.privateKey)).rejects.toThrow();

    const { events, signatures, publicKey } = await incidentRecords(db, id);
    expect(signatures.map((s) => [s.seq, s.hash])).toEqual(events.map((e) => [e.seq, e.hash]));
    const verdict = await verifySignatures(events, signatures, publicKey);
    expect(verdict).toMatchObject({ ok: true, verified: 3, unsigned: [], invalid: [] });
  });

  it("names the key in each incident's first entry, and says it is new only the first time", async () => {
    const first = await anIncident(log);
    await log.append(first, anEvent("session-ended", { outcome: "client-left" }));
    // A second page (the worker) starts the next incident with the same stored key.
    const other = createIncidentLog(db, { ...fakeDeps(1_750_000_100_000), newId: () => "b" });
    const second = await anIncident(other);
    const [a] = await sessionEvents(db, first);
    const [b] = await sessionEvents(db, second);
    const fingerprint = (await db.keys.toArray())[0]?.fingerprint;
    expect(a).toMatchObject({ signingKey: { fingerprint, new: true } });
    expect(b).toMatchObject({ signingKey: { fingerprint } });
    expect(b?.type === "session-started" && b.signingKey?.new).toBeUndefined();
  });

  it("sees a rewritten and rehashed entry, a removed signature and a removed entry", async () => {
    const id = await anIncident(log);
    const { events, signatures, publicKey } = await incidentRecords(db, id);
    const rewritten = events.map((e) => (e.seq === 1 ? { ...e, hash: "b".repeat(64) } : e));
    const verdict = await verifySignatures(rewritten, signatures.slice(0, 2), publicKey);
    expect(verdict).toMatchObject({ ok: false, invalid: [1], unsigned: [2] });
    const cut = await verifySignatures(events.slice(0, 2), signatures, publicKey);
    expect(cut).toMatchObject({ ok: false, orphans: [2] });
  });

  it("deletes an incident's signatures with it, and keeps the installation's key", async () => {
    const id = await anIncident(log);
    await deleteIncident(db, id);
    expect(await db.signatures.count()).toBe(0);
    expect(await db.keys.count()).toBe(1);
  });
});
