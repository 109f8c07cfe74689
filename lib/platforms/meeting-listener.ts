import { browser } from "wxt/browser";
import type { BrowserI18n } from "../i18n/languages";
import { localeKey } from "../i18n/text";
import {
  type ActionReport,
  type CoverPush,
  type CoverPushAnswer,
  type MeetingRequest,
  type MeetingResponse,
  parseMeetingRequest,
} from "../messages";
import type { CoverListener } from "./cover";
import { type CoverPushes, createCoverPushes } from "./cover-pushes";
import { coveredPicture } from "./covered-picture";
import { adapterFor } from "./index";
import {
  type FrameAnswer,
  MEETING_FRAME_KEY,
  sentToThisFrame,
  withoutFrameMark,
} from "./frame-mark";
import { answersForTab, holdsMeeting } from "./meeting-frame";
import {
  coverRemoteVideos,
  hangUp,
  probe,
  setOwnDevice,
  uncoverRemoteVideos,
} from "./page-actions";

/** Does what the panel or worker asks of this meeting page. */
async function handle(request: MeetingRequest): Promise<MeetingResponse<MeetingRequest>> {
  // The adapter is chosen per request: single-page meetings change their DOM as they go.
  const adapter = adapterFor(location.href, document);
  switch (request.type) {
    case "meeting:probe":
      return probe(document, adapter);
    case "meeting:set-own":
      return setOwnDevice(document, adapter, request.device, request.want);
    case "meeting:cover":
      if (request.cover) {
        return coverRemoteVideos(document, adapter, request.label ?? coverLabel(), tellWorker());
      }
      // Uncovered: the wait is over, and nothing more is told of it.
      pushes?.stop();
      pushes = undefined;
      return uncoverRemoteVideos(document);
    case "meeting:hang-up":
      return hangUp(document, adapter, undefined, request.choice);
    case "meeting:covered-picture":
      return coveredPicture(document, adapter);
    default: {
      const unhandled: never = request;
      return unhandled;
    }
  }
}

let pushes: CoverPushes | undefined;

/**
 * What changes about the cover on its own is told to the worker, which logs it while the wait
 * runs (lib/worker/cover-pushes.ts): the panel may be closed, the worker is there. Only the
 * frame that covers tells, since only the frame that holds the meeting was asked to cover.
 */
function tellWorker(): CoverListener {
  pushes ??= createCoverPushes((push: CoverPush) => {
    browser.runtime.sendMessage(push).then(
      (answer: CoverPushAnswer | undefined) => {
        // Not logged because no wait runs for this tab is as it should be; anything else is not.
        if (answer?.logged === false && (answer.why === "refused" || answer.why === "storage")) {
          console.error("Tresteg: the cover's change was not logged", push, answer);
        }
      },
      (error: unknown) => console.error("Tresteg: telling the worker of the cover", push, error),
    );
  });
  return pushes.push;
}

/** The layer's words in the browser's language, for a request that brings none. */
function coverLabel(): string {
  // The message names are written into _locales at build, so the generated types do not know them.
  return (browser.i18n as BrowserI18n).getMessage(localeKey("cover.label"));
}

/**
 * Answers Tresteg's meeting requests on this page: in the content script on a meeting
 * platform, and in the packaged practice meeting (an extension page, where no content script
 * runs). Only Tresteg's own panel and worker may ask; anything else is not ours to answer.
 */
export function answerMeetingRequests() {
  (globalThis as Record<symbol, unknown>)[Symbol.for(MEETING_FRAME_KEY)] = (): FrameAnswer =>
    holdsMeeting(document, adapterFor(location.href, document)) ? "holds" : "empty";
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return false;
    const request = parseMeetingRequest(withoutFrameMark(message));
    if (!request) return false;
    // A request to the whole tab reaches every frame: only the meeting's frame answers.
    const answers =
      sentToThisFrame(message) || answersForTab(window, adapterFor(location.href, document));
    if (!answers) return false;
    handle(request)
      .catch((): ActionReport => ({ result: "failed", code: { reason: "page-error" } }))
      .then(sendResponse, () => undefined);
    // Chrome keeps the channel open for an asynchronous answer only when told so.
    return true;
  });
}

export { stopFollowing } from "./cover";
