/** Builds the meeting page into `body` (when empty) and starts the call. See meeting.js. */
export function startMeeting(body?: HTMLElement): void;
