import { detectPlatform, type PlatformId } from "../platforms/detect";

/** The tab the coach is in a call in, as far as the panel can see it. */
export interface MeetingTab {
  tabId: number | null;
  origin: string;
  title: string;
  platform: PlatformId;
  /** False when the browser would not tell us the tab's address (no host permission). */
  readable: boolean;
  /** The tab's address, when readable (a colleague's join link comes from it). */
  url?: string;
}

/** Used when no tab can be found: the incident still starts, marked as on an unknown page. */
export const UNKNOWN_TAB: MeetingTab = {
  tabId: null,
  origin: "",
  title: "",
  platform: "generic",
  readable: false,
};

export interface TabInfo {
  id?: number;
  url?: string;
  title?: string;
}

export interface TabsApi {
  get(tabId: number): Promise<TabInfo>;
  query(filter: { active: true; currentWindow: true }): Promise<TabInfo[]>;
}

export function meetingTabFrom(tab: TabInfo | undefined, ownOrigins: readonly string[] = []) {
  const tabId = tab?.id ?? null;
  let origin: string;
  try {
    origin = tab?.url ? new URL(tab.url).origin : "";
  } catch {
    origin = "";
  }
  const readable = origin !== "" && origin !== "null";
  return {
    tabId,
    origin: readable ? origin : "",
    title: tab?.title ?? "",
    platform: detectPlatform(tab?.url, ownOrigins),
    readable,
    ...(readable && tab?.url ? { url: tab.url } : {}),
  } satisfies MeetingTab;
}

/**
 * The panel serves the tab named in its address (`sidepanel.html?tab=42`, the detached
 * window for two screens) or else the active tab of its window (the side panel).
 */
export async function resolveMeetingTab(
  tabs: TabsApi,
  search: string,
  ownOrigins: readonly string[] = [],
): Promise<MeetingTab | null> {
  const named = new URLSearchParams(search).get("tab");
  if (named !== null) {
    const id = Number(named);
    if (!Number.isInteger(id)) return null;
    try {
      return meetingTabFrom(await tabs.get(id), ownOrigins);
    } catch {
      return null;
    }
  }
  const [active] = await tabs.query({ active: true, currentWindow: true });
  return active ? meetingTabFrom(active, ownOrigins) : null;
}
