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
    permissions: ["storage"],
    host_permissions: MEETING_HOSTS,
    // Firefox MV2 keeps optional host patterns among optional_permissions.
    ...(browser === "firefox"
      ? { optional_permissions: ["https://*/*"] }
      : { optional_host_permissions: ["https://*/*"] }),
    action: { default_title: "Tresteg" },
    commands:
      browser === "firefox"
        ? {
            _execute_sidebar_action: {
              suggested_key: { default: "Alt+Shift+T" },
              description: "Öppna Tresteg",
            },
          }
        : {
            _execute_action: {
              suggested_key: { default: "Alt+Shift+T" },
              description: "Öppna Tresteg",
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
