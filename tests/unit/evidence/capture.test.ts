import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createEvidenceService } from "@/lib/evidence/capture";
import { dataUrlToBlob, thumbnailSize } from "@/lib/evidence/thumbnail";
import { sha256Hex, verifyChain } from "@/lib/log/chain";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog, openSession, sessionEvents } from "@/lib/log/incident-log";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { aSessionStart } from "../builders";
import { FAKE_PNG_BYTES, fakeCaptureDeps } from "./fake-capture";

describe("thumbnail sizing", () => {
  it.each([
    [1920, 1080, 240, 240, 135],
    [1280, 720, 240, 240, 135],
    [720, 1280, 240, 135, 240],
    [200, 100, 240, 200, 100],
    [1, 5000, 240, 1, 240],
    [0, 100, 240, 0, 0],
  ])("%i×%i within %i is %i×%i", (w, h, max, ew, eh) => {
    expect(thumbnailSize(w, h, max)).toEqual({ width: ew, height: eh });
  });
});

describe("decoding the capture's data URL", () => {
  it("gives back the exact bytes and type", async () => {
    const blob = dataUrlToBlob("data:image/png;base64,iVBORw0KGgo=");
    expect(blob.type).toBe("image/png");
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);
  });

  it("refuses anything that is not a base64 data URL", () => {
    expect(() => dataUrlToBlob("https://example.org/x.png")).toThrow(/base64 data URL/);
  });
});

describe("one-click evidence", () => {
  let db: TrestegDb;
  beforeEach(() => {
    db = new TrestegDb(`evidence-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  const service = (deps = fakeCaptureDeps()) => {
    const log = createIncidentLog(db);
    return { log, evidence: createEvidenceService(db, log, deps) };
  };

  it("stores the PNG untouched with its SHA-256, and the log entry carries the same hash", async () => {
    const { log, evidence } = service();
    const started = await log.startSession(aSessionStart());
    if (!started.ok) throw new Error("no session");
    const result = await evidence.capture(7, BUILTIN_PACK);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const expected = await sha256Hex(FAKE_PNG_BYTES);
    const stored = await db.evidence.get(result.evidence.id);
    expect(stored).toMatchObject({
      sessionId: started.value.id,
      sha256: expected,
      width: 1280,
      height: 720,
      origin: "https://meet.jit.si",
      title: "Coachning – Klient A",
      caption: "",
      deletedAt: null,
    });
    expect(new Uint8Array(await (stored?.png as Blob).arrayBuffer())).toEqual(FAKE_PNG_BYTES);
    const events = await sessionEvents(db, started.value.id);
    expect(events.at(-1)).toMatchObject({
      type: "screenshot-taken",
      evidenceId: result.evidence.id,
      sha256: expected,
    });
    expect((await verifyChain(events)).ok).toBe(true);
  });

  it("starts an incident when none is open, so the screenshot is not lost", async () => {
    const { evidence } = service();
    const result = await evidence.capture(7, BUILTIN_PACK);
    expect(result).toMatchObject({ ok: true, startedSession: true });
    const session = await openSession(db);
    expect(session).toMatchObject({ kinds: [], origin: "https://meet.jit.si", status: "open" });
    const types = (await sessionEvents(db, session?.id ?? "")).map((e) => e.type);
    expect(types).toEqual(["session-started", "screenshot-taken"]);
  });

  it.each([
    ["no meeting tab", null, fakeCaptureDeps(), "no-meeting-tab"],
    [
      "the tab is gone",
      7,
      fakeCaptureDeps({
        getTab: async () => {
          throw new Error("No tab with id: 7");
        },
      }),
      "no-meeting-tab",
    ],
    ["another tab is in front", 7, fakeCaptureDeps({}, { active: false }), "tab-not-visible"],
    [
      "the window is minimised",
      7,
      fakeCaptureDeps({ isWindowMinimized: async () => true }),
      "tab-not-visible",
    ],
    [
      "the permission is missing",
      7,
      fakeCaptureDeps({
        captureVisibleTab: async () => {
          throw new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
        },
      }),
      "permission-missing",
    ],
    [
      "the browser refuses for another reason",
      7,
      fakeCaptureDeps({
        captureVisibleTab: async () => {
          throw new Error("Tabs cannot be edited right now");
        },
      }),
      "capture-failed",
    ],
  ] as const)("says so when %s, and stores nothing", async (_what, tabId, deps, kind) => {
    const { evidence } = service(deps);
    const result = await evidence.capture(tabId, BUILTIN_PACK);
    expect(result).toMatchObject({ ok: false, failure: { kind } });
    expect(await db.evidence.count()).toBe(0);
    expect(await db.sessions.count()).toBe(0);
  });

  it("reports a full disk and keeps what was logged before", async () => {
    const { log, evidence } = service();
    const started = await log.startSession(aSessionStart());
    if (!started.ok) throw new Error("no session");
    await evidence.capture(7, BUILTIN_PACK);
    const full = Object.assign(new Error("The quota has been exceeded."), {
      name: "QuotaExceededError",
    });
    const spy = vi.spyOn(db.evidence, "add").mockRejectedValueOnce(full);
    const result = await evidence.capture(7, BUILTIN_PACK);
    spy.mockRestore();
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: "log", failure: { kind: "storage", name: "QuotaExceededError" } },
    });
    // The failed capture left neither an image nor a log entry; the first one is intact.
    expect(await db.evidence.count()).toBe(1);
    const events = await sessionEvents(db, started.value.id);
    expect(events.map((e) => e.type)).toEqual(["session-started", "screenshot-taken"]);
    expect((await verifyChain(events)).ok).toBe(true);
  });

  it("keeps a caption beside the image without touching the image", async () => {
    const { evidence } = service();
    const result = await evidence.capture(7, BUILTIN_PACK);
    if (!result.ok) throw new Error("capture failed");
    await evidence.setCaption(result.evidence.id, "Klienten visar ett knivblad");
    const stored = await db.evidence.get(result.evidence.id);
    expect(stored?.caption).toBe("Klienten visar ett knivblad");
    expect(stored?.sha256).toBe(result.evidence.sha256);
    expect(new Uint8Array(await (stored?.png as Blob).arrayBuffer())).toEqual(FAKE_PNG_BYTES);
  });

  it("deletes a mistaken screenshot's image, logs the deletion and keeps the hash", async () => {
    const { evidence } = service();
    const result = await evidence.capture(7, BUILTIN_PACK);
    if (!result.ok) throw new Error("capture failed");
    const deleted = await evidence.remove(result.evidence.id);
    expect(deleted?.ok).toBe(true);
    const stored = await db.evidence.get(result.evidence.id);
    expect(stored?.deletedAt).toBeGreaterThan(0);
    expect(stored?.png.size).toBe(0);
    expect(stored?.sha256).toBe(result.evidence.sha256);
    const events = await sessionEvents(db, result.evidence.sessionId);
    expect(events.at(-1)).toMatchObject({
      type: "screenshot-deleted",
      evidenceId: result.evidence.id,
      sha256: result.evidence.sha256,
    });
    // Deleting again does nothing more.
    expect(await evidence.remove(result.evidence.id)).toBeNull();
  });

  describe("during the wait, with the client covered", () => {
    const CLIENT_PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);

    it("stores the client's picture from the page, not the visible tab, and logs it as taken under cover", async () => {
      let visibleTabTaken = false;
      const { log, evidence } = service(
        fakeCaptureDeps({
          coveredPicture: async () => ({
            covered: true,
            png: new Blob([CLIENT_PNG], { type: "image/png" }),
          }),
          captureVisibleTab: async () => {
            visibleTabTaken = true;
            return new Blob([FAKE_PNG_BYTES], { type: "image/png" });
          },
        }),
      );
      const started = await log.startSession(aSessionStart());
      if (!started.ok) throw new Error("no session");
      const result = await evidence.capture(7, BUILTIN_PACK);
      if (!result.ok) throw new Error(`capture failed: ${JSON.stringify(result.failure)}`);
      expect(visibleTabTaken).toBe(false);
      const stored = await db.evidence.get(result.evidence.id);
      expect(new Uint8Array(await (stored?.png as Blob).arrayBuffer())).toEqual(CLIENT_PNG);
      expect(stored).toMatchObject({ sha256: await sha256Hex(CLIENT_PNG), underCover: true });
      const events = await sessionEvents(db, started.value.id);
      expect(events.at(-1)).toMatchObject({
        type: "screenshot-taken",
        evidenceId: result.evidence.id,
        sha256: await sha256Hex(CLIENT_PNG),
        underCover: true,
      });
      expect((await verifyChain(events)).ok).toBe(true);
    });

    it("takes the picture even when the meeting tab is not the visible one", async () => {
      const { evidence } = service(
        fakeCaptureDeps(
          {
            coveredPicture: async () => ({
              covered: true,
              png: new Blob([CLIENT_PNG], { type: "image/png" }),
            }),
          },
          { active: false },
        ),
      );
      expect((await evidence.capture(7, BUILTIN_PACK)).ok).toBe(true);
    });

    it.each([["video-tainted"], ["no-remote-video"]] as const)(
      "stores nothing when the page cannot give the picture (%s), rather than the cover",
      async (reason) => {
        let visibleTabTaken = false;
        const { evidence } = service(
          fakeCaptureDeps({
            coveredPicture: async () => ({ covered: true, code: { reason } }),
            captureVisibleTab: async () => {
              visibleTabTaken = true;
              return new Blob([FAKE_PNG_BYTES], { type: "image/png" });
            },
          }),
        );
        expect(await evidence.capture(7, BUILTIN_PACK)).toEqual({
          ok: false,
          failure: { kind: "under-cover", code: { reason } },
        });
        expect(visibleTabTaken).toBe(false);
        expect(await db.evidence.count()).toBe(0);
        expect(await db.sessions.count()).toBe(0);
      },
    );

    it("captures the visible tab as before when the page has no cover or cannot be asked", async () => {
      const { evidence } = service(
        fakeCaptureDeps({
          coveredPicture: async () => {
            throw new Error("Could not establish connection. Receiving end does not exist.");
          },
        }),
      );
      const result = await evidence.capture(7, BUILTIN_PACK);
      if (!result.ok) throw new Error("capture failed");
      expect(result.evidence.underCover).toBeUndefined();
      expect(result.entry).not.toHaveProperty("underCover");
    });
  });
});
