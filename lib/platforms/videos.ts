import type { RemoteVideos } from "./adapter";
import { isRendered, queryAll } from "./dom";

/**
 * Which videos on a meeting page show the other participants, and which the coach's own
 * self-view. Platforms tell what they know (`VideoHints`); the rest is the generic heuristic.
 *
 * A video counts as the coach's own when any of these holds:
 * 1. it is mirrored: it or one of its three nearest ancestors flips the x axis (scaleX(-1),
 *    rotateY(180deg), a matrix with a negative x scale). Meet, Teams, Jitsi and Whereby mirror
 *    the self-view by default so that it looks like a mirror; nobody mirrors the other side;
 * 2. its id or class, or that of one of its four nearest ancestors, says local/self/preview
 *    (Jitsi's `localVideo_container`, Whereby's `jstest-local-client-video`, and the
 *    `localVideo` of countless WebRTC pages);
 * 3. it plays a camera of this computer: its stream's video track reports the `groupId` of a
 *    physical device. Tracks received from other participants over WebRTC, and tracks drawn
 *    from a canvas, have none (Chromium gives canvas tracks a `deviceId`, so that is no sign).
 * When no video shows any of this, Tresteg cannot tell them apart and covers them all.
 */
export interface VideoHints {
  /** Where the pictures are; default every rendered <video> and picture-sized canvas. */
  surfaces?(doc: Document): HTMLElement[];
  /** The platform's own mark of the coach's self-view. */
  isSelf?(surface: HTMLElement): boolean;
  /** The platform's own mark of another participant's video. */
  isRemote?(surface: HTMLElement): boolean;
}

const SELF_NAME = /(^|[^a-z])(local|self|preview)|localvideo|selfview/i;

/** Every rendered <video>: the pictures on pages that draw no participant on canvas. */
export function allVideos(doc: Document): HTMLElement[] {
  return queryAll(doc, ["video"]).filter(isRendered);
}

/** A canvas smaller than this draws an icon or a level meter, not a participant. */
const PICTURE_CANVAS = { width: 64, height: 48 };

/**
 * Every rendered <video> and every canvas big enough to be a picture: some platforms draw
 * participants on canvas (Zoom's web client, background effects), and a page Tresteg does not
 * know may too. Sizes are the canvas's own (its drawing buffer), which jsdom has as well.
 */
function allPictures(doc: Document): HTMLElement[] {
  const canvases = queryAll(doc, ["canvas"]).filter(
    (canvas) =>
      (canvas as HTMLCanvasElement).width >= PICTURE_CANVAS.width &&
      (canvas as HTMLCanvasElement).height >= PICTURE_CANVAS.height &&
      !canvas.closest("[data-tresteg-cover]") &&
      isRendered(canvas),
  );
  return [...allVideos(doc), ...canvases];
}

function ancestors(element: HTMLElement, depth: number): HTMLElement[] {
  const chain: HTMLElement[] = [];
  for (let node: HTMLElement | null = element; node && chain.length <= depth;) {
    chain.push(node);
    node = node.parentElement;
  }
  return chain;
}

/** True when a computed or declared transform flips the x axis but not the y axis. */
export function flipsHorizontally(transform: string): boolean {
  const value = transform.replace(/\s+/g, "");
  const matrix = /^matrix\(([^)]*)\)/.exec(value);
  if (matrix?.[1]) {
    const [a = 1, , , d = 1] = matrix[1].split(",").map(Number);
    return a < 0 && d > 0;
  }
  const matrix3d = /^matrix3d\(([^)]*)\)/.exec(value);
  if (matrix3d?.[1]) {
    const parts = matrix3d[1].split(",").map(Number);
    return (parts[0] ?? 1) < 0 && (parts[5] ?? 1) > 0;
  }
  return /scaleX\(-|scale\(-[\d.]+(,[\d.]+)?\)|rotateY\(180deg\)/i.test(value);
}

function isMirrored(surface: HTMLElement): boolean {
  const view = surface.ownerDocument.defaultView;
  return ancestors(surface, 3).some((node) => {
    const transform = view?.getComputedStyle(node).transform || node.style.transform;
    return transform ? flipsHorizontally(transform) : false;
  });
}

function isNamedSelf(surface: HTMLElement): boolean {
  return ancestors(surface, 4).some((node) => {
    const className = typeof node.className === "string" ? node.className : "";
    return SELF_NAME.test(node.id) || className.split(/\s+/).some((name) => SELF_NAME.test(name));
  });
}

function playsLocalCamera(surface: HTMLElement): boolean {
  if (surface.tagName !== "VIDEO") return false;
  try {
    const stream = (surface as HTMLVideoElement).srcObject;
    if (!stream || typeof (stream as MediaStream).getVideoTracks !== "function") return false;
    return (stream as MediaStream)
      .getVideoTracks()
      .some((track) => Boolean(track.getSettings?.().groupId));
  } catch {
    return false;
  }
}

/** The generic evidence that a video is the coach's own (see the module comment). */
export function looksLikeSelfView(surface: HTMLElement): boolean {
  return isMirrored(surface) || isNamedSelf(surface) || playsLocalCamera(surface);
}

export function findRemoteVideos(doc: Document, hints: VideoHints = {}): RemoteVideos {
  const surfaces = (hints.surfaces ?? allPictures)(doc);
  const knownRemote = (surface: HTMLElement) => hints.isRemote?.(surface) ?? false;
  const isSelf = (surface: HTMLElement) =>
    (hints.isSelf?.(surface) ?? false) || (!knownRemote(surface) && looksLikeSelfView(surface));
  const self = surfaces.filter(isSelf);
  const remote = surfaces.filter((surface) => !self.includes(surface));
  const unsure = self.length === 0 && remote.some((surface) => !knownRemote(surface));
  return { surfaces: remote, unsure };
}
