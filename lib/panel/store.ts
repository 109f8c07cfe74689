import { createStore } from "zustand/vanilla";
import type { Lang, MessageKey, Params } from "../i18n/text";
import type { ProbeReport } from "../messages";
import { ROUTINE_SETTINGS, type Settings } from "../settings";
import type { MeetingTab } from "./meeting-tab";

/** UI-only state of one panel. What happened in the incident lives in the log, not here. */
export interface PanelState {
  lang: Lang;
  /**
   * Actions shown busy, by key (a phrase id, "advance", …): a write still running after
   * BUSY_AFTER_MS (lib/panel/run.ts).
   */
  pending: string[];
  /** The last failure, in words the coach reads. */
  error: { key: MessageKey; params?: Params } | null;
  /** A short confirmation or notice ("an incident is already open"). */
  notice: { key: MessageKey; params?: Params } | null;
  editingKinds: boolean;
  /** The session this panel just ended, to show its summary on the start view. */
  lastEndedId: string | null;
  /** A capture was refused for want of the optional permission: offer to grant it. */
  needsCapturePermission: boolean;
  /** What the panel shows: the incident (start or running), a draft, or the history. */
  view: "incident" | "draft" | "history" | "settings";
  /** The session whose draft is shown. */
  draftId: string | null;
  /** The start view starts practice sessions ("Övning") while this is on. */
  practice: boolean;
  /** The settings in force (lib/settings), read when the panel opens and kept current. */
  settings: Settings;
  /** The meeting tab the panel serves; undefined while it is being looked up. */
  tab: MeetingTab | null | undefined;
  /**
   * What the meeting page's probe last found (lib/panel/readiness-watch.ts), for the tab it
   * asked; null as the report: the page did not answer. Undefined until the first answer.
   */
  probe: { tabId: number; report: ProbeReport | null } | undefined;
}

export function createPanelStore(initial: Partial<PanelState> = {}) {
  return createStore<PanelState>()(() => ({
    lang: "sv",
    pending: [],
    error: null,
    notice: null,
    editingKinds: false,
    lastEndedId: null,
    needsCapturePermission: false,
    view: "incident",
    draftId: null,
    practice: false,
    settings: ROUTINE_SETTINGS,
    tab: undefined,
    probe: undefined,
    ...initial,
  }));
}

export type PanelStore = ReturnType<typeof createPanelStore>;
