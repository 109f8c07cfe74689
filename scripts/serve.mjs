// A tiny static file server for the demo meeting and the e2e fixtures. No dependencies, loopback
// only: the extension's host permissions cover http://127.0.0.1/*, and nothing should be
// reachable from outside the machine.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { extname, join, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".webm": "video/webm",
  ".mp4": "video/mp4",
  ".txt": "text/plain; charset=utf-8",
};

async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = resolve(join(root, decoded));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  try {
    const info = await stat(file);
    if (info.isFile()) return { file, size: info.size };
    if (info.isDirectory()) {
      const index = join(file, "index.html");
      const indexInfo = await stat(index);
      if (indexInfo.isFile()) return { file: index, size: indexInfo.size };
    }
  } catch {
    // Missing files fall through to 404.
  }
  return undefined;
}

/** The path after the longest alias prefix it starts with, else the path itself. */
function aliased(pathname, aliases) {
  const prefix = Object.keys(aliases)
    .filter((from) => pathname.startsWith(from))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? pathname : aliases[prefix] + pathname.slice(prefix.length);
}

/**
 * Serves rootDir on http://127.0.0.1:<port>/ (port 0 = any free port).
 * With `tls` ({ key, cert } in PEM) it serves https instead, for pages that must load at a
 * platform's real address (the e2e tests map the host to this server). `aliases` maps URL
 * path prefixes to repository paths, e.g. { "/wc/123/": "/tests/e2e/fixtures/platforms/" }.
 * @param {string} rootDir
 * @param {number} [port]
 * @param {{ tls?: { key: string, cert: string }, aliases?: Record<string, string> }} [options]
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function serveStatic(rootDir, port = 0, options = {}) {
  const root = resolve(rootDir);
  const aliases = options.aliases ?? {};
  const handler = async (req, res) => {
    const { pathname: requested } = new URL(req.url ?? "/", "http://127.0.0.1");
    const pathname = aliased(requested, aliases);
    const found =
      req.method === "GET" || req.method === "HEAD" ? await resolveFile(root, pathname) : undefined;
    if (!found) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("404 Not Found\n");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(found.file).toLowerCase()] ?? "application/octet-stream",
      "content-length": found.size,
      // Tests rebuild and reload often; a stale cached page would hide the change under test.
      "cache-control": "no-store",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(found.file).pipe(res);
  };
  const server = options.tls ? createHttpsServer(options.tls, handler) : createServer(handler);
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((ok) => {
        // Keep-alive sockets from the browser would otherwise hold close() open.
        server.closeAllConnections();
        server.close(() => ok(undefined));
      }),
  };
}
