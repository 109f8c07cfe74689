import type { ActionReport } from "../messages";
import type { PlatformAdapter } from "./adapter";

/**
 * The opaque layer over the client's video during the two-minute wait.
 *
 * Each covered video gets its own layer, inserted right after it in the page, so the page's
 * own stacking order stays: whatever the platform draws above the client's video (the
 * coach's self-view picture-in-picture, the toolbar) stays above the layer too. The layer is
 * moved onto the video again four times a second, and videos that appear during the wait
 * (the client turning the camera back on, the platform swapping elements) are covered as
 * they come. It is `pointer-events: auto`, so it is what a click or `elementFromPoint` finds.
 */
export const COVER_ATTRIBUTE = "data-tresteg-cover";
const KEEP_MS = 250;

interface CoverSession {
  adapter: PlatformAdapter;
  label: string;
  layers: Map<HTMLElement, HTMLElement>;
  timer: ReturnType<typeof setInterval> | undefined;
}

const sessions = new WeakMap<Document, CoverSession>();

function important(layer: HTMLElement, styles: Record<string, string>) {
  for (const [name, value] of Object.entries(styles)) {
    layer.style.setProperty(name, value, "important");
  }
}

function createLayer(doc: Document, video: HTMLElement, label: string): HTMLElement {
  // A tag of its own: page stylesheets that style every div do not reach it.
  const layer = doc.createElement("tresteg-cover");
  layer.setAttribute(COVER_ATTRIBUTE, "");
  layer.setAttribute("role", "img");
  layer.setAttribute("aria-label", label);
  layer.textContent = label;
  const zIndex = doc.defaultView?.getComputedStyle(video).zIndex;
  important(layer, {
    position: "absolute",
    display: "flex",
    "align-items": "center",
    "justify-content": "center",
    "box-sizing": "border-box",
    margin: "0",
    padding: "12px",
    left: "0px",
    top: "0px",
    width: "0px",
    height: "0px",
    // Same level as the video, later in the page: above it, below what the page puts above it.
    "z-index": zIndex && /^-?\d+$/.test(zIndex) ? zIndex : "auto",
    background: "#1f2430",
    opacity: "1",
    visibility: "visible",
    color: "#ffffff",
    font: "600 18px/1.35 system-ui, sans-serif",
    "text-align": "center",
    "pointer-events": "auto",
    overflow: "hidden",
    transform: "none",
    filter: "none",
  });
  video.insertAdjacentElement("afterend", layer);
  return layer;
}

/** Moves and sizes the layer onto the video, whatever its containing block is. */
function place(layer: HTMLElement, video: HTMLElement) {
  const target = video.getBoundingClientRect();
  const now = layer.getBoundingClientRect();
  const left = parseFloat(layer.style.left) || 0;
  const top = parseFloat(layer.style.top) || 0;
  important(layer, {
    left: `${left + target.left - now.left}px`,
    top: `${top + target.top - now.top}px`,
    width: `${target.width}px`,
    height: `${target.height}px`,
  });
}

function refresh(doc: Document, session: CoverSession) {
  const { surfaces } = session.adapter.remoteVideos(doc);
  for (const video of surfaces) {
    if (!session.layers.has(video))
      session.layers.set(video, createLayer(doc, video, session.label));
  }
  for (const [video, layer] of session.layers) {
    if (!video.isConnected) {
      layer.remove();
      session.layers.delete(video);
      continue;
    }
    // The platform may have re-rendered the tile and dropped the layer.
    if (!layer.isConnected || layer.previousElementSibling !== video) {
      video.insertAdjacentElement("afterend", layer);
    }
    place(layer, video);
  }
}

export function isCovered(doc: Document): boolean {
  return sessions.has(doc);
}

export function coverRemoteVideos(
  doc: Document,
  adapter: PlatformAdapter,
  label: string,
): ActionReport {
  const running = sessions.get(doc);
  if (running) {
    refresh(doc, running);
    return { result: "already" };
  }
  // Layers an earlier copy of this script left (before an extension update) are replaced.
  doc.querySelectorAll(`[${COVER_ATTRIBUTE}]`).forEach((layer) => layer.remove());
  const { surfaces, unsure } = adapter.remoteVideos(doc);
  if (surfaces.length === 0) return { result: "failed", code: { reason: "no-remote-video" } };
  const session: CoverSession = { adapter, label, layers: new Map(), timer: undefined };
  sessions.set(doc, session);
  refresh(doc, session);
  session.timer = setInterval(() => {
    try {
      refresh(doc, session);
    } catch {
      // The next tick tries again; the layers already placed stay.
    }
  }, KEEP_MS);
  return unsure ? { result: "done", code: { reason: "covered-all" } } : { result: "done" };
}

/**
 * Stops following the videos but leaves the layers where they are: for a content script that
 * is being replaced (extension update), so the client stays covered until the new one uncovers.
 */
export function stopFollowing(doc: Document): void {
  const session = sessions.get(doc);
  if (!session) return;
  clearInterval(session.timer);
  sessions.delete(doc);
}

export function uncoverRemoteVideos(doc: Document): ActionReport {
  const session = sessions.get(doc);
  if (session) {
    clearInterval(session.timer);
    sessions.delete(doc);
    for (const layer of session.layers.values()) layer.remove();
  }
  // Layers left by an earlier copy of this script (an extension update) go too.
  const strays = doc.querySelectorAll(`[${COVER_ATTRIBUTE}]`);
  strays.forEach((layer) => layer.remove());
  return session || strays.length > 0 ? { result: "done" } : { result: "already" };
}
