// The one e2e fixture: a real Chromium with the built extension (the development build, .output/chrome-mv3-dev), fake
// camera/microphone, and a loopback static server for the demo meeting and test fixtures.
//
// The server serves the repository root, so pages are addressed by their repo path:
//   `${baseUrl}/demo/meeting.html`, `${baseUrl}/tests/e2e/fixtures/<file>`.
// Set TRESTEG_HEADED=1 (with a display) to watch a run.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page, type Worker } from "playwright-core";
import type { Browser } from "wxt/browser";
import { chromiumLaunchOptions, ensureChromium } from "../../scripts/ensure-chromium.mjs";
import { type StaticServer, serveStatic } from "../../scripts/serve.mjs";
import { poll } from "../shared/until";

// Only for typing the callbacks evaluated inside the extension's worker.
declare const chrome: typeof Browser;

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
// The development build (npm run build:dev): only it may act on the loopback fixture pages.
export const EXTENSION_DIR = join(REPO_ROOT, ".output", "chrome-mv3-dev");

export const PANEL_SIZE = { width: 420, height: 900 };
export const MEETING_SIZE = { width: 1280, height: 800 };

export interface Tresteg {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** The extension's service worker; evaluate `chrome.*` calls in it. */
  readonly worker: Worker;
  /** Static server over the repo root, e.g. `${baseUrl}/demo/meeting.html`. */
  readonly baseUrl: string;
  readonly userDataDir: string;
  /**
   * With `realOrigins`: the https address of a platform's real host, served from the repo
   * (e.g. `realOrigin("meet.google.com")` + "/tests/e2e/fixtures/platforms/google-meet.html").
   */
  realOrigin(host: string): string;
  /** Opens a page of the static server (a repo path, or a whole address) in its own 1280x800 window. */
  openMeeting(path?: string): Promise<Page>;
  /**
   * The chrome.tabs id of a page, found by its URL (unique among the tabs, and covered by the
   * extension's host permissions, as 127.0.0.1 is, since it has no "tabs" permission).
   */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the side panel UI for a tab in its own 420x900 popup window. */
  openPanel(tabId: number): Promise<Page>;
  /**
   * Closes the browser and starts it again on the same profile; the server keeps running.
   * Pages, tab ids and the worker from before are gone; read `worker`/`context` afresh.
   */
  restart(): Promise<void>;
  /** Kills the browser with SIGKILL (no flush, no close), then starts it on the same profile. */
  crashAndRestart(): Promise<void>;
  /**
   * Kills the browser's own process (found by its id, the one of this profile without a
   * --type) with SIGKILL, as a crash of the browser would end it, then starts it on the same
   * profile. Returns the id that was killed.
   */
  killBrowserAndRestart(): Promise<number>;
  close(): Promise<void>;
}

const isExtensionWorker = (worker: Worker) => worker.url().startsWith("chrome-extension://");

async function findExtensionWorker(context: BrowserContext): Promise<Worker> {
  // Listen before looking, so a worker that registers in between is not missed.
  const appearing = context.waitForEvent("serviceworker", {
    predicate: isExtensionWorker,
    timeout: 20_000,
  });
  const existing = context.serviceWorkers().find(isExtensionWorker);
  if (existing) {
    appearing.catch(() => {});
    return existing;
  }
  try {
    return await appearing;
  } catch {
    throw new Error(
      `The extension's service worker did not start. Is ${EXTENSION_DIR} a valid build? ` +
        "Branded Google Chrome 137+ ignores --load-extension; use Chromium (CHROME_PATH).",
    );
  }
}

class Harness implements Tresteg {
  context!: BrowserContext;
  extensionId = "";
  private currentWorker: Worker | undefined;
  // The about:blank tab Chromium starts with; the first openMeeting() reuses it.
  private startPage: Page | undefined;

  constructor(
    private readonly server: StaticServer,
    private readonly executablePath: string,
    readonly userDataDir: string,
    private readonly ownsProfile: boolean,
    private readonly extensionDir: string,
    private readonly display?: string,
    private readonly lang?: string,
    private readonly real?: { server: StaticServer; hosts: string[]; certDir: string },
    private readonly fakeMediaUi = true,
  ) {}

  realOrigin(host: string) {
    if (!this.real?.hosts.includes(host)) {
      throw new Error(
        `${host} is not among the real origins this harness maps; pass it in realOrigins`,
      );
    }
    return `https://${host}`;
  }

  get baseUrl() {
    return this.server.url;
  }

  get worker(): Worker {
    if (this.currentWorker) return this.currentWorker;
    const found = this.context.serviceWorkers().find(isExtensionWorker);
    if (!found) throw new Error("The extension's service worker is not running");
    this.adoptWorker(found);
    return found;
  }

  private adoptWorker(worker: Worker) {
    this.currentWorker = worker;
    this.extensionId = new URL(worker.url()).host;
    // MV3 workers may be stopped and restarted by Chrome; pick the new one up lazily.
    worker.once("close", () => {
      if (this.currentWorker === worker) this.currentWorker = undefined;
    });
  }

  async launch() {
    const headless = !process.env.TRESTEG_HEADED && !this.display;
    const options = chromiumLaunchOptions(this.executablePath, this.extensionDir, {
      headless,
      ...(this.lang ? { lang: this.lang } : {}),
      fakeMediaUi: this.fakeMediaUi,
    });
    if (this.real) {
      const { port } = this.real.server;
      (options.args ??= []).push(
        // The platforms' real hosts resolve to the local https server; its certificate is
        // self-signed, made for this run.
        `--host-resolver-rules=${this.real.hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(",")}`,
        "--ignore-certificate-errors",
      );
    }
    this.context = await chromium.launchPersistentContext(this.userDataDir, {
      ...options,
      ...(this.display ? { env: { ...options.env, DISPLAY: this.display } } : {}),
    });
    try {
      this.adoptWorker(await findExtensionWorker(this.context));
    } catch (error) {
      await this.context.close().catch(() => {});
      throw error;
    }
    this.startPage = this.context.pages().find((page) => page.url() === "about:blank");
  }

  async openMeeting(path = "/demo/meeting.html") {
    const page = this.startPage ?? (await this.context.newPage());
    this.startPage = undefined;
    await page.goto(new URL(path, this.baseUrl).href);
    const tabId = await this.tabIdOf(page);
    await this.worker.evaluate(
      async ({ tabId, size }) => {
        const tab = await chrome.tabs.get(tabId);
        await chrome.windows.update(tab.windowId, { ...size, state: "normal" });
      },
      { tabId, size: MEETING_SIZE },
    );
    return page;
  }

  async tabIdOf(page: Page) {
    const url = page.url();
    const ids = await poll(`a tab showing ${url}`, 10_000, async () => {
      const found = await this.worker.evaluate(async (url) => {
        const tabs = await chrome.tabs.query({});
        return tabs.filter((tab) => (tab.url || tab.pendingUrl) === url).map((tab) => tab.id);
      }, url);
      return found.length > 0 ? found : undefined;
    });
    const [id] = ids;
    if (ids.length > 1 || id === undefined) {
      throw new Error(`${ids.length} tabs show ${url}; give them distinct URLs (e.g. ?n=2)`);
    }
    return id;
  }

  async openPanel(tabId: number) {
    const url = `chrome-extension://${this.extensionId}/sidepanel.html?tab=${tabId}`;
    const before = new Set(this.context.pages());
    await this.worker.evaluate(
      async ({ url, size }) => {
        await chrome.windows.create({ url, type: "popup", ...size });
      },
      { url, size: PANEL_SIZE },
    );
    const page = await poll(`the panel window at ${url}`, 15_000, async () =>
      this.context.pages().find((page) => !before.has(page) && page.url() === url),
    );
    await page.waitForLoadState("domcontentloaded");
    return page;
  }

  async restart() {
    await this.context.close();
    this.currentWorker = undefined;
    await this.launch();
  }

  /**
   * Kills every process of this browser with SIGKILL, as a crash or a power cut of the
   * browser would (no chance to flush or close anything), then starts it on the same profile.
   */
  async crashAndRestart() {
    spawnSync("pkill", ["-KILL", "-f", `--user-data-dir=${this.userDataDir}`]);
    await this.context.close().catch(() => undefined);
    this.currentWorker = undefined;
    await this.launch();
  }

  async killBrowserAndRestart() {
    const pid = browserProcessOf(this.userDataDir);
    process.kill(pid, "SIGKILL");
    await this.context.close().catch(() => undefined);
    this.currentWorker = undefined;
    await this.launch();
    return pid;
  }

  async close() {
    await this.context?.close().catch(() => {});
    await this.server.close();
    if (this.real) {
      await this.real.server.close();
      await rm(this.real.certDir, { recursive: true, force: true });
    }
    if (this.ownsProfile) await rm(this.userDataDir, { recursive: true, force: true });
    if (this.extensionDir !== EXTENSION_DIR) {
      await rm(this.extensionDir, { recursive: true, force: true });
    }
  }
}

/** The id of the browser process (not a renderer or helper: those have --type=) of a profile. */
function browserProcessOf(userDataDir: string): number {
  const found = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      let args: string[];
      try {
        args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      } catch {
        return false; // ended meanwhile
      }
      return (
        args.includes(`--user-data-dir=${userDataDir}`) &&
        !args.some((a) => a.startsWith("--type="))
      );
    })
    .map(Number);
  if (found.length !== 1) {
    throw new Error(`Expected one browser process for ${userDataDir}, found ${found.length}`);
  }
  return found[0] as number;
}

/**
 * The built extension as the coach would have it after granting optional host permissions
 * (the browser's prompt cannot be answered from a test): a copy of the build whose manifest
 * lists them as granted. Everything else is the shipped build, byte for byte.
 */
async function withGrantedPermissions(origins: string[]): Promise<string> {
  const dir = await copyOfBuild();
  const manifestPath = join(dir, "manifest.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
  const optional: string[] = manifest.optional_host_permissions ?? [];
  for (const origin of origins) {
    if (!optional.includes(origin)) {
      throw new Error(`${origin} is not an optional permission of the build; cannot grant it`);
    }
  }
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return dir;
}

/** A copy of the build in a temporary folder (removed when the harness closes). */
async function copyOfBuild(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tresteg-e2e-ext-"));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  return dir;
}

export async function launchTresteg(
  opts: {
    userDataDir?: string;
    /** Optional host permissions to hold as if the coach had granted them, e.g. <all_urls>. */
    grant?: string[];
    /** An X display (e.g. an Xvfb's ":97"): the browser runs headed there, for real keys. */
    display?: string;
    /** The browser's UI language (Swedish unless given), which the panel follows. */
    lang?: string;
    /** Damages a copy of the build before it is loaded (an install gone wrong). */
    damage?: (dir: string) => Promise<void>;
    /**
     * Serve the repo over https at these real hosts too (meet.google.com, app.zoom.us, …), so
     * the extension meets a page at its real origin. `aliases` maps path prefixes to repo
     * paths (Zoom's adapter wants /wc/…).
     */
    realOrigins?: { hosts: string[]; aliases?: Record<string, string> };
    /** False: no --use-fake-ui-for-media-stream (it answers a tab's sound "device not found"). */
    fakeMediaUi?: boolean;
  } = {},
): Promise<Tresteg> {
  if (!existsSync(join(EXTENSION_DIR, "manifest.json"))) {
    throw new Error(`${EXTENSION_DIR}/manifest.json is missing: run \`npm run build:dev\` first`);
  }
  // Never installs from here: a test run must not apt-get behind the user's back.
  const executablePath = ensureChromium({ install: false });
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), "tresteg-e2e-")));
  const server = await serveStatic(REPO_ROOT);
  let extensionDir = opts.grant?.length ? await withGrantedPermissions(opts.grant) : EXTENSION_DIR;
  if (opts.damage) {
    if (extensionDir === EXTENSION_DIR) extensionDir = await copyOfBuild();
    await opts.damage(extensionDir);
  }
  const real = opts.realOrigins ? await serveRealOrigins(opts.realOrigins) : undefined;
  const harness = new Harness(
    server,
    executablePath,
    userDataDir,
    !opts.userDataDir,
    extensionDir,
    opts.display,
    opts.lang,
    real,
    opts.fakeMediaUi ?? true,
  );
  try {
    await harness.launch();
  } catch (error) {
    await harness.close();
    throw error;
  }
  return harness;
}

/**
 * An https server over the repo for the given hosts, with a self-signed certificate made now
 * by openssl (on every machine the tests run on; no library needed for one command) into a
 * temporary folder that close() removes.
 */
async function serveRealOrigins(opts: { hosts: string[]; aliases?: Record<string, string> }) {
  const certDir = await mkdtemp(join(tmpdir(), "tresteg-e2e-tls-"));
  const key = join(certDir, "key.pem");
  const cert = join(certDir, "cert.pem");
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
      "/CN=tresteg-e2e",
      "-addext",
      `subjectAltName=${opts.hosts.map((host) => `DNS:${host}`).join(",")}`,
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "ignore" },
  );
  const tls = { key: await readFile(key, "utf8"), cert: await readFile(cert, "utf8") };
  const server = await serveStatic(REPO_ROOT, 0, { tls, aliases: opts.aliases ?? {} });
  return { server, hosts: opts.hosts, certDir };
}

export { readDb } from "../shared/read-stores";
export { chainVerifies } from "../shared/chain-check";
