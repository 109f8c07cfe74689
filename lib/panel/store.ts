import { createStore } from "zustand/vanilla";
import type { Lang, MessageKey, Params } from "../i18n/text";
import { DEFAULT_RETENTION_DAYS } from "../history/delete";
import { MUTE_TARGETS, type MuteTarget } from "../log/events";
import { BUILTIN_PACK } from "../routine/builtin-pack";
import type { PackProblem } from "../routine/load-pack";
import type { PhrasePack } from "../routine/pack";
import type { MeetingTab } from "./meeting-tab";

/** The settings in force, as the panel shows and uses them (read from lib/settings). */
export interface PanelSettings {
  pack: PhrasePack;
  /** A stored pack that no longer validates: shown with its problems, not used. */
  packProblems: PackProblem[];
  retentionDays: number;
  /** The organisation's own platforms in force: the policy's and the coach's. */
  ownOrigins: string[];
  /** The coach's own list, which the coach may change. */
  coachOrigins: string[];
  waitMutes: MuteTarget[];
  /** What the organisation's policy sets: shown, not changeable in the panel. */
  locks: { pack: boolean; retentionDays: boolean; ownOrigins: string[] };
  /** Policy values that are not valid: reported, not applied. */
  managedProblems: { key: string; message: string }[];
}

/** The routine's own pack and the routine's defaults: nothing stored, no policy. */
export const DEFAULT_PANEL_SETTINGS: PanelSettings = {
  pack: BUILTIN_PACK,
  packProblems: [],
  retentionDays: DEFAULT_RETENTION_DAYS,
  ownOrigins: [],
  coachOrigins: [],
  waitMutes: [...MUTE_TARGETS],
  locks: { pack: false, retentionDays: false, ownOrigins: [] },
  managedProblems: [],
};

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
  settings: PanelSettings;
  /** The meeting tab the panel serves; undefined while it is being looked up. */
  tab: MeetingTab | null | undefined;
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
    settings: DEFAULT_PANEL_SETTINGS,
    tab: undefined,
    ...initial,
  }));
}

export type PanelStore = ReturnType<typeof createPanelStore>;
