import type { ActionReport, CoverPush } from "../messages";
import type { PlatformAdapter } from "./adapter";

/**
 * The opaque layer over the client's picture during the two-minute wait.
 *
 * What is covered: the stages the adapter names (Jitsi's #largeVideoContainer, which holds
 * the large video, the blurred copy of it on canvas#largeVideoBackground and the avatar) and
 * every picture of the client outside them (videos and picture-sized canvases). Each gets its
 * own layer, inserted right after it in the page, so the page's own stacking order stays:
 * whatever the platform draws above the client (the coach's self-view, the toolbar) stays
 * above the layer too.
 *
 * Four times a second the layers are put back where they belong: moved onto their surface,
 * re-inserted when the page removed them, restyled when the page hid them, and pictures that
 * appear (the client's camera coming back, the platform swapping elements) get theirs. The
 * layer is `pointer-events: auto`, so `elementFromPoint` finds it: "covered" is claimed only
 * when, at several points of every covered surface, what is on top is the layer (or something
 * of the page's own that is not the client's picture), never the surface itself.
 *
 * What changes during the wait is told as it happens (`CoverChange`), so the panel and the log
 * do not wait for the next request to learn it: a layer the page removed, moved, hid or
 * restyled and Tresteg put back ("reapplied", also when a lost cover is on top again), a cover
 * the page keeps something of the picture above ("lost"), and the client's picture covered
 * when it appeared after the cover began (the camera turned on: "covered-late"). With nothing
 * to cover at the start the page is still watched, so the picture is covered when it comes.
 */
export const COVER_ATTRIBUTE = "data-tresteg-cover";
const KEEP_MS = 250;
/** The highest z-index there is: used when the page draws part of the picture above a layer. */
const TOP_Z = "2147483647";

/** What changed about the cover on its own, between two requests (see above). */
export type CoverChange = CoverPush["change"];
export type CoverListener = (change: CoverChange) => void;

interface CoverSession {
  adapter: PlatformAdapter;
  label: string;
  layers: Map<HTMLElement, HTMLElement>;
  /** Each layer's parent and style attribute as Tresteg left them: a change is the page's. */
  written: Map<HTMLElement, { parent: Node | null; style: string | null }>;
  timer: ReturnType<typeof setInterval> | undefined;
  /** Set when the page keeps part of the client's picture above the cover. */
  lost: boolean;
  /** No picture of the client was there on the last round: the next one is covered late. */
  awaitingPicture: boolean;
  onChange: CoverListener | undefined;
}

const sessions = new WeakMap<Document, CoverSession>();

function important(layer: HTMLElement, styles: Record<string, string>) {
  for (const [name, value] of Object.entries(styles)) {
    layer.style.setProperty(name, value, "important");
  }
}

/** What makes the layer a layer; applied again on every round, whatever the page changed. */
const LOOK: Record<string, string> = {
  position: "absolute",
  display: "flex",
  "align-items": "center",
  "justify-content": "center",
  "box-sizing": "border-box",
  margin: "0",
  padding: "12px",
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
  "clip-path": "none",
  "mix-blend-mode": "normal",
};

function zIndexOf(doc: Document, surface: HTMLElement): string {
  const zIndex = doc.defaultView?.getComputedStyle(surface).zIndex;
  // Same level as the surface, later in the page: above it, below what the page puts above it.
  return zIndex && /^-?\d+$/.test(zIndex) ? zIndex : "auto";
}

function createLayer(doc: Document, surface: HTMLElement, label: string): HTMLElement {
  // A tag of its own: page stylesheets that style every div do not reach it.
  const layer = doc.createElement("tresteg-cover");
  layer.setAttribute(COVER_ATTRIBUTE, "");
  layer.setAttribute("role", "img");
  layer.setAttribute("aria-label", label);
  layer.textContent = label;
  important(layer, {
    ...LOOK,
    left: "0px",
    top: "0px",
    width: "0px",
    height: "0px",
    "z-index": zIndexOf(doc, surface),
  });
  surface.insertAdjacentElement("afterend", layer);
  return layer;
}

/** Moves and sizes the layer onto the surface, whatever its containing block is. */
function place(layer: HTMLElement, surface: HTMLElement) {
  const target = surface.getBoundingClientRect();
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

/** The stages, and the pictures that are not inside one: what gets a layer. */
function coveredSurfaces(doc: Document, adapter: PlatformAdapter) {
  const { surfaces, stages = [], unsure } = adapter.remoteVideos(doc);
  const shownStages = stages.filter((stage) => stage.isConnected);
  const outside = surfaces.filter((surface) => !shownStages.some((s) => s.contains(surface)));
  return { targets: [...shownStages, ...outside], pictures: surfaces.length, unsure };
}

/** Where each covered surface is checked: its centre and four points near its corners. */
function samplePoints(box: DOMRect): [number, number][] {
  const at = (fx: number, fy: number): [number, number] => [
    box.left + box.width * fx,
    box.top + box.height * fy,
  ];
  return [at(0.5, 0.5), at(0.15, 0.15), at(0.85, 0.15), at(0.15, 0.85), at(0.85, 0.85)];
}

/**
 * True when nothing of the surface shows at any sample point: on top is a layer of Tresteg's,
 * or something of the page's own outside the surface (the coach's self-view, the toolbar).
 * Null when the browser cannot say (no layout: jsdom) or the surface has no area on screen.
 */
function surfaceHidden(doc: Document, surface: HTMLElement): boolean | null {
  if (typeof doc.elementFromPoint !== "function") return null;
  const box = surface.getBoundingClientRect();
  const view = doc.defaultView;
  if (!view || box.width < 1 || box.height < 1) return null;
  let checked = false;
  for (const [x, y] of samplePoints(box)) {
    if (x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) continue;
    checked = true;
    const top = doc.elementFromPoint(x, y);
    if (!top || top.closest(`[${COVER_ATTRIBUTE}]`)) continue;
    if (top === surface || surface.contains(top)) return false;
  }
  return checked ? true : null;
}

/**
 * Puts every layer back where it belongs. Says whether the page had removed, moved, hidden or
 * restyled one of them (a layer following its surface as the layout changes is not that), and
 * how many pictures of the client there are.
 */
function refresh(doc: Document, session: CoverSession): { tampered: boolean; pictures: number } {
  const { targets, pictures } = coveredSurfaces(doc, session.adapter);
  let tampered = false;
  for (const surface of targets) {
    if (!session.layers.has(surface))
      session.layers.set(surface, createLayer(doc, surface, session.label));
  }
  for (const [surface, layer] of session.layers) {
    if (!surface.isConnected) {
      layer.remove();
      session.layers.delete(surface);
      session.written.delete(layer);
      continue;
    }
    const written = session.written.get(layer);
    if (
      written &&
      (!layer.isConnected ||
        layer.parentNode !== written.parent ||
        layer.getAttribute("style") !== written.style ||
        layer.hidden ||
        layer.textContent !== session.label)
    ) {
      tampered = true;
    }
    // The platform may have re-rendered the tile and dropped or moved the layer.
    if (!layer.isConnected || layer.previousElementSibling !== surface) {
      surface.insertAdjacentElement("afterend", layer);
    }
    // ... or hidden it, by attribute or by style.
    if (layer.hidden) layer.hidden = false;
    if (layer.textContent !== session.label) layer.textContent = session.label;
    important(layer, LOOK);
    place(layer, surface);
  }
  return { tampered, pictures };
}

/** Notes each layer as Tresteg left it, to tell the page's changes from its own next round. */
function remember(session: CoverSession) {
  for (const layer of session.layers.values()) {
    session.written.set(layer, { parent: layer.parentNode, style: layer.getAttribute("style") });
  }
}

/**
 * One round of keeping the cover: put back, checked on top, and what changed told. Only what
 * was checked is told: "covered-late" and "reapplied" only when every layer is on top after it.
 */
function keep(doc: Document, session: CoverSession) {
  const { tampered, pictures } = refresh(doc, session);
  const onTop = keptOnTop(doc, session);
  remember(session);
  let change: CoverChange | null = null;
  if (!onTop) {
    if (!session.lost) change = "lost";
    session.lost = true;
  } else if (session.lost) {
    session.lost = false;
    change = "reapplied";
  } else if (pictures > 0 && session.awaitingPicture) {
    change = "covered-late";
  } else if (tampered) {
    change = "reapplied";
  }
  // While lost, a picture that appears is told once the cover is on top again, as "reapplied".
  if (onTop || pictures === 0) session.awaitingPicture = pictures === 0;
  if (change) session.onChange?.(change);
}

/**
 * Checks every layer is on top of its surface; a layer the page draws above (part of the
 * picture in a higher stacking context) is lifted to the top once. False when a surface still
 * shows after that.
 */
function keptOnTop(doc: Document, session: CoverSession): boolean {
  for (const [surface, layer] of session.layers) {
    if (surfaceHidden(doc, surface) !== false) continue;
    important(layer, { "z-index": TOP_Z });
    if (surfaceHidden(doc, surface) === false) return false;
  }
  return true;
}

function stop(doc: Document, session: CoverSession) {
  clearInterval(session.timer);
  sessions.delete(doc);
  for (const layer of session.layers.values()) layer.remove();
}

/** Tresteg's layers are on the page (a page only watched for the client's picture has none). */
export function isCovered(doc: Document): boolean {
  return (sessions.get(doc)?.layers.size ?? 0) > 0;
}

function startKeeping(doc: Document, session: CoverSession) {
  session.timer = setInterval(() => {
    try {
      keep(doc, session);
    } catch (error) {
      // The next tick tries again; the layers already placed stay.
      console.error("Tresteg: keeping the cover", error);
    }
  }, KEEP_MS);
}

/**
 * Covers the client's picture, and keeps it covered until uncovered. `onChange` hears what
 * changes on its own meanwhile (see CoverChange); a later request for a cover already there
 * keeps the first listener.
 */
export function coverRemoteVideos(
  doc: Document,
  adapter: PlatformAdapter,
  label: string,
  onChange?: CoverListener,
): ActionReport {
  const running = sessions.get(doc);
  if (running) {
    running.onChange ??= onChange;
    refresh(doc, running);
    const onTop = keptOnTop(doc, running);
    remember(running);
    if (running.lost || !onTop) {
      running.lost = true;
      return { result: "failed", code: { reason: "cover-not-on-top" } };
    }
    if (running.layers.size === 0) return { result: "failed", code: { reason: "no-remote-video" } };
    return { result: "already" };
  }
  // Layers an earlier copy of this script left (before an extension update) are replaced.
  doc.querySelectorAll(`[${COVER_ATTRIBUTE}]`).forEach((layer) => layer.remove());
  const { targets, pictures, unsure } = coveredSurfaces(doc, adapter);
  const session: CoverSession = {
    adapter,
    label,
    layers: new Map(),
    written: new Map(),
    timer: undefined,
    lost: false,
    awaitingPicture: pictures === 0,
    onChange,
  };
  sessions.set(doc, session);
  if (targets.length === 0) {
    // Nothing to cover yet (the client's camera is off, or no one is there): not covered,
    // and the page is watched, so the picture is covered, and told, when it appears.
    startKeeping(doc, session);
    return { result: "failed", code: { reason: "no-remote-video" } };
  }
  refresh(doc, session);
  if (!keptOnTop(doc, session)) {
    // A cover the client shows through is no cover: nothing is left on the page, and the
    // panel asks the coach to hide the picture.
    stop(doc, session);
    return { result: "failed", code: { reason: "cover-not-on-top" } };
  }
  remember(session);
  startKeeping(doc, session);
  // A stage with no picture in it: the client's camera is off; the layer is on its place and
  // the client's picture is covered the moment it comes back.
  if (pictures === 0) return { result: "done", code: { reason: "client-camera-off" } };
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

/** Uncovers and stops watching. "done" only when a layer of Tresteg's was on the page. */
export function uncoverRemoteVideos(doc: Document): ActionReport {
  const session = sessions.get(doc);
  const hadLayers = (session?.layers.size ?? 0) > 0;
  if (session) stop(doc, session);
  // Layers left by an earlier copy of this script (an extension update) go too.
  const strays = doc.querySelectorAll(`[${COVER_ATTRIBUTE}]`);
  strays.forEach((layer) => layer.remove());
  return hadLayers || strays.length > 0 ? { result: "done" } : { result: "already" };
}
