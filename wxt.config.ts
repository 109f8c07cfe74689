import { defineConfig } from "wxt";
// Host permissions: the meeting platforms Tresteg knows (read the meeting tab's origin and
// title, and act on the page: cover the client's video, the coach's own mic and camera), plus
// localhost for the local demo/practice meeting. Everything else is asked for at run time.
import { MEETING_HOSTS } from "./lib/platforms/hosts";
import { en, sv } from "./lib/i18n/messages";
import { localeMessages } from "./lib/i18n/languages";
import { panelPage } from "./scripts/panel-page";

// The draft, its renderers, the ZIP and dates in words are needed after the call, not while
// it runs: keep them out of what the side panel loads at once. The database gets its own
// chunk first, so the after-call chunk does not pull it in as a dependency.
const PAGE_CHUNKS = {
  groups: [
    // Everything the panel needs first, in one file: each extra file costs a fetch at open.
    {
      name: "panel-core",
      priority: 5,
      includeDependenciesRecursively: false,
      test: (id: string) => !/[\\/]entrypoints[\\/]/.test(id),
    },
    {
      // What the side panel draws first, before the database code: the first view and what it
      // needs. Nothing here may import from panel-core, or the first view would wait for it.
      name: "panel-first",
      priority: 8,
      includeDependenciesRecursively: false,
      test: (id: string) =>
        /node_modules[\\/](preact|zustand)[\\/]/.test(id) ||
        // Vite's helpers for the dynamic import that loads the rest; WXT's page set-up.
        /vite[\\/](modulepreload-polyfill|preload-helper)/.test(id) ||
        /virtual:wxt-(html-)?plugins/.test(id) ||
        /node_modules[\\/](wxt[\\/]dist[\\/]browser|@wxt-dev[\\/]browser[\\/])/.test(id) ||
        // lightFormat (the timeline's HH:mm:ss) and what it uses; not the rest of date-fns.
        /node_modules[\\/]date-fns[\\/](lightFormat|toDate|isValid|isDate|constructFrom|constants)\.js$/.test(
          id,
        ) ||
        /node_modules[\\/]date-fns[\\/]_lib[\\/](addLeadingZeros|format[\\/]lightFormatters)\.js$/.test(
          id,
        ) ||
        /[\\/]lib[\\/]i18n[\\/](languages|text)\.ts$/.test(id) ||
        /[\\/]lib[\\/]panel[\\/](store|open-hint|language|first-clicks|first-view-boot)\.ts$/.test(
          id,
        ) ||
        /[\\/]lib[\\/]routine[\\/](builtin-pack|pack)\.ts$/.test(id) ||
        /[\\/]lib[\\/]time[\\/]format\.ts$/.test(id) ||
        /[\\/]lib[\\/]platforms[\\/]detect\.ts$/.test(id) ||
        /[\\/]components[\\/](FirstView|PanelTop|StartView|MeetingLine|CaptureButton|Icon)\.tsx$/.test(
          id,
        ) ||
        /[\\/]components[\\/]use-store\.ts$/.test(id),
    },
    {
      // What only the practice meeting page runs: the meeting script and the page actions.
      name: "practice-meeting",
      priority: 10,
      includeDependenciesRecursively: false,
      test: (id: string) =>
        /[\\/]demo[\\/]meeting\.(js|css)$/.test(id) ||
        (/[\\/]lib[\\/]platforms[\\/]/.test(id) && !/(detect|hosts|own-origins)\.ts$/.test(id)),
    },
    {
      name: "after-call",
      priority: 10,
      // Only the matched modules: what they share with the panel stays in the panel's chunks.
      includeDependenciesRecursively: false,
      test: (id: string) =>
        /[\\/]lib[\\/]draft[\\/]/.test(id) ||
        /[\\/]components[\\/](AfterCall|DraftScreen|DraftView|HistoryView)\.tsx$/.test(id) ||
        /[\\/]lib[\\/]history[\\/](load-draft|exports)\.ts$/.test(id) ||
        /[\\/]lib[\\/]time[\\/]words\.ts$/.test(id) ||
        // The panel reads its words from _locales; the draft bundles both tables.
        /[\\/]lib[\\/]i18n[\\/]messages\.ts$/.test(id) ||
        /node_modules[\\/](fflate|@date-fns[\\/]tz|date-fns[\\/](format|locale))/.test(id),
    },
  ],
};

export default defineConfig({
  imports: false,
  vite: () => ({
    plugins: [panelPage()],
    resolve: {
      // Dexie's ES2018 module build: 1.3 KB smaller gzipped than the UMD build its package
      // points bundlers at, and no CommonJS wrapper. The same release; tests use the default.
      alias: [{ find: /^dexie$/, replacement: "dexie/dist/modern/dexie.mjs" }],
    },
  }),
  hooks: {
    // All UI text reaches the browser's i18n as _locales/<lang>/messages.json, written from the
    // typed tables in lib/i18n/messages.ts (one source; the type makes English complete).
    "build:publicAssets": (_wxt, files) => {
      for (const [lang, table] of [
        ["sv", sv],
        ["en", en],
      ] as const) {
        files.push({
          relativeDest: `_locales/${lang}/messages.json`,
          contents: `${JSON.stringify(localeMessages(table), null, 2)}\n`,
        });
      }
    },
    // Only the pages' build splits code (scripts are single files), so only it gets the rule.
    "vite:build:extendConfig": (entrypoints, config) => {
      if (!entrypoints.some((e) => e.name === "sidepanel")) return;
      const output = config.build?.rollupOptions?.output;
      if (!output || Array.isArray(output)) return;
      (output as { codeSplitting?: unknown }).codeSplitting = PAGE_CHUNKS;
      // No <link rel=modulepreload> added by script when the rest loads: adding them cost the
      // panel ~6 ms of main thread just after its first paint (profiled).
      config.build = {
        ...config.build,
        modulePreload: {
          resolveDependencies: (_file, deps, { hostType }) => (hostType === "html" ? deps : []),
        },
      };
    },
  },
  manifest: ({ browser }) => ({
    // The browser's own UI (extension list, shortcuts) speaks the user's language through
    // _locales, Swedish by default; so does the panel, and the coach may switch it.
    default_locale: "sv",
    name: "__MSG_extName__",
    description: "__MSG_extDescription__",
    // activeTab: a keyboard command grants it for the meeting tab, so Alt+Shift+S captures
    // without any broader permission. notifications + alarms: the two-minute wait tells a
    // coach whose panel is closed that the time is up. scripting: puts the meeting script
    // into a meeting tab that was open before Tresteg was installed or updated.
    permissions: ["storage", "activeTab", "notifications", "alarms", "scripting"],
    host_permissions: MEETING_HOSTS,
    // Asked for at run time only: a screenshot from the panel's button needs <all_urls>
    // (a side-panel click grants no activeTab), and an organisation's own platform needs
    // host access. Firefox MV2 keeps optional host patterns among optional_permissions.
    ...(browser === "firefox"
      ? { optional_permissions: ["<all_urls>"] }
      : { optional_host_permissions: ["<all_urls>"] }),
    action: { default_title: "__MSG_actionTitle__" },
    // An organisation may push settings and its phrase pack by policy (Chrome's managed
    // storage; Firefox reads managed storage from a native manifest instead).
    ...(browser === "firefox" ? {} : { storage: { managed_schema: "managed_schema.json" } }),
    commands: {
      [browser === "firefox" ? "_execute_sidebar_action" : "_execute_action"]: {
        suggested_key: { default: "Alt+Shift+T" },
        description: "__MSG_cmdOpen__",
      },
      "take-screenshot": {
        suggested_key: { default: "Alt+Shift+S" },
        description: "__MSG_cmdScreenshot__",
      },
    },
    ...(browser === "firefox"
      ? {
          browser_specific_settings: {
            gecko: {
              id: "tresteg@regionhalsan.example",
              strict_min_version: "140.0",
              // Nothing leaves the machine: Tresteg collects and transmits no data.
              data_collection_permissions: { required: ["none"] },
            },
          },
        }
      : {}),
  }),
});
