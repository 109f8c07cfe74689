import type { DeviceControl, PlatformAdapter } from "./adapter";
import { clickable, findControl } from "./dom";
import { findRemoteVideos } from "./videos";

/**
 * Tresteg's own practice meeting (entrypoints/practice, built from lib/practice/meeting.js): its
 * buttons are ours, so they are found by id and read from aria-pressed ("true" = on).
 */
function toggle(id: string): DeviceControl {
  return {
    find: (doc) => clickable(findControl(doc, [`#${id}`])),
    read: (button) => {
      const pressed = button.getAttribute("aria-pressed");
      return pressed === "true" ? "on" : pressed === "false" ? "off" : null;
    },
  };
}

export const practiceAdapter: PlatformAdapter = {
  id: "practice",
  mic: toggle("mic"),
  camera: toggle("camera"),
  leave: { find: (doc) => clickable(findControl(doc, ["#leave"])) },
  remoteVideos: (doc) =>
    findRemoteVideos(doc, {
      isSelf: (video) => video.id === "self-video",
      isRemote: (video) => video.id === "remote-video",
    }),
};
