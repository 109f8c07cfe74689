import { defineConfig } from "wxt";

// Host permissions: the meeting platforms Tresteg knows (read the meeting tab's origin and
// title, and, in later features, act on the page), plus localhost for the local demo/practice
// meeting. Everything else is asked for at run time (optional), never granted up front.
export const MEETING_HOSTS = [
  "https://meet.google.com/*",
  "https://teams.microsoft.com/*",
  "https://teams.live.com/*",
  "https://*.zoom.us/*",
  "https://whereby.com/*",
  "https://*.whereby.com/*",
  "https://meet.jit.si/*",
  "https://8x8.vc/*",
  "http://localhost/*",
  "http://127.0.0.1/*",
];

export default defineConfig({
  imports: false,
  manifest: ({ browser }) => ({
    name: "Tresteg",
    description:
      "Stöd vid hotfulla digitala samtal: tre steg, två minuters paus, bevis och incidentutkast. Allt stannar på datorn.",
    // activeTab: a keyboard command grants it for the meeting tab, so Alt+Shift+S captures
    // without any broader permission. notifications: a silent notice when the panel is closed.
    permissions: ["storage", "activeTab", "notifications"],
    host_permissions: MEETING_HOSTS,
    // Asked for at run time only: a screenshot from the panel's button needs <all_urls>
    // (a side-panel click grants no activeTab), and an organisation's own platform needs
    // host access. Firefox MV2 keeps optional host patterns among optional_permissions.
    ...(browser === "firefox"
      ? { optional_permissions: ["<all_urls>"] }
      : { optional_host_permissions: ["<all_urls>"] }),
    action: { default_title: "Tresteg" },
    commands: {
      [browser === "firefox" ? "_execute_sidebar_action" : "_execute_action"]: {
        suggested_key: { default: "Alt+Shift+T" },
        description: "Öppna Tresteg / Open Tresteg",
      },
      "take-screenshot": {
        suggested_key: { default: "Alt+Shift+S" },
        description: "Skärmdump av mötet / Screenshot of the meeting",
      },
    },
    ...(browser === "firefox"
      ? {
          browser_specific_settings: {
            gecko: { id: "tresteg@regionhalsan.example", strict_min_version: "115.0" },
          },
        }
      : {}),
  }),
});
