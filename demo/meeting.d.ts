/**
 * Builds the demo meeting's toolbox into meeting.html's page and starts the call; returns
 * what hangs up (as the page's own button does). See meeting.js.
 */
export function startDemoMeeting(doc?: Document): () => void;
