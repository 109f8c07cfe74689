import { browser } from "wxt/browser";
import { type MeetingRequest, parseMeetingResponse } from "../messages";
import { MEETING_FRAME_KEY, TO_FRAME } from "../platforms/frame-mark";
import { type MeetingPort, setTabMuted } from "./meeting-port";

// WXT builds entrypoints/meeting.content.ts to this file.
const CONTENT_SCRIPT = "/content-scripts/meeting.js";

/**
 * The frame of the tab that holds the meeting, as the meeting script in each frame says
 * (meeting-frame.ts): Zoom's iframe#webclient, a room embedded in a portal. Undefined when
 * no frame says so, or the frames cannot be asked (then the whole tab is asked, and the
 * script's own rule keeps the answer to one frame).
 */
async function meetingFrame(tabId: number): Promise<number | undefined> {
  try {
    const results = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      // Runs in each frame's isolated world, where the meeting script keeps its answer.
      func: (key: string) => {
        const answer = (globalThis as Record<symbol, unknown>)[Symbol.for(key)];
        return typeof answer === "function" ? (answer as () => string)() : "absent";
      },
      args: [MEETING_FRAME_KEY],
    });
    if (!results.some((result) => result.result !== "absent")) return undefined;
    // No frame holds the meeting: the top frame answers and says what is missing.
    return results.find((result) => result.result === "holds")?.frameId ?? 0;
  } catch {
    return undefined;
  }
}

async function send(tabId: number, request: MeetingRequest, frameId: number | undefined) {
  return frameId === undefined
    ? browser.tabs.sendMessage(tabId, request)
    : browser.tabs.sendMessage(tabId, { ...request, [TO_FRAME]: true }, { frameId });
}

/**
 * Sends a request to the content script in the meeting's frame. A tab opened before Tresteg
 * was installed or updated has no content script yet: inject it once into every frame and
 * ask again.
 */
async function ask(tabId: number, request: MeetingRequest): Promise<unknown> {
  try {
    return await send(tabId, request, await meetingFrame(tabId));
  } catch (error) {
    // Only "nobody is listening" means a missing script. A port closed after delivery means
    // the page went away while acting (a hang-up that navigates to a goodbye page): asking
    // again on the new page would act twice.
    if (!NOT_LISTENING.test(String(error))) throw error;
    await browser.scripting
      .executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT] })
      // A frame Tresteg may not enter fails the whole call: then the top frame alone.
      .catch(() => browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] }));
    return send(tabId, request, await meetingFrame(tabId));
  }
}

const NOT_LISTENING = /Receiving end does not exist|Could not establish connection/i;
const PAGE_LEFT = /message port closed|page.*(unload|navigat)|back\/forward cache/i;

export const browserMeetingPort: MeetingPort = {
  muteTab: (tabId, muted) => setTabMuted(browser.tabs, tabId, muted),
  async send(tabId, request) {
    try {
      const answer = parseMeetingResponse(request, await ask(tabId, request));
      return answer ?? { result: "failed", code: { reason: "no-answer" } };
    } catch (error) {
      if (request.type === "meeting:hang-up" && PAGE_LEFT.test(String(error))) {
        return { result: "done", code: { reason: "page-closed" } };
      }
      const message = error instanceof Error ? error.message : String(error);
      return { result: "failed", code: { reason: "unreachable", error: message.slice(0, 500) } };
    }
  },
  async probe(tabId) {
    const request = { type: "meeting:probe" } as const;
    try {
      return parseMeetingResponse(request, await ask(tabId, request));
    } catch {
      return null;
    }
  },
};
