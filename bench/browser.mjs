// Browser plumbing shared by the benchmark's scenarios: copies of the build, a fresh Chromium
// per scenario, tab ids, windows of an exact size, and the panel in its popup window. Mirrors
// tests/e2e/harness.ts, which the benchmark does not import (it is TypeScript, run by vitest).
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions, ensureChromium } from "../scripts/ensure-chromium.mjs";
import { serveStatic } from "../scripts/serve.mjs";

export const PANEL_SIZE = { width: 420, height: 900 };

/** Polls `probe` until it returns something other than undefined. */
export async function poll(what, timeoutMs, probe) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A copy of the build under `tmp`: `blank` adds an empty extension page (the floor of the
 * open figure) and a page with one module script that draws one button (for comparison), `grant` lists optional host permissions as granted, as the e2e harness does.
 * The shipped build in .output is never touched.
 */
export function copyBuild(build, tmp, { blank = false, grant = [] } = {}) {
  const dir = mkdtempSync(join(tmp, "ext-"));
  cpSync(build, dir, { recursive: true });
  if (blank) {
    writeFileSync(join(dir, "blank.html"), "<!doctype html><html><body></body></html>");
    // The least a page drawn by script can cost: one module script that adds one button.
    writeFileSync(
      join(dir, "scripted.html"),
      '<!doctype html><html><head><script type="module" src="/scripted.js"></script></head><body></body></html>',
    );
    writeFileSync(
      join(dir, "scripted.js"),
      'const b = document.createElement("button"); b.className = "kind"; b.textContent = "Start"; document.body.append(b);\n',
    );
  }
  if (grant.length > 0) {
    const path = join(dir, "manifest.json");
    const manifest = JSON.parse(readFileSync(path, "utf8"));
    const optional = manifest.optional_host_permissions ?? [];
    for (const origin of grant) {
      if (!optional.includes(origin)) throw new Error(`${origin} is not optional in the build`);
    }
    manifest.host_permissions = [...(manifest.host_permissions ?? []), ...grant];
    writeFileSync(path, JSON.stringify(manifest));
  }
  return dir;
}

const isExtensionWorker = (worker) => worker.url().startsWith("chrome-extension://");

/**
 * Chromium on a fresh profile under `tmp` with the extension in `extDir`. With `real` (from
 * serveRealOrigins) the platforms' real hosts resolve to that local https server. With
 * `display` (an X display such as ":93") it runs headed there; `fakeMediaUi: false` keeps the
 * browser's real media prompts (see chromiumLaunchOptions).
 */
export async function launch(extDir, tmp, { real, display, fakeMediaUi = true } = {}) {
  const profile = mkdtempSync(join(tmp, "profile-"));
  const options = chromiumLaunchOptions(ensureChromium({ install: false }), extDir, {
    headless: !display,
    fakeMediaUi,
  });
  if (display) options.env = { ...options.env, DISPLAY: display };
  if (real) {
    options.args.push(
      `--host-resolver-rules=${real.hosts.map((host) => `MAP ${host} 127.0.0.1:${real.server.port}`).join(",")}`,
      "--ignore-certificate-errors",
    );
  }
  const context = await chromium.launchPersistentContext(profile, options);
  try {
    const worker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent("serviceworker", {
        predicate: isExtensionWorker,
        timeout: 20_000,
      }));
    const id = new URL(worker.url()).host;
    const start = context.pages().find((page) => page.url() === "about:blank");
    return { context, worker, id, start, profile };
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}

/** The chrome.tabs id of the one tab showing `page`'s URL. */
export async function tabIdOf(worker, page) {
  const url = page.url();
  return poll(`a tab showing ${url}`, 10_000, async () => {
    const ids = await worker.evaluate(
      async (url) =>
        (await chrome.tabs.query({}))
          .filter((t) => (t.url || t.pendingUrl) === url)
          .map((t) => t.id),
      url,
    );
    if (ids.length > 1) throw new Error(`${ids.length} tabs show ${url}`);
    return ids[0];
  });
}

/**
 * Resizes the window of `tabId` so that `page`'s viewport is exactly width × height CSS
 * pixels: chrome.windows.update sets the outer size, so the frame (if any) is measured and
 * added. Throws if the viewport still differs.
 */
export async function sizeViewport(worker, page, tabId, { width, height }) {
  const resize = (size) =>
    worker.evaluate(
      async ({ tabId, size }) => {
        const tab = await chrome.tabs.get(tabId);
        await chrome.windows.update(tab.windowId, { ...size, state: "normal" });
      },
      { tabId, size },
    );
  const viewport = () =>
    page.evaluate(() => ({
      width: innerWidth,
      height: innerHeight,
      outerWidth,
      outerHeight,
      dpr: devicePixelRatio,
    }));
  // The page sees the new outer size once the resize has landed; the frame is the difference.
  const outer = (want) =>
    poll(`a ${want.width}×${want.height} window`, 5_000, async () => {
      const seen = await viewport();
      return seen.outerWidth === want.width && seen.outerHeight === want.height ? seen : undefined;
    });
  await resize({ width, height });
  let seen = await outer({ width, height });
  const frame = { width: seen.outerWidth - seen.width, height: seen.outerHeight - seen.height };
  if (frame.width !== 0 || frame.height !== 0) {
    const want = { width: width + frame.width, height: height + frame.height };
    await resize(want);
    await outer(want);
  }
  seen = await poll(`a ${width}×${height} viewport`, 5_000, async () => {
    const now = await viewport();
    return now.width === width && now.height === height ? now : undefined;
  }).catch(() => viewport());
  if (seen.width !== width || seen.height !== height) {
    throw new Error(`Viewport is ${seen.width}×${seen.height}, wanted ${width}×${height}`);
  }
  return { ...seen, frame };
}

/** The side panel for `tabId` in its own 420×900 popup window, as the e2e harness opens it. */
export async function openPanel({ context, worker, id }, tabId) {
  const url = `chrome-extension://${id}/sidepanel.html?tab=${tabId}`;
  const before = new Set(context.pages());
  await worker.evaluate(
    async ({ url, size }) => {
      await chrome.windows.create({ url, type: "popup", ...size });
    },
    { url, size: PANEL_SIZE },
  );
  const page = await poll(`the panel window at ${url}`, 15_000, async () =>
    context.pages().find((page) => !before.has(page) && page.url() === url),
  );
  await page.waitForLoadState("domcontentloaded");
  return page;
}

/**
 * Clicks "calm-down" `n` times in the panel's open incident, each click timed in the page
 * until the panel shows the phrase said once more (committed and drawn). `paced`: each click
 * waits until the previous one has been painted, as a person's would. `from`: how many times
 * it was said before. Returns the times, ms.
 */
export function sayCalmDown(panel, n, { paced = false, from = 0 } = {}) {
  return panel.evaluate(
    async ({ n, paced, from }) => {
      const button = document.querySelector('button[data-phrase-id="calm-down"]');
      const status = document.getElementById("said-calm-down");
      const drawn = () =>
        new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const times = [];
      for (let i = 1; i <= n; i++) {
        const count = from + i;
        const want = count === 1 ? /^✓ Sagt \d/ : new RegExp(`Sagt ${count} gånger`);
        if (paced) await drawn();
        const t0 = performance.now();
        await new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (want.test(status.textContent) && !button.hasAttribute("aria-busy")) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
          // A write slower than the panel's busy threshold marks the button busy, and its end
          // may come after the text: watch the mark too, or such a click is never seen done.
          observer.observe(button, { attributes: true, attributeFilter: ["aria-busy"] });
          button.click();
        });
        times.push(performance.now() - t0);
      }
      return times;
    },
    { n, paced, from },
  );
}

/**
 * The repo over https for the platforms' real hosts, with a self-signed certificate made now
 * by openssl into `tmp`, as tests/e2e/harness.ts serves them (serveRealOrigins there): the
 * manifest's own match patterns then put the meeting script on the page, and the adapter is
 * chosen by the real origin. `aliases` maps URL path prefixes to repo paths (Zoom's /wc/…).
 */
export async function serveRealOrigins(root, tmp, hosts, aliases = {}) {
  const dir = mkdtempSync(join(tmp, "tls-"));
  const key = join(dir, "key.pem");
  const cert = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=tresteg-bench",
      "-addext",
      `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(",")}`,
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "ignore" },
  );
  const tls = { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
  const server = await serveStatic(root, 0, { tls, aliases });
  return { server, hosts, origin: (host) => `https://${host}` };
}
