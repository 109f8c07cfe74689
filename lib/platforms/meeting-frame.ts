import type { PlatformAdapter } from "./adapter";
import { detectPlatform } from "./detect";
import { adapterFor } from "./index";
import { probe } from "./page-actions";

/**
 * Which frame of a tab holds the meeting. The meeting script runs in every frame of the
 * platforms' pages: Zoom's web client runs the meeting in a same-origin `iframe#webclient`
 * of a shell page (screenappai/meeting-bot src/bots/ZoomBot.ts), and an organisation's
 * portal embeds a Jitsi or Whereby room in an iframe (whereby/sdk's <whereby-embed>). The
 * panel's request reaches every frame (chrome.tabs.sendMessage without a frameId), so only
 * the frame that holds the meeting may answer, else two frames would both toggle one mic.
 */

/** The page shows a meeting Tresteg can act on: one of its controls, or a remote picture. */
export function holdsMeeting(doc: Document, adapter: PlatformAdapter): boolean {
  const report = probe(doc, adapter);
  return (
    report.controls.mic ||
    report.controls.camera ||
    report.controls.hangUp ||
    report.remoteVideos > 0
  );
}

function sameOriginChildren(doc: Document): Document[] {
  const children: Document[] = [];
  for (const frame of doc.querySelectorAll("iframe, frame")) {
    try {
      const child = (frame as HTMLIFrameElement).contentDocument;
      if (child) children.push(child);
    } catch {
      // A cross-origin frame's document is not ours to read; its own copy of the script answers.
    }
  }
  return children;
}

/**
 * A frame of another origin whose address is a meeting platform Tresteg knows (a Whereby room
 * in a portal): its own copy of the script answers for the meeting.
 */
function knownPlatformFrame(doc: Document, ownOrigins: readonly string[]): boolean {
  return [...doc.querySelectorAll<HTMLIFrameElement>("iframe[src], frame[src]")].some((frame) => {
    let readable: boolean;
    try {
      readable = frame.contentDocument !== null;
    } catch {
      readable = false;
    }
    if (readable) return false;
    const platform = detectPlatform(frame.src, ownOrigins);
    return platform !== "generic" && platform !== "practice";
  });
}

function childHoldsMeeting(doc: Document, ownOrigins: readonly string[], depth = 0): boolean {
  if (depth > 4) return false;
  if (knownPlatformFrame(doc, ownOrigins)) return true;
  return sameOriginChildren(doc).some((child) => {
    const url = child.defaultView?.location.href ?? child.URL;
    return (
      holdsMeeting(child, adapterFor(url, child, ownOrigins)) ||
      childHoldsMeeting(child, ownOrigins, depth + 1)
    );
  });
}

/** A same-origin frame above this one holds a meeting (then that frame answers). */
function ancestorHoldsMeeting(win: Window, ownOrigins: readonly string[]): boolean {
  for (let current = win; current.parent !== current; current = current.parent) {
    let doc: Document;
    try {
      doc = current.parent.document;
    } catch {
      // Cross-origin above: it cannot be seen, and it has its own copy of the script.
      return false;
    }
    const url = current.parent.location.href;
    if (holdsMeeting(doc, adapterFor(url, doc, ownOrigins))) return true;
  }
  return false;
}

/**
 * Whether this frame answers a request sent to the whole tab. A frame answers when it holds
 * the meeting and no same-origin frame above it does (the uppermost meeting answers, so one
 * click never reaches two copies of a toggle). The top frame also answers when it holds no
 * meeting and no frame below it that it can see does: then its answer says what is missing,
 * rather than no answer at all. It stays silent when a same-origin frame below it holds the
 * meeting, which answers instead.
 */
export function answersForTab(
  win: Window,
  adapter: PlatformAdapter,
  ownOrigins: readonly string[] = [],
): boolean {
  const doc = win.document;
  let isTop: boolean;
  try {
    isTop = win.top === win;
  } catch {
    isTop = false;
  }
  if (holdsMeeting(doc, adapter)) return isTop || !ancestorHoldsMeeting(win, ownOrigins);
  if (!isTop) return false;
  return !childHoldsMeeting(doc, ownOrigins);
}
