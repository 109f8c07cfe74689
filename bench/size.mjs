// The side panel's JavaScript, gzipped: the scripts sidepanel.html loads (its module script,
// its modulepreloads) and everything they import statically, each gzipped with node:zlib.
// Chunks reached only through import() load on demand and are listed apart.
import { readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { gzipSync } from "node:zlib";
import { round, row } from "./stats.mjs";

const BAR_BYTES = 40 * 1024;

export function benchPanelJsSize({ build }) {
  const html = readFileSync(join(build, "sidepanel.html"), "utf8");
  const roots = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => posix.normalize(m[1].replace(/^\//, "")));
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
    for (const m of text.matchAll(/\bimport\s*\(\s*["']([^"']+\.js)["']\s*\)/g)) {
      lazy.add(resolve(m[1]));
    }
  };
  for (const file of roots) visit(file);
  const files = Object.fromEntries(seen);
  const gzip = [...seen.values()].reduce((sum, f) => sum + f.gzip, 0);
  const bytes = [...seen.values()].reduce((sum, f) => sum + f.bytes, 0);
  const onDemand = [...lazy].filter((file) => !seen.has(file));
  return {
    rows: [
      row(
        `side panel JS, gzipped (${seen.size} files, ${round(bytes / 1024)} KB raw)`,
        `${round(gzip / 1024)} KB`,
        "≤ 40 KB",
        gzip <= BAR_BYTES,
      ),
    ],
    results: { panelJs: { gzipBytes: gzip, rawBytes: bytes, files, onDemand } },
  };
}
