import type { CoveredPictureReport } from "../messages";
import type { PlatformAdapter } from "./adapter";
import { isCovered } from "./cover";

/** One picture to draw: a video's current frame or a canvas, at its own size. */
export interface Frame {
  source: CanvasImageSource;
  width: number;
  height: number;
}

/** Where each frame goes on the picture: side by side, top-aligned, none scaled. */
export function sideBySide(sizes: readonly { width: number; height: number }[]): {
  width: number;
  height: number;
  at: { x: number; y: number }[];
} {
  let x = 0;
  const at = sizes.map((size) => {
    const here = { x, y: 0 };
    x += size.width;
    return here;
  });
  return { width: x, height: Math.max(0, ...sizes.map((size) => size.height)), at };
}

// HTMLMediaElement.HAVE_CURRENT_DATA: a frame is there to draw.
const HAVE_CURRENT_DATA = 2;

/** The frame a surface shows now, or null when it has none yet. */
export function frameOf(surface: HTMLElement): Frame | null {
  if (surface instanceof surface.ownerDocument.defaultView!.HTMLVideoElement) {
    const video = surface as HTMLVideoElement;
    if (video.readyState < HAVE_CURRENT_DATA || !video.videoWidth || !video.videoHeight) {
      return null;
    }
    return { source: video, width: video.videoWidth, height: video.videoHeight };
  }
  if (surface instanceof surface.ownerDocument.defaultView!.HTMLCanvasElement) {
    const canvas = surface as HTMLCanvasElement;
    return canvas.width && canvas.height
      ? { source: canvas, width: canvas.width, height: canvas.height }
      : null;
  }
  return null;
}

/**
 * Draws the frames on a canvas of the page's and returns it as a PNG data URL. Throws the
 * browser's SecurityError when a frame comes from another site without CORS: such a canvas
 * is "tainted" and cannot be read (HTML, "security with canvas elements").
 */
export function drawFrames(doc: Document, frames: readonly Frame[]): string {
  const layout = sideBySide(frames);
  const canvas = doc.createElement("canvas");
  canvas.width = layout.width;
  canvas.height = layout.height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("No 2D canvas on the meeting page");
  frames.forEach((frame, i) => {
    const { x, y } = layout.at[i]!;
    context.drawImage(frame.source, x, y, frame.width, frame.height);
  });
  return canvas.toDataURL("image/png");
}

const isSecurityError = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  (error as { name?: unknown }).name === "SecurityError";

/**
 * The client's picture while Tresteg covers it: the remote videos' own frames, never the
 * cover, and nothing shown to the coach. With no cover on the page, the screenshot is the
 * visible tab as usual.
 */
export function coveredPicture(
  doc: Document,
  adapter: PlatformAdapter,
  draw: (doc: Document, frames: readonly Frame[]) => string = drawFrames,
): CoveredPictureReport {
  if (!isCovered(doc)) return { covered: false };
  const frames = adapter
    .remoteVideos(doc)
    .surfaces.map(frameOf)
    .filter((frame): frame is Frame => frame !== null);
  if (frames.length === 0) return { covered: true, failed: { reason: "no-remote-video" } };
  try {
    return { covered: true, png: draw(doc, frames) };
  } catch (error) {
    return {
      covered: true,
      failed: isSecurityError(error) ? { reason: "video-tainted" } : { reason: "page-error" },
    };
  }
}
