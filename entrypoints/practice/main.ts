import { startMeeting } from "../../lib/practice/meeting.js";
import { answerMeetingRequests } from "../../lib/platforms/meeting-listener";

// The practice meeting ("Övning"): the demo meeting packaged in the extension, with a drawn
// client and no camera. It answers the panel itself, as a content script would on a real
// meeting, so the wait's mutes, the cover and the hang-up can all be practised.
startMeeting();
answerMeetingRequests();
