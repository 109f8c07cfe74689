import * as v from "valibot";
import type { MuteResult } from "./log/events";
import type { PlatformId } from "./platforms/detect";

/**
 * The one protocol between the panel, the worker and the content script on the meeting page.
 * Every message that arrives is validated against these schemas before anything acts on it.
 */

const OwnDevice = v.picklist(["mic", "camera"]);
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
    label: v.pipe(v.string(), v.maxLength(200)),
  }),
  /** Leave / hang up the call through the platform's own control. */
  v.strictObject({ type: v.literal("meeting:hang-up") }),
]);
export type MeetingRequest = v.InferOutput<typeof MeetingRequestSchema>;

/** What a page-side action did: done, already so, or failed, with a reason a coach can read. */
export interface ActionReport {
  result: MuteResult;
  detail?: string;
}

export interface ProbeReport {
  platform: PlatformId;
  controls: { mic: boolean; camera: boolean; hangUp: boolean };
  remoteVideos: number;
}

export type MeetingResponse<R extends MeetingRequest> = R extends { type: "meeting:probe" }
  ? ProbeReport
  : ActionReport;

export function parseMeetingRequest(message: unknown): MeetingRequest | null {
  const parsed = v.safeParse(MeetingRequestSchema, message);
  return parsed.success ? parsed.output : null;
}
