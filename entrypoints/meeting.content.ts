import { defineContentScript } from "wxt/utils/define-content-script";
import { MEETING_HOSTS } from "../lib/platforms/hosts";
import { answerMeetingRequests, stopFollowing } from "../lib/platforms/meeting-listener";

// Kept on the content script's own (isolated) global: the panel may inject this script again
// into a tab that already has it, and two live copies must not both act on one request (two
// clicks on a toggle undo each other). A copy left from before an extension update is no
// longer valid and does not count.
const RUNNING = Symbol.for("tresteg.meeting-content-script");
type Running = { [RUNNING]?: { isValid(): boolean } };

export default defineContentScript({
  matches: MEETING_HOSTS,
  runAt: "document_idle",
  // Every frame: Zoom's web client runs the meeting in a same-origin iframe#webclient, and a
  // portal may embed a Jitsi or Whereby room in an iframe. Only frames on these addresses get
  // the script; only the frame that holds the meeting answers (meeting-frame.ts). Not
  // about:blank frames: the meeting frames found in the sources all have an address.
  allFrames: true,
  matchAboutBlank: false,
  main(ctx) {
    const global = globalThis as Running;
    if (global[RUNNING]?.isValid()) return;
    global[RUNNING] = { isValid: () => ctx.isValid };
    // The extension was updated or removed: stop following the videos, leave the layers, so
    // the client stays covered until the new copy uncovers.
    ctx.onInvalidated(() => stopFollowing(document));
    answerMeetingRequests();
  },
});
