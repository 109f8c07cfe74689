// How the panel addresses the one frame of a tab that holds the meeting (meeting-frame.ts
// decides which frame that is). Kept apart from the adapters, so the panel, which only sends
// requests, does not load the code that reads the meeting pages.

/**
 * A request the panel sent to one frame it chose (the frame that said it holds the meeting,
 * or the top frame when none did) carries this mark: that frame answers, whatever it holds.
 */
export const TO_FRAME = "toFrame";

export function sentToThisFrame(message: unknown): boolean {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as Record<string, unknown>)[TO_FRAME] === true
  );
}

/** The request itself, without the mark (the protocol's schemas take no other field). */
export function withoutFrameMark(message: unknown): unknown {
  if (!sentToThisFrame(message)) return message;
  const { [TO_FRAME]: _mark, ...request } = message as Record<string, unknown>;
  return request;
}

/**
 * The key under which the meeting script tells, on its own (isolated) global, whether this
 * frame holds the meeting. The panel reads it with scripting.executeScript in every frame,
 * which runs in the same isolated world, and then sends its request to that frame alone.
 */
export const MEETING_FRAME_KEY = "tresteg.meeting-frame";

export type FrameAnswer = "holds" | "empty";
