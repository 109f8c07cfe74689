// The side panel's JavaScript, gzipped with node:zlib, in two figures:
// - at open: the page's module script (and its modulepreloads) and everything they import
//   statically: what runs before the first start button is drawn;
// - in all: that, plus every chunk reached from there through import() (the draft, history and
//   ZIP after the call), and what those import. No bar on the total: the durable log's
//   database code is in it, and it is worth its size.
import { readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { gzipSync } from "node:zlib";
import { round, row } from "./stats.mjs";

export function benchPanelJsSize({ build }) {
  const html = readFileSync(join(build, "sidepanel.html"), "utf8");
  const path = (src) => posix.normalize(src.replace(/^\//, ""));
  const roots = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => path(m[1]));
  if (roots.length === 0) throw new Error("sidepanel.html: no script found");
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
  // Every chunk loaded on demand, and what it imports, until nothing new is reached.
  for (let rest = [...lazy]; rest.length > 0; rest = [...lazy].filter((f) => !seen.has(f))) {
    for (const file of rest) visit(file);
  }
  const all = sum(seen);
  return {
    rows: [
      row(
        `side panel JS at open, gzipped (${atOpen.files} files, ${round(atOpen.bytes / 1024)} KB raw)`,
        `${round(atOpen.gzip / 1024)} KB`,
      ),
      row(
        `side panel JS in all, with the after-call code, gzipped (${all.files} files, ${round(all.bytes / 1024)} KB raw)`,
        `${round(all.gzip / 1024)} KB`,
      ),
    ],
    results: {
      panelJs: {
        atOpen: { gzipBytes: atOpen.gzip, rawBytes: atOpen.bytes, files: atOpen.files },
        gzipBytes: all.gzip,
        rawBytes: all.bytes,
        files: Object.fromEntries(seen),
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
