import type { MessageKey } from "../i18n/text";
import { sha256Hex } from "../log/chain";
import type { TrestegDb } from "../log/db";
import { addEvidence, captionEvidence, dropEvidenceImage, evidenceRecord } from "../log/records";
import type { LoggedEvent } from "../log/events";
import type { ActionCode } from "../log/report-code";
import { type IncidentLog, type LogFailure, openSession } from "../log/incident-log";
import type { PhrasePack } from "../routine/pack";
import { detectPlatform } from "../platforms/detect";
import type { EvidenceRecord } from "./types";

/** Why a screenshot was not taken, as a value the panel can explain. */
export type CaptureFailure =
  | { kind: "no-meeting-tab" }
  | { kind: "tab-not-visible" }
  | { kind: "permission-missing" }
  | { kind: "capture-failed"; message: string }
  /** The client's picture was covered and could not be read from the page (see the code). */
  | { kind: "under-cover"; code: ActionCode }
  | { kind: "log"; failure: LogFailure };

/**
 * What the meeting page gives while Tresteg covers the client: nothing covered (capture the
 * visible tab), the client's picture from the page's own videos, or why there is none.
 */
export type CoveredPicture =
  { covered: false } | { covered: true; png: Blob } | { covered: true; code: ActionCode };

export type CaptureResult =
  | { ok: true; evidence: EvidenceRecord; entry: LoggedEvent; startedSession: boolean }
  | { ok: false; failure: CaptureFailure };

export interface CapturedTab {
  id?: number;
  windowId?: number;
  active?: boolean;
  url?: string;
  title?: string;
}

/** The browser behind capture, small enough that tests pass fakes. */
export interface CaptureDeps {
  getTab(tabId: number): Promise<CapturedTab | undefined>;
  isWindowMinimized(windowId: number): Promise<boolean>;
  /** tabs.captureVisibleTab(windowId, { format: "png" }) as a Blob. */
  captureVisibleTab(windowId: number): Promise<Blob>;
  /** Asks the meeting page for the client's picture under the cover (lib/platforms). */
  coveredPicture(tabId: number): Promise<CoveredPicture>;
  decode(png: Blob): Promise<{ width: number; height: number; thumbnail: Blob }>;
  now(): number;
  newId(): string;
}

/** What the coach reads when the covered client's picture could not be taken. */
export function underCoverKey(code: ActionCode): MessageKey {
  switch (code.reason) {
    case "video-tainted":
    case "no-remote-video":
      return `capture.under-cover.${code.reason}`;
    default:
      return "capture.under-cover.page-error";
  }
}

// Chrome's words when neither <all_urls> nor an activeTab grant covers the tab.
const PERMISSION_ERROR = /permission|activeTab|all_urls/i;

function originOf(url: string | undefined): string {
  try {
    return url ? new URL(url).origin : "";
  } catch {
    return "";
  }
}

export function createEvidenceService(
  // The panel's is still opening when it first draws; each use waits for it.
  database: TrestegDb | Promise<TrestegDb>,
  log: IncidentLog,
  deps: CaptureDeps,
) {
  /** The meeting tab as it is on screen; captureVisibleTab takes whatever tab is visible. */
  async function visibleTab(
    windowId: number,
    active: boolean,
  ): Promise<{ ok: true; png: Blob } | { ok: false; failure: CaptureFailure }> {
    if (!active || (await deps.isWindowMinimized(windowId))) {
      return { ok: false, failure: { kind: "tab-not-visible" } };
    }
    try {
      return { ok: true, png: await deps.captureVisibleTab(windowId) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        failure: PERMISSION_ERROR.test(message)
          ? { kind: "permission-missing" }
          : { kind: "capture-failed", message },
      };
    }
  }

  /**
   * Captures the meeting tab as it is on screen (under the cover: the client's picture from
   * the page), stores the PNG with its hash and thumbnail, and logs it in the same
   * transaction. With no incident open, it starts one, so a screenshot taken in a hurry is
   * never lost.
   */
  async function capture(tabId: number | null, pack: PhrasePack): Promise<CaptureResult> {
    if (tabId === null) return { ok: false, failure: { kind: "no-meeting-tab" } };
    // A tab that no longer exists is "no meeting tab" to the coach.
    const tab = await deps.getTab(tabId).catch(() => undefined);
    if (!tab || tab.windowId === undefined) {
      return { ok: false, failure: { kind: "no-meeting-tab" } };
    }
    // During the wait the visible tab shows Tresteg's cover, which is no evidence: the
    // picture then comes from the page's own videos, or there is none.
    const cover = await deps
      .coveredPicture(tabId)
      .catch((): CoveredPicture => ({ covered: false }));
    let png: Blob;
    if (cover.covered) {
      if ("code" in cover) return { ok: false, failure: { kind: "under-cover", code: cover.code } };
      png = cover.png;
    } else {
      const shot = await visibleTab(tab.windowId, tab.active === true);
      if (!shot.ok) return shot;
      png = shot.png;
    }
    const underCover = cover.covered;
    const at = deps.now();
    const [sha256, decoded] = await Promise.all([
      png.arrayBuffer().then((bytes) => sha256Hex(bytes)),
      deps.decode(png),
    ]);
    const origin = originOf(tab.url);
    const title = tab.title ?? "";

    const db = await database;
    let session = await openSession(db);
    let startedSession = false;
    if (!session) {
      const started = await log.startSession({
        kinds: [],
        trigger: "evidence",
        origin,
        title,
        platform: detectPlatform(tab.url),
        tabId,
        packId: pack.id,
        packVersion: pack.source.version,
      });
      if (!started.ok) {
        if (started.failure.kind !== "already-open") {
          return { ok: false, failure: { kind: "log", failure: started.failure } };
        }
        session = started.failure.session;
      } else {
        session = started.value;
        startedSession = true;
      }
    }
    const evidence: EvidenceRecord = {
      id: deps.newId(),
      sessionId: session.id,
      at,
      png,
      sha256,
      width: decoded.width,
      height: decoded.height,
      thumbnail: decoded.thumbnail,
      origin,
      title,
      caption: "",
      deletedAt: null,
      ...(underCover ? { underCover: true } : {}),
    };
    const logged = await log.append(
      session.id,
      {
        type: "screenshot-taken",
        evidenceId: evidence.id,
        sha256,
        width: evidence.width,
        height: evidence.height,
        origin,
        title,
        ...(underCover ? { underCover: true } : {}),
      },
      { alsoWrite: () => addEvidence(db, evidence) },
    );
    if (!logged.ok) return { ok: false, failure: { kind: "log", failure: logged.failure } };
    return { ok: true, evidence, entry: logged.value, startedSession };
  }

  /** The coach's one line beside the image; the image itself is never touched. */
  async function setCaption(evidenceId: string, caption: string): Promise<void> {
    await captionEvidence(await database, evidenceId, caption.slice(0, 500));
  }

  /**
   * Deletes a screenshot taken by mistake: the image goes, the deletion is logged, and the
   * hash stays in the log (both entries), so the record shows something was removed.
   */
  async function remove(evidenceId: string) {
    const db = await database;
    const record = await evidenceRecord(db, evidenceId);
    if (!record || record.deletedAt !== null) return null;
    return log.append(
      record.sessionId,
      { type: "screenshot-deleted", evidenceId, sha256: record.sha256 },
      {
        alsoWrite: (entry) => dropEvidenceImage(db, evidenceId, entry.at),
      },
    );
  }

  return { capture, setCaption, remove };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
