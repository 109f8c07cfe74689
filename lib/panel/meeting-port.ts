import type { MuteResult } from "../log/events";
import type { ActionReport, MeetingRequest, ProbeReport } from "../messages";

/**
 * What the panel can do to the meeting tab: mute its sound through the browser, and ask the
 * content script on the page to cover the client's video, turn the coach's own mic and camera
 * off or on, and hang up. Every call answers with what really happened; none throws.
 */
export interface MeetingPort {
  muteTab(tabId: number, muted: boolean): Promise<ActionReport>;
  send(
    tabId: number,
    request: Exclude<MeetingRequest, { type: "meeting:probe" | "meeting:covered-picture" }>,
  ): Promise<ActionReport>;
  probe(tabId: number): Promise<ProbeReport | null>;
}

export interface TabsMuteApi {
  get(tabId: number): Promise<{ mutedInfo?: { muted: boolean } }>;
  update(tabId: number, props: { muted: boolean }): Promise<unknown>;
}

/**
 * Mutes or unmutes the tab's sound and reads the tab back: only a muted state the browser
 * reports counts as done: Tresteg says "muted" only when it has read the tab back.
 */
export async function setTabMuted(
  tabs: TabsMuteApi,
  tabId: number,
  muted: boolean,
): Promise<ActionReport> {
  try {
    const before = await tabs.get(tabId);
    if (before.mutedInfo?.muted === muted) return { result: "already" };
    await tabs.update(tabId, { muted });
    const after = await tabs.get(tabId);
    const result: MuteResult = after.mutedInfo?.muted === muted ? "done" : "failed";
    return result === "done" ? { result } : { result, code: { reason: "tab-sound-unchanged" } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { result: "failed", code: { reason: "tab-error", error: message.slice(0, 500) } };
  }
}
