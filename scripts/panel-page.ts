// The side panel's page as the build writes it (a Vite plugin, used by wxt.config.ts): its
// styles inline in <head>, and its first view as <template>s with the classic script that
// shows one (lib/panel/first-view-boot.ts). Both are there before any script has loaded, so
// the start buttons appear while the page is still being read.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, transform } from "esbuild";
import type { Plugin } from "vite";

const STYLE_MARK = "<!-- tresteg:style -->";
const FIRST_VIEW_MARK = "<!-- tresteg:first-view -->";
const root = fileURLToPath(new URL("..", import.meta.url));

/** The first view's templates, rendered by FirstView itself (bundled for Node, then run). */
async function firstViewTemplates(): Promise<string> {
  const bundle = await build({
    entryPoints: [`${root}components/first-view-markup.tsx`],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    jsx: "automatic",
    jsxImportSource: "preact",
    logLevel: "silent",
  });
  const code = bundle.outputFiles[0]?.text;
  if (!code) throw new Error("Tresteg: the first view's markup did not build");
  const module = (await import(
    `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`
  )) as { firstViewTemplates: () => string };
  return module.firstViewTemplates();
}

/** The panel's styles, minified; inline, they cost the page no extra file to read. */
async function panelStyles(): Promise<string> {
  const css = ["style.css", "tracks.css"]
    .map((name) => readFileSync(`${root}entrypoints/sidepanel/${name}`, "utf8"))
    .join("\n");
  return (await transform(css, { loader: "css", minify: true })).code.trim();
}

const MODULE_TAG = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/;
const PRELOAD_TAG = /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g;

/**
 * The page's module and its preloads, taken out of <head> and handed to the classic script,
 * which loads them once the first view is drawn: in <head>, they are fetched beside the
 * classic script and run before the first frame (measured: that frame ~10 ms later).
 */
function moveModules(html: string): { html: string; attributes: string } {
  const module = MODULE_TAG.exec(html)?.[1];
  if (!module) throw new Error("Tresteg: the built sidepanel.html has no module script to move");
  const preloads = [...html.matchAll(PRELOAD_TAG)].map((m) => m[1]);
  const attributes =
    ` data-panel-module="${module}"` +
    (preloads.length > 0 ? ` data-panel-preloads="${preloads.join(" ")}"` : "");
  return { html: html.replace(MODULE_TAG, "").replace(PRELOAD_TAG, ""), attributes };
}

export function panelPage(): Plugin {
  return {
    name: "tresteg:panel-page",
    transformIndexHtml: {
      order: "post",
      async handler(html, context) {
        if (!html.includes(FIRST_VIEW_MARK)) return html;
        if (!html.includes(STYLE_MARK)) throw new Error(`sidepanel.html lacks ${STYLE_MARK}`);
        const [templates, styles] = await Promise.all([firstViewTemplates(), panelStyles()]);
        // The dev server serves its modules its own way; there the page keeps its tags.
        const moved = context.server ? { html, attributes: "" } : moveModules(html);
        return moved.html
          .replace(STYLE_MARK, () => `<style>${styles}</style>`)
          .replace(
            FIRST_VIEW_MARK,
            () => `${templates}\n<script src="/first-view.js"${moved.attributes}></script>`,
          );
      },
    },
  };
}
