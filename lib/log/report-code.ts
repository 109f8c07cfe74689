import * as v from "valibot";

/**
 * Why an action on the meeting did not do what was asked, or what the coach should know about
 * one that did, as a code with its parameters. The content script and the panel put these codes
 * into results and log entries; the panel and the draft word them in their own
 * language (lib/log/describe.ts, with the tables in lib/i18n). A sentence in a log entry would
 * be in one language for good, and the log is hashed evidence that is never rewritten.
 */

const Control = v.picklist(["mic", "camera"]);
const Want = v.picklist(["off", "on"]);
/** The coach's own microphone or camera, and what Tresteg was asked to make it. */
const device = { control: Control, want: Want };
/** What the browser said when it refused: its own words, kept as they came. */
const error = v.pipe(v.string(), v.maxLength(500));

const PAGE_CODES = [
  /** The generic adapter: Tresteg does not press this page's buttons, the coach does. */
  v.object({ reason: v.literal("self-service"), ...device }),
  v.object({ reason: v.literal("control-not-found"), ...device }),
  /** The button is there but does not say whether the device is on or off. */
  v.object({ reason: v.literal("state-unknown"), ...device }),
  v.object({ reason: v.literal("control-disabled"), ...device }),
  /** Tresteg pressed the button (and tried the shortcut); the page still shows the old state. */
  v.object({ reason: v.literal("no-effect"), ...device }),
  /**
   * No button was found, so Tresteg pressed the platform's shortcut; nothing on the page shows
   * the device's state, so whether it worked could not be checked.
   */
  v.object({ reason: v.literal("shortcut-unverified"), ...device }),
  /** The button shows the new state but the page shows the old one (the self-view tile). */
  v.object({ reason: v.literal("contradicted"), ...device }),
  v.object({ reason: v.literal("no-remote-video") }),
  /** Done: the client's camera is off now; the cover is on its place and stays watching. */
  v.object({ reason: v.literal("client-camera-off") }),
  /** The page keeps something of the client's picture above the cover: not covered. */
  v.object({ reason: v.literal("cover-not-on-top") }),
  /** Done, but every video is covered: the client's could not be told from the coach's. */
  v.object({ reason: v.literal("covered-all") }),
  v.object({ reason: v.literal("no-leave-control") }),
  v.object({ reason: v.literal("leave-no-effect") }),
  /**
   * Left through the page's "end for everyone" answer, as the settings ask of a host: what
   * Tresteg clicked and that the call closed here, not what the others' screens show.
   */
  v.object({ reason: v.literal("ended-for-all") }),
  /** Left; ending for everyone was asked but the page showed no such answer. */
  v.object({ reason: v.literal("end-for-all-not-offered") }),
  /** The client's video comes from another site without CORS: the browser forbids reading it. */
  v.object({ reason: v.literal("video-tainted") }),
  /** The page threw while Tresteg acted on it. */
  v.object({ reason: v.literal("page-error") }),
] as const;

const PANEL_CODES = [
  /** Hang-up done: the meeting page went away while leaving (a goodbye page). */
  v.object({ reason: v.literal("page-closed") }),
  /** The meeting page answered, but not with anything Tresteg asked for. */
  v.object({ reason: v.literal("no-answer") }),
  v.object({ reason: v.literal("unreachable"), error }),
  v.object({ reason: v.literal("no-meeting-tab") }),
  /** The browser took the tab's mute but reads the tab back unchanged. */
  v.object({ reason: v.literal("tab-sound-unchanged") }),
  v.object({ reason: v.literal("tab-error"), error }),
] as const;

/** What one action on the meeting reports, beside its result. */
export const ActionCodeSchema = v.variant("reason", [...PAGE_CODES, ...PANEL_CODES]);
export type ActionCode = v.InferOutput<typeof ActionCodeSchema>;

/**
 * What a log entry of a mute, a restore or a hang-up may carry: an action's code, or the worker's
 * note that it covered the client again after the meeting page reloaded (with what that did).
 */
export type LogCode =
  ActionCode | { reason: "again-after-reload"; then?: ActionCode } | CoverChangeCode;

/**
 * What the meeting script told on its own while it covered the client during the wait, as the
 * worker logs it (lib/worker/cover-pushes.ts): the page removed, moved or hid the cover and
 * Tresteg put it back on top; the cover could not be kept on top; the client's picture was
 * covered when it appeared. `count`: how many times since the last entry of the same change.
 */
export type CoverChangeCode = {
  reason: "cover-reapplied" | "cover-lost" | "covered-late";
  count: number;
};

const COVER_CHANGE_REASONS: readonly string[] = ["cover-reapplied", "cover-lost", "covered-late"];

/** A code only the cover's own reports carry: logged only while a wait runs. */
export function isCoverChange(code: LogCode | undefined): code is CoverChangeCode {
  return code !== undefined && COVER_CHANGE_REASONS.includes(code.reason);
}
