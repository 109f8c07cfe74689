import type { PlatformAdapter } from "./adapter";
import { findRemoteVideos } from "./videos";

/**
 * Any other page, and the organisation's own platform when Tresteg does not recognise it:
 * Tresteg covers the videos it judges to be the client's (see videos.ts) but does not guess
 * at the page's buttons, so the coach is asked to turn off their own microphone and camera.
 */
export function genericAdapter(id: "generic" | "own" = "generic"): PlatformAdapter {
  return {
    id,
    mic: null,
    camera: null,
    leave: null,
    remoteVideos: (doc) => findRemoteVideos(doc),
  };
}
