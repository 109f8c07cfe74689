import * as v from "valibot";
import { ActionCodeSchema } from "./log/report-code";
import type { PlatformId } from "./platforms/detect";

/**
 * The one protocol between the panel, the worker and the content script on the meeting page.
 * Every message that arrives is validated against these schemas before anything acts on it.
 */

const OwnDevice = v.picklist(["mic", "camera"]);

/**
 * How a hang-up ends the call where the platform offers the coach a choice (a Jitsi
 * moderator, a Meet host): leave and let the others stay, or end it for everyone.
 */
export const LEAVE_CHOICES = ["leave", "end-for-all"] as const;
export type LeaveChoice = (typeof LEAVE_CHOICES)[number];
const Want = v.picklist(["off", "on"]);

export const MeetingRequestSchema = v.variant("type", [
  /** What the page offers: which platform, which controls were found, how many remote videos. */
  v.strictObject({ type: v.literal("meeting:probe") }),
  /** Turn the coach's own microphone or camera off (or back on) through the platform. */
  v.strictObject({ type: v.literal("meeting:set-own"), device: OwnDevice, want: Want }),
  /** Cover (or uncover) the client's video with an opaque, labelled layer. */
  v.strictObject({
    type: v.literal("meeting:cover"),
    cover: v.boolean(),
    /** The words on the layer, in the panel's language; without them, the browser's. */
    label: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
  /**
   * Leave / hang up the call through the platform's own control; `choice` "end-for-all" ends
   * it for everyone where the page offers that. Without it the coach leaves.
   */
  v.strictObject({
    type: v.literal("meeting:hang-up"),
    choice: v.optional(v.picklist(LEAVE_CHOICES)),
  }),
  /** The client's picture from the page's own videos, while Tresteg covers them. */
  v.strictObject({ type: v.literal("meeting:covered-picture") }),
]);
export type MeetingRequest = v.InferOutput<typeof MeetingRequestSchema>;

/** What a page-side action did: done, already so, or failed, with a code that says why. */
const ActionReportSchema = v.object({
  result: v.picklist(["done", "already", "failed"]),
  code: v.optional(ActionCodeSchema),
});
export type ActionReport = v.InferOutput<typeof ActionReportSchema>;

const PLATFORM_IDS = [
  "jitsi",
  "google-meet",
  "teams",
  "zoom",
  "whereby",
  "own",
  "practice",
  "generic",
] as const satisfies readonly PlatformId[];

const ProbeReportSchema = v.object({
  platform: v.picklist(PLATFORM_IDS),
  controls: v.object({ mic: v.boolean(), camera: v.boolean(), hangUp: v.boolean() }),
  remoteVideos: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type ProbeReport = v.InferOutput<typeof ProbeReportSchema>;

/**
 * The client's picture under the cover: not covered (take the visible tab), a PNG as a data
 * URL (messages between extension contexts are JSON), or why there is none.
 */
const CoveredPictureSchema = v.union([
  v.strictObject({ covered: v.literal(false) }),
  v.strictObject({
    covered: v.literal(true),
    png: v.pipe(v.string(), v.startsWith("data:image/png;base64,")),
  }),
  v.strictObject({ covered: v.literal(true), failed: ActionCodeSchema }),
]);
export type CoveredPictureReport = v.InferOutput<typeof CoveredPictureSchema>;

export type MeetingResponse<R extends MeetingRequest> = R extends { type: "meeting:probe" }
  ? ProbeReport
  : R extends { type: "meeting:covered-picture" }
    ? CoveredPictureReport
    : ActionReport;

export function parseMeetingRequest(message: unknown): MeetingRequest | null {
  const parsed = v.safeParse(MeetingRequestSchema, message);
  return parsed.success ? parsed.output : null;
}

/**
 * The page's answer to `request`, or null when it is not one. The answer comes from another
 * context (a content script of an older version still running after an update, a page that
 * broke it), so it is read through the schema before anything acts on it.
 */
export function parseMeetingResponse<R extends MeetingRequest>(
  request: R,
  answer: unknown,
): MeetingResponse<R> | null {
  const schema =
    request.type === "meeting:probe"
      ? ProbeReportSchema
      : request.type === "meeting:covered-picture"
        ? CoveredPictureSchema
        : ActionReportSchema;
  const parsed = v.safeParse(schema, answer);
  return parsed.success ? (parsed.output as MeetingResponse<R>) : null;
}

/**
 * What the meeting script tells the worker on its own, while it covers the client's picture
 * (lib/platforms/cover.ts): the page removed, moved or hid the cover and Tresteg put it back,
 * the cover could not be kept on top, or the client's picture was covered when it appeared
 * (the camera turned on). `count` is how many times since the last push of this change (the
 * script sends a change a page keeps repeating at most once every few seconds).
 */
const COVER_CHANGES = ["reapplied", "lost", "covered-late"] as const;
const CoverPushSchema = v.strictObject({
  type: v.literal("cover:changed"),
  change: v.picklist(COVER_CHANGES),
  count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
});
export type CoverPush = v.InferOutput<typeof CoverPushSchema>;

/** The push, or null when the message is not one (other messages, a broken copy). */
export function parseCoverPush(message: unknown): CoverPush | null {
  const parsed = v.safeParse(CoverPushSchema, message);
  return parsed.success ? parsed.output : null;
}

/** The worker's answer to a push: whether it went into the log, and why not. */
export type CoverPushAnswer =
  | { logged: true }
  | { logged: false; why: "no-wait" | "not-the-meeting-tab" | "refused" | "storage" };
