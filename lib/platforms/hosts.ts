/**
 * The meeting platforms Tresteg knows, as match patterns: the host permissions of the
 * extension and the pages the meeting content script runs on. localhost and 127.0.0.1 are the
 * local demo/practice meeting and the test fixtures.
 *
 * The content script's `matches` come from here, because an entrypoint cannot import
 * wxt.config.ts (that would bundle the build configuration into the page script).
 */
export const MEETING_HOSTS = [
  "https://meet.google.com/*",
  "https://teams.microsoft.com/*",
  "https://teams.live.com/*",
  "https://teams.cloud.microsoft/*",
  "https://*.zoom.us/*",
  "https://whereby.com/*",
  "https://*.whereby.com/*",
  "https://meet.jit.si/*",
  "https://8x8.vc/*",
  "http://localhost/*",
  "http://127.0.0.1/*",
];
