import { describe, expect, it } from "vitest";
import { canonicalJson, GENESIS_HASH, hashEntry, sha256Hex, verifyChain } from "@/lib/log/chain";
import type { LoggedEvent } from "@/lib/log/events";
import { aChain, anEvent, sealed } from "../builders";

describe("canonical JSON", () => {
  it("gives the same text whatever order the keys were written in", () => {
    const a = { type: "phrase-said", step: 1, nested: { z: 1, a: [1, { y: 2, b: 3 }] } };
    const b = { nested: { a: [1, { b: 3, y: 2 }], z: 1 }, step: 1, type: "phrase-said" };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe(
      '{"nested":{"a":[1,{"b":3,"y":2}],"z":1},"step":1,"type":"phrase-said"}',
    );
  });

  it("keeps the order of arrays, which is meaningful", () => {
    expect(canonicalJson(["a", "b"])).not.toBe(canonicalJson(["b", "a"]));
  });

  it("drops keys whose value is undefined, as JSON does", () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it("distinguishes values that differ only in type", () => {
    expect(canonicalJson({ step: 1 })).not.toBe(canonicalJson({ step: "1" }));
    expect(canonicalJson({ v: null })).not.toBe(canonicalJson({ v: "null" }));
  });

  it("keeps Swedish text as it is", () => {
    expect(canonicalJson({ text: "Jag väntar två minuter" })).toBe(
      '{"text":"Jag väntar två minuter"}',
    );
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])(
    "refuses to hash the non-finite number %s",
    (n) => {
      expect(() => canonicalJson({ at: n })).toThrow(/non-finite/);
    },
  );
});

describe("SHA-256", () => {
  it.each([
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
  ])("hashes %j to the published test vector", async (input, expected) => {
    expect(await sha256Hex(input)).toBe(expected);
  });

  it("hashes bytes and the same text as UTF-8 alike", async () => {
    const text = "Ska jag uppfatta det som ett hot?";
    expect(await sha256Hex(new TextEncoder().encode(text))).toBe(await sha256Hex(text));
  });
});

describe("hashing an entry", () => {
  it("ignores the entry's own hash field", async () => {
    const [entry] = await aChain();
    const { hash, ...content } = entry as LoggedEvent;
    expect(await hashEntry(entry as LoggedEvent)).toBe(hash);
    expect(await hashEntry(content)).toBe(hash);
  });

  it.each<[string, Partial<LoggedEvent>]>([
    ["the time", { at: 1 }],
    ["the sequence number", { seq: 7 }],
    ["the previous hash", { prevHash: "f".repeat(64) }],
    ["the session", { sessionId: "another" }],
  ])("changes when %s changes", async (_name, change) => {
    const [entry] = await aChain();
    const changed = { ...(entry as LoggedEvent), ...change } as LoggedEvent;
    expect(await hashEntry(changed)).not.toBe(entry?.hash);
  });
});

/** The chain with entry `seq` replaced by `change(entry)`. */
function withEntry(chain: LoggedEvent[], seq: number, change: (e: LoggedEvent) => LoggedEvent) {
  return chain.map((e) => (e.seq === seq ? change(structuredClone(e)) : e));
}

describe("verifying a session's chain", () => {
  it("accepts an intact chain and names its head, the last entry's hash", async () => {
    const chain = await aChain();
    expect(await verifyChain(chain)).toEqual({
      ok: true,
      count: 5,
      headHash: chain[4]?.hash,
    });
  });

  it("accepts an empty chain", async () => {
    expect(await verifyChain([])).toEqual({ ok: true, count: 0, headHash: GENESIS_HASH });
  });

  it("starts the chain from the genesis hash", async () => {
    const chain = await aChain();
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    expect(chain[1]?.prevHash).toBe(chain[0]?.hash);
  });

  it.each([0, 2, 4])("says where an edited entry breaks: seq %i", async (seq) => {
    const chain = withEntry(await aChain(), seq, (e) =>
      e.type === "phrase-said" ? { ...e, text: "Något annat." } : { ...e, at: e.at + 60_000 },
    );
    expect(await verifyChain(chain)).toEqual({ ok: false, count: 5, at: { reason: "hash", seq } });
  });

  it("catches an entry whose said phrase was rewritten", async () => {
    const chain = withEntry(
      await aChain(),
      1,
      (e) => ({ ...e, phraseId: "end-now" }) as LoggedEvent,
    );
    expect(await verifyChain(chain)).toMatchObject({ ok: false, at: { reason: "hash", seq: 1 } });
  });

  it("says where an entry was removed from the middle", async () => {
    const chain = await aChain();
    chain.splice(2, 1);
    expect(await verifyChain(chain)).toEqual({
      ok: false,
      count: 4,
      at: { reason: "gap", seq: 3, expectedSeq: 2 },
    });
  });

  it("says where an entry was removed from the start", async () => {
    const chain = (await aChain()).slice(1);
    expect(await verifyChain(chain)).toMatchObject({
      ok: false,
      at: { reason: "gap", seq: 1, expectedSeq: 0 },
    });
  });

  it("says where two entries were swapped", async () => {
    const chain = await aChain();
    [chain[1], chain[2]] = [chain[2] as LoggedEvent, chain[1] as LoggedEvent];
    expect(await verifyChain(chain)).toMatchObject({
      ok: false,
      at: { reason: "gap", seq: 2, expectedSeq: 1 },
    });
  });

  it("catches swapped entries even when renumbered and resealed", async () => {
    const original = await aChain();
    const swapped = [
      original[0],
      original[2],
      original[1],
      original[3],
      original[4],
    ] as LoggedEvent[];
    const forged = await Promise.all(swapped.map((e, seq) => sealed({ ...e, seq })));
    expect(await verifyChain(forged)).toEqual({
      ok: false,
      count: 5,
      at: { reason: "prev-hash", seq: 1 },
    });
  });

  it("catches an entry resealed with a forged previous hash", async () => {
    const chain = await aChain();
    const forged = await sealed({ ...(chain[3] as LoggedEvent), prevHash: "a".repeat(64) });
    chain[3] = forged;
    expect(await verifyChain(chain)).toEqual({
      ok: false,
      count: 5,
      at: { reason: "prev-hash", seq: 3 },
    });
  });

  it("catches a chain that starts from something other than genesis", async () => {
    const chain = await aChain();
    chain[0] = await sealed({ ...(chain[0] as LoggedEvent), prevHash: "1".repeat(64) });
    expect(await verifyChain(chain)).toMatchObject({
      ok: false,
      at: { reason: "prev-hash", seq: 0 },
    });
  });

  it("catches an edit that was resealed, at the entry after it", async () => {
    const chain = await aChain();
    chain[1] = await sealed({ ...(chain[1] as LoggedEvent), text: "Lugna dig." } as LoggedEvent);
    expect(await verifyChain(chain)).toMatchObject({
      ok: false,
      at: { reason: "prev-hash", seq: 2 },
    });
  });

  it("catches an entry slipped in from another session", async () => {
    const mine = await aChain(undefined, "session-a");
    const theirs = await aChain(undefined, "session-b");
    const mixed = [...mine.slice(0, 3), theirs[3] as LoggedEvent, mine[4] as LoggedEvent];
    expect(await verifyChain(mixed)).toEqual({
      ok: false,
      count: 5,
      at: { reason: "session", seq: 3 },
    });
  });

  it("catches an entry moved to another session even when resealed", async () => {
    const chain = await aChain();
    chain[2] = await sealed({ ...(chain[2] as LoggedEvent), sessionId: "session-x" });
    expect(await verifyChain(chain)).toMatchObject({
      ok: false,
      at: { reason: "session", seq: 2 },
    });
  });

  it("reports only the first break", async () => {
    let chain = withEntry(await aChain(), 1, (e) => ({ ...e, at: 0 }));
    chain = withEntry(chain, 3, (e) => ({ ...e, at: 0 }));
    expect(await verifyChain(chain)).toMatchObject({ ok: false, at: { reason: "hash", seq: 1 } });
  });

  it("accepts a chain with a single session-started entry", async () => {
    const chain = await aChain([anEvent("session-started")]);
    expect(await verifyChain(chain)).toEqual({ ok: true, count: 1, headHash: chain[0]?.hash });
  });
});
