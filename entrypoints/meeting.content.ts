import { browser } from "wxt/browser";
import { defineContentScript } from "wxt/utils/define-content-script";
import { type ActionReport, type MeetingRequest, parseMeetingRequest } from "../lib/messages";
import { MEETING_HOSTS } from "../lib/platforms/hosts";
import { adapterFor } from "../lib/platforms/index";
import {
  coverRemoteVideos,
  hangUp,
  probe,
  setOwnDevice,
  uncoverRemoteVideos,
} from "../lib/platforms/page-actions";
import { stopFollowing } from "../lib/platforms/cover";
import { DETAILS } from "../lib/platforms/details";

// Kept on the content script's own (isolated) global: the panel may inject this script again
// into a tab that already has it, and two live copies must not both act on one request (two
// clicks on a toggle undo each other). A copy left from before an extension update is no
// longer valid and does not count.
const RUNNING = Symbol.for("tresteg.meeting-content-script");
type Running = { [RUNNING]?: { isValid(): boolean } };

async function handle(request: MeetingRequest) {
  // The adapter is chosen per request: single-page meetings change their DOM as they go.
  const adapter = adapterFor(location.href, document);
  switch (request.type) {
    case "meeting:probe":
      return probe(document, adapter);
    case "meeting:set-own":
      return setOwnDevice(document, adapter, request.device, request.want);
    case "meeting:cover":
      return request.cover
        ? coverRemoteVideos(document, adapter, request.label)
        : uncoverRemoteVideos(document);
    case "meeting:hang-up":
      return hangUp(document, adapter);
    default: {
      const unhandled: never = request;
      return unhandled;
    }
  }
}

export default defineContentScript({
  matches: MEETING_HOSTS,
  runAt: "document_idle",
  allFrames: false,
  main(ctx) {
    const global = globalThis as Running;
    if (global[RUNNING]?.isValid()) return;
    global[RUNNING] = { isValid: () => ctx.isValid };
    // The extension was updated or removed: stop following the videos, leave the layers, so
    // the client stays covered until the new copy uncovers.
    ctx.onInvalidated(() => stopFollowing(document));

    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      // Only Tresteg's own panel and worker may ask; anything else is not ours to answer.
      if (sender.id !== browser.runtime.id) return false;
      const request = parseMeetingRequest(message);
      if (!request) return false;
      handle(request)
        .catch((): ActionReport => ({ result: "failed", detail: DETAILS.pageError.sv }))
        .then(sendResponse, () => undefined);
      // Chrome keeps the channel open for an asynchronous answer only when told so.
      return true;
    });
  },
});
