// The side panel's JavaScript in a build, as the browser reaches it: the page's module script
// (and its modulepreloads) with everything they import statically, which runs before the first
// draw, and then every chunk reached through import() from there, until nothing new is reached.
// The benchmark weighs both (bench/size.mjs); the e2e suite checks what the first set holds.
import { readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";

export function panelScripts(build) {
  const html = readFileSync(join(build, "sidepanel.html"), "utf8");
  const path = (src) => posix.normalize(src.replace(/^\//, ""));
  const roots = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => path(m[1]));
  if (roots.length === 0) throw new Error(`${build}/sidepanel.html: no script found`);
  const code = new Map();
  const lazy = new Set();
  const visit = (file) => {
    if (code.has(file)) return;
    const bytes = readFileSync(join(build, file));
    code.set(file, bytes);
    const text = bytes.toString("utf8");
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
  const atOpen = new Map(code);
  for (let rest = [...lazy]; rest.length > 0; rest = [...lazy].filter((f) => !code.has(f))) {
    for (const file of rest) visit(file);
  }
  const later = new Map([...code].filter(([file]) => !atOpen.has(file)));
  return { atOpen, later };
}
