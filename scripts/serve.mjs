// A tiny static file server for the demo meeting and the e2e fixtures. No dependencies, loopback
// only: the extension's host permissions cover http://127.0.0.1/*, and nothing should be
// reachable from outside the machine.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
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

/**
 * Serves rootDir on http://127.0.0.1:<port>/ (port 0 = any free port).
 * @param {string} rootDir
 * @param {number} [port]
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function serveStatic(rootDir, port = 0) {
  const root = resolve(rootDir);
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://127.0.0.1");
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
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((ok) => {
        // Keep-alive sockets from the browser would otherwise hold close() open.
        server.closeAllConnections();
        server.close(() => ok(undefined));
      }),
  };
}
