import { browser } from "wxt/browser";
import { type MeetingRequest, parseMeetingResponse } from "../messages";
import { type MeetingPort, setTabMuted } from "./meeting-port";

// WXT builds entrypoints/meeting.content.ts to this file.
const CONTENT_SCRIPT = "/content-scripts/meeting.js";

/**
 * Sends a request to the content script on the meeting page. A tab opened before Tresteg was
 * installed or updated has no content script yet: inject it once and ask again.
 */
async function ask(tabId: number, request: MeetingRequest): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, request);
  } catch (error) {
    // Only "nobody is listening" means a missing script. A port closed after delivery means
    // the page went away while acting (a hang-up that navigates to a goodbye page): asking
    // again on the new page would act twice.
    if (!NOT_LISTENING.test(String(error))) throw error;
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    return browser.tabs.sendMessage(tabId, request);
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
