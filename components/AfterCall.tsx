// What the panel shows after the call — the draft and the history — loaded on demand, so the
// code for drafts, exports and dates in words is not parsed while a call is running.
export { DraftScreen } from "./DraftScreen";
export { HistoryView } from "./HistoryView";
