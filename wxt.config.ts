import { defineConfig } from "wxt";
// Host permissions: the meeting platforms Tresteg knows (read the meeting tab's origin and
// title, and act on the page: cover the client's video, the coach's own mic and camera), plus,
// in a development build only (`--mode development`: the demo, the tests, the benchmark),
// localhost for the local demo/practice meeting. Everything else is asked for at run time.
import { MEETING_HOSTS } from "./lib/platforms/hosts";
import { en, sv } from "./lib/i18n/messages";
import { localeMessages } from "./lib/i18n/languages";
import { verifierPlugin } from "./scripts/verifier.mjs";
import { staticallyImportedBy } from "./lib/build-chunks";
import { keepsLoopback, withoutLoopback } from "./lib/build-hosts";

export default defineConfig({
  imports: false,
  vite: () => ({
    resolve: {
      // Dexie's ES2018 module build: smaller gzipped than the UMD build its package
      // points bundlers at, and no CommonJS wrapper. The same release; tests use the default.
      alias: [{ find: /^dexie$/, replacement: "dexie/dist/modern/dexie.mjs" }],
    },
    // verify.html, the offline checker every ZIP export carries, built from lib/verify.
    plugins: [verifierPlugin()],
  }),
  hooks: {
    // The side panel's pages build: what the panel loads before its first draw in one chunk
    // (lib/build-chunks.ts). Dexie is not in it: the panel draws from a first read with
    // IndexedDB itself and imports Dexie after (lib/log/storage.ts). Content scripts are
    // single IIFE files and take no chunks.
    "vite:build:extendConfig": (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.type === "sidepanel")) return;
      config.build ??= {};
      config.build.rollupOptions ??= {};
      const output = config.build.rollupOptions.output;
      if (Array.isArray(output)) throw new Error("wxt.config.ts: one output expected");
      config.build.rollupOptions.output = {
        ...output,
        codeSplitting: {
          groups: [
            {
              debugName: "panel",
              name: staticallyImportedBy(
                (id) => /[\\/]entrypoints[\\/]sidepanel[\\/]index\.html$/.test(id),
                (id) => /[\\/]entrypoints[\\/]/.test(id),
                "panel",
              ),
            },
          ],
        },
      };
    },
    // `imports: false` stops WXT declaring auto-imports, but its unimport transform still runs
    // and adds `import { storage } from "wxt/utils/storage"` to any module with a parameter
    // named `storage` (wxt/dist/builtin-modules/unimport.mjs passes the options on without
    // looking at `disabled`). That import runs @wxt-dev/storage's setup in every page. Every
    // module here imports what it uses, so the transform is given nothing to look at.
    "config:resolved": (wxt) => {
      Object.assign(wxt.config.imports, { exclude: [/./] });
    },
    // A production build carries no plain-http loopback access (lib/build-hosts.ts).
    "build:manifestGenerated": (wxt, manifest) => {
      if (keepsLoopback(wxt.config.mode)) return;
      Object.assign(manifest, withoutLoopback(manifest));
    },
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
  },
  manifest: ({ browser }) => ({
    // The browser's own UI (extension list, shortcuts) speaks the user's language through
    // _locales, Swedish by default; so does the panel, and the coach may switch it.
    default_locale: "sv",
    name: "__MSG_extName__",
    description: "__MSG_extDescription__",
    // activeTab: the toolbar icon (lib/worker/panel-opening.ts) and a keyboard command grant
    // it for the meeting tab, so the panel's button and Alt+Shift+S capture without any
    // broader permission. notifications + alarms: the two-minute wait tells a
    // coach whose panel is closed that the time is up. scripting: puts the meeting script
    // into a meeting tab that was open before Tresteg was installed or updated.
    // tabCapture + offscreen (Chrome): "Spela in samtalet" records the meeting tab in an
    // offscreen document, which goes on when the panel closes. Firefox has neither.
    permissions: [
      "storage",
      "activeTab",
      "notifications",
      "alarms",
      "scripting",
      ...(browser === "firefox" ? [] : ["tabCapture", "offscreen"]),
    ],
    host_permissions: MEETING_HOSTS,
    // Asked for at run time only: a screenshot from a panel no icon click opened over the
    // meeting (its own window, a meeting moved to another site) needs <all_urls>, and an
    // organisation's own platform needs host access. Firefox MV2 keeps optional host patterns among optional_permissions.
    ...(browser === "firefox"
      ? { optional_permissions: ["<all_urls>"] }
      : { optional_host_permissions: ["<all_urls>"] }),
    action: { default_title: "__MSG_actionTitle__" },
    // An organisation may push settings and its phrase pack by policy (docs/deploy.md). Chrome
    // delivers a policy's 3rdparty values only to an extension that declares their schema;
    // Firefox gives its policies.json 3rdparty values to the add-on's fixed id (below) without
    // one (Mozilla's Extension Workshop, "Enterprise development").
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
      ...(browser === "firefox"
        ? {}
        : {
            "record-call": {
              suggested_key: { default: "Alt+Shift+V" },
              description: "__MSG_cmdRecord__",
            },
          }),
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
