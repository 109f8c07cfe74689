// The side panel's JavaScript, gzipped with node:zlib, in three figures:
// - before the first view: the classic script sidepanel.html runs while it is read, which
//   shows the first view from the page's own templates;
// - at open: that, plus the module it then loads (named on its tag, with the module's first
//   imports) and everything they import statically: what takes the first view over;
// - in all: that, plus what the first view imports right after its first paint (the
//   database, the steps, the log) and everything that imports statically. Chunks reached only
//   from there through import() (the draft, history, ZIP after the call) are listed apart.
import { readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { gzipSync } from "node:zlib";
import { round, row } from "./stats.mjs";

const BAR_BYTES = 40 * 1024;

export function benchPanelJsSize({ build }) {
  const html = readFileSync(join(build, "sidepanel.html"), "utf8");
  const path = (src) => posix.normalize(src.replace(/^\//, ""));
  const classic = [...html.matchAll(/<script\b(?![^>]*type="module")[^>]*\bsrc="([^"]+\.js)"/g)];
  const roots = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
    ...html.matchAll(/\bdata-panel-module="([^"]+\.js)"/g),
  ].map((m) => path(m[1]));
  for (const m of html.matchAll(/\bdata-panel-preloads="([^"]+)"/g)) {
    roots.push(...m[1].split(" ").map(path));
  }
  if (classic.length !== 1 || !html.includes("data-panel-module=")) {
    throw new Error("sidepanel.html: expected one classic script that names the panel's module");
  }
  const first = readFileSync(join(build, path(classic[0][1])));
  const firstGzip = gzipSync(first, { level: 9 }).length;
  const seen = new Map();
  const lazy = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    const code = readFileSync(join(build, file));
    seen.set(file, { bytes: code.length, gzip: gzipSync(code, { level: 9 }).length });
    const text = code.toString("utf8");
    const resolve = (spec) =>
      spec.startsWith("/")
        ? spec.slice(1)
        : posix.normalize(posix.join(dirname(file).replaceAll("\\", "/"), spec));
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      visit(resolve(m[1]));
    }
    for (const m of text.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) {
      lazy.add(resolve(m[1]));
    }
  };
  for (const file of roots) visit(file);
  const atOpen = sum(seen);
  // What the first view loads once it is on screen.
  const rest = [...lazy].filter((file) => !seen.has(file));
  lazy.clear();
  for (const file of rest) visit(file);
  const all = sum(seen);
  const onDemand = [...lazy].filter((file) => !seen.has(file));
  return {
    rows: [
      row(
        "side panel JS before its first view is drawn (the page's classic script), gzipped",
        `${round(firstGzip / 1024)} KB`,
      ),
      row(
        `side panel JS at open (first view taken over), gzipped (${atOpen.files} files)`,
        `${round(atOpen.gzip / 1024)} KB`,
        "≤ 40 KB",
        atOpen.gzip <= BAR_BYTES,
      ),
      row(
        `side panel JS in all, with the log loaded after first paint (${all.files} files, ${round(all.bytes / 1024)} KB raw)`,
        `${round(all.gzip / 1024)} KB`,
        "≤ 40 KB",
        all.gzip <= BAR_BYTES,
      ),
    ],
    results: {
      panelJs: {
        beforeFirstView: { gzipBytes: firstGzip, rawBytes: first.length },
        atOpen: { gzipBytes: atOpen.gzip, rawBytes: atOpen.bytes },
        gzipBytes: all.gzip,
        rawBytes: all.bytes,
        files: Object.fromEntries(seen),
        onDemand,
      },
    },
  };
}

function sum(seen) {
  const files = [...seen.values()];
  return {
    files: files.length,
    gzip: files.reduce((total, f) => total + f.gzip, 0),
    bytes: files.reduce((total, f) => total + f.bytes, 0),
  };
}
