// The Firefox fixture: Debian's firefox-esr (or FIREFOX_PATH), driven by puppeteer-core over
// WebDriver BiDi, with the Firefox build (.output/firefox-mv2) installed as a temporary add-on,
// fake camera/microphone, and the same loopback static server as the Chromium e2e tests
// (`${baseUrl}/demo/meeting.html`).
//
// How the extension's own pages are reached (measured on Firefox 153 ESR, puppeteer-core 24):
// - BiDi refuses to navigate to moz-extension:// ("Navigation to … is not allowed in this
//   context"), and a web page may not open one (window.open: "Access to … from script denied";
//   a link click does nothing). Firefox's remote agent also hides extension documents from
//   BiDi's events (bug 1755014), so puppeteer never sees a page arrive at one.
// - With --remote-allow-system-access, navigating a tab there works, and script evaluation,
//   the accessibility-tree locators and real (input.performActions) clicks work in the
//   extension page. Only the navigation events stay hidden: page.url() reads about:blank and
//   page.goto() would wait forever, so pages are navigated through the BiDi command directly.
// - A fixed extension UUID (pref extensions.webextensions.uuids) makes the address known.
// - Any document of the extension's origin gets the extension APIs and its IndexedDB. The
//   harness keeps one open at manifest.json (runs none of Tresteg's code) as a "console" to
//   evaluate browser.tabs/windows calls and to read the database, as the Chromium harness does
//   in the service worker. The panel itself is opened the way Tresteg opens a detached panel:
//   browser.windows.create({ type: "popup" }) at sidepanel.html?tab=<id>.
//
// Offline: prefs switch off updates, telemetry, studies, captive-portal and connectivity
// checks, Safe Browsing, remote settings, push and prefetching, and MOZ_DISABLE_NONLOCAL_
// CONNECTIONS=1 makes Firefox abort on any connection that is not to this machine (measured
// with strace: no DNS query and no connect() beyond loopback during a run). A stray connection
// attempt therefore fails the test run loudly ("Non-local network connections are disabled").
//
// Set TRESTEG_HEADED=1 (with a display) to watch a run.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer, { type Browser as Firefox, type Page } from "puppeteer-core";
import type { Browser as WebExtensionApi } from "wxt/browser";
import { ensureFirefox, L10N_HINT } from "../../scripts/ensure-firefox.mjs";
import { type StaticServer, serveStatic } from "../../scripts/serve.mjs";
import { poll } from "../shared/until";

// Only for typing the callbacks evaluated inside extension pages.
declare const browser: typeof WebExtensionApi;

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
// The development build (`wxt build -b firefox --mode development`), which keeps localhost.
export const EXTENSION_DIR = join(REPO_ROOT, ".output", "firefox-mv2-dev");

export const PANEL_SIZE = { width: 420, height: 900 };
export const MEETING_SIZE = { width: 1280, height: 800 };

/** Fixed per run, so that the extension's pages have a known address. */
const EXTENSION_UUID = randomUUID();

/**
 * Preferences for a Firefox that makes no connection of its own and behaves the same on every
 * run. puppeteer and Firefox's remote agent set many of these already; they are repeated here
 * so that this list alone says what the tests rely on.
 */
function firefoxPrefs(addonId: string): Record<string, unknown> {
  return {
    // The extension's address: moz-extension://<uuid>/.
    "extensions.webextensions.uuids": JSON.stringify({ [addonId]: EXTENSION_UUID }),
    // A Swedish coach's browser (needs the sv-SE language pack: scripts/ensure-firefox.mjs).
    "intl.locale.requested": "sv-SE",
    "intl.accept_languages": "sv-SE, sv",
    // Fake camera and microphone, no permission prompt (the demo meeting asks for both).
    "media.navigator.streams.fake": true,
    "media.navigator.permission.disabled": true,
    // No updates of Firefox, add-ons, search engines or media plugins.
    "app.update.disabledForTesting": true,
    "app.update.auto": false,
    "app.update.checkInstallTime": false,
    "extensions.update.enabled": false,
    "extensions.getAddons.cache.enabled": false,
    "extensions.systemAddon.update.enabled": false,
    "browser.search.update": false,
    "media.gmp-manager.updateEnabled": false,
    "media.gmp-gmpopenh264.enabled": false,
    "media.gmp-widevinecdm.enabled": false,
    // No telemetry, health reports, studies or experiments.
    "toolkit.telemetry.enabled": false,
    "toolkit.telemetry.unified": false,
    "toolkit.telemetry.archive.enabled": false,
    "toolkit.telemetry.shutdownPingSender.enabled": false,
    "datareporting.healthreport.uploadEnabled": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "app.normandy.enabled": false,
    "app.normandy.api_url": "",
    "app.shield.optoutstudies.enabled": false,
    "messaging-system.rsexperimentloader.enabled": false,
    "browser.discovery.enabled": false,
    // No captive-portal, connectivity or region checks, no geolocation lookups.
    "network.captive-portal-service.enabled": false,
    "network.connectivity-service.enabled": false,
    "browser.region.network.url": "",
    "browser.region.update.enabled": false,
    "geo.provider.network.url": "",
    // No Safe Browsing lists and no certificate revocation lookups.
    "browser.safebrowsing.malware.enabled": false,
    "browser.safebrowsing.phishing.enabled": false,
    "browser.safebrowsing.downloads.enabled": false,
    "browser.safebrowsing.downloads.remote.enabled": false,
    "browser.safebrowsing.blockedURIs.enabled": false,
    "browser.safebrowsing.update.enabled": false,
    "security.OCSP.enabled": 0,
    "security.remote_settings.crlite_filters.enabled": false,
    "security.remote_settings.intermediates.enabled": false,
    // Remote settings (blocklists and the like) from nowhere. Release builds honour this only
    // with MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 in the environment (set in launch below).
    "services.settings.server": "data:,#remote-settings-dummy/v1",
    "extensions.blocklist.enabled": false,
    // No push service, DNS-over-HTTPS, prefetching or speculative connections.
    "dom.push.connection.enabled": false,
    "network.trr.mode": 5,
    "network.dns.disablePrefetch": true,
    "network.prefetch-next": false,
    "network.http.speculative-parallel-limit": 0,
    "browser.urlbar.speculativeConnect.enabled": false,
    // A quiet start: no welcome pages, new-tab feeds or default-browser check.
    "browser.startup.page": 0,
    "browser.startup.homepage": "about:blank",
    "browser.newtabpage.enabled": false,
    "browser.aboutwelcome.enabled": false,
    "browser.shell.checkDefaultBrowser": false,
    "startup.homepage_welcome_url": "about:blank",
    "trailhead.firstrun.didSeeAboutWelcome": true,
  };
}

export interface FirefoxTresteg {
  readonly firefox: Firefox;
  /** moz-extension://<uuid> of the installed build. */
  readonly extensionOrigin: string;
  /** Static server over the repo root, e.g. `${baseUrl}/demo/meeting.html`. */
  readonly baseUrl: string;
  /**
   * An extension page that runs none of Tresteg's code (its manifest.json), in a window of its
   * own: evaluate `browser.*` calls and read the extension's IndexedDB here.
   */
  readonly console: Page;
  /** Opens a page of the static server (a repo path) in the first window, 1280x800. */
  openMeeting(path?: string): Promise<Page>;
  /** The browser.tabs id of a page, found by its URL (unique among the tabs). */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the panel for a tab in its own 420x900 popup window, as Tresteg itself does. */
  openPanel(tabId: number): Promise<Page>;
  /** The last lines Firefox wrote to stderr, for failure messages. */
  firefoxLog(): string;
  close(): Promise<void>;
}

/** The BiDi browsing context behind a puppeteer page (puppeteer-core's BidiFrame). */
interface BidiContext {
  navigate(url: string, wait: "none" | "interactive" | "complete"): Promise<void>;
}

/**
 * Navigates a page to an extension address with BiDi's browsingContext.navigate, waiting for
 * the load. page.goto() cannot: it waits for navigation events that Firefox never sends for
 * extension documents.
 */
async function navigateToExtensionPage(page: Page, url: string) {
  const context = (page.mainFrame() as unknown as { browsingContext?: BidiContext })
    .browsingContext;
  if (typeof context?.navigate !== "function") {
    throw new Error("puppeteer-core changed: its BiDi frame has no browsingContext.navigate()");
  }
  await context.navigate(url, "complete");
  const at = await page.evaluate(() => location.href);
  if (at !== url) throw new Error(`Navigated to ${url} but the page is at ${at}`);
}

class Harness implements FirefoxTresteg {
  firefox!: Firefox;
  console!: Page;
  readonly extensionOrigin = `moz-extension://${EXTENSION_UUID}`;
  private log: string[] = [];
  private closing = false;
  // The blank tab Firefox starts with; the first openMeeting() reuses it.
  private startPage: Page | undefined;

  constructor(
    private readonly server: StaticServer,
    private readonly executablePath: string,
    private readonly extensionDir: string,
    private readonly addonId: string,
  ) {}

  get baseUrl() {
    return this.server.url;
  }

  firefoxLog() {
    return this.log.join("");
  }

  async launch() {
    this.firefox = await puppeteer.launch({
      browser: "firefox",
      executablePath: this.executablePath,
      headless: !process.env.TRESTEG_HEADED,
      protocol: "webDriverBiDi",
      // Real window sizes: the panel's popup really is 420 px wide, as the coach would see it.
      defaultViewport: null,
      args: ["--remote-allow-system-access"],
      env: {
        ...process.env,
        MOZ_DISABLE_NONLOCAL_CONNECTIONS: "1",
        MOZ_CRASHREPORTER_DISABLE: "1",
      },
      extraPrefsFirefox: firefoxPrefs(this.addonId),
    });
    this.firefox.process()?.stderr?.on("data", (chunk: Buffer) => {
      this.log.push(chunk.toString());
      if (this.log.length > 200) this.log.splice(0, this.log.length - 200);
    });
    // A crash (e.g. "FATAL ERROR: Non-local network connections are disabled…") shows only in
    // Firefox's stderr; tell it, since the test itself sees nothing but a closed connection.
    this.firefox.once("disconnected", () => {
      if (!this.closing)
        console.error(`Firefox went away. It said:\n${this.firefoxLog().slice(-4000)}`);
    });
    const installed = await this.firefox.installExtension(this.extensionDir);
    if (installed !== this.addonId) {
      throw new Error(`Firefox installed ${installed}, expected ${this.addonId}`);
    }
    this.startPage = (await this.firefox.pages()).find((page) => page.url() === "about:blank");
    this.console = await this.firefox.newPage({ type: "window" });
    await navigateToExtensionPage(this.console, `${this.extensionOrigin}/manifest.json`);
    const seen = await this.console.evaluate(() => ({
      id: browser.runtime.id,
      base: browser.runtime.getURL("/"),
      lang: browser.i18n.getUILanguage(),
    }));
    if (seen.id !== this.addonId || seen.base !== `${this.extensionOrigin}/`) {
      throw new Error(`The extension page is not Tresteg's: ${JSON.stringify(seen)}`);
    }
    if (!seen.lang.startsWith("sv")) {
      throw new Error(`Firefox serves extensions "${seen.lang}", not Swedish.\n${L10N_HINT}`);
    }
  }

  async openMeeting(path = "/demo/meeting.html") {
    const page = this.startPage ?? (await this.firefox.newPage({ type: "window" }));
    this.startPage = undefined;
    await page.goto(new URL(path, this.baseUrl).href);
    const tabId = await this.tabIdOf(page);
    await this.console.evaluate(
      async (tabId, size) => {
        const tab = await browser.tabs.get(tabId);
        await browser.windows.update(tab.windowId as number, { ...size, state: "normal" });
      },
      tabId,
      MEETING_SIZE,
    );
    return page;
  }

  async tabIdOf(page: Page) {
    const url = page.url();
    const ids = await poll(`a tab showing ${url}`, 10_000, async () => {
      const found = await this.console.evaluate(async (url) => {
        const tabs = await browser.tabs.query({});
        return tabs.filter((tab) => tab.url === url).map((tab) => tab.id);
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
    const url = `${this.extensionOrigin}/sidepanel.html?tab=${tabId}`;
    const before = new Set(await this.firefox.pages());
    await this.console.evaluate(
      async (url, size) => {
        await browser.windows.create({ url, type: "popup", ...size });
      },
      url,
      PANEL_SIZE,
    );
    // Puppeteer lists the new window's page as about:blank (the extension document's events
    // are hidden from BiDi); ask the page where it is instead.
    const page = await poll(`the panel window at ${url}`, 15_000, async () => {
      for (const page of await this.firefox.pages()) {
        if (before.has(page)) continue;
        const at = await page
          .evaluate(() => (document.readyState === "complete" ? location.href : ""))
          .catch(() => "");
        if (at === url) return page;
      }
      return undefined;
    });
    page.setDefaultTimeout(15_000);
    return page;
  }

  async close() {
    this.closing = true;
    await this.firefox?.close().catch(() => {});
    await this.server.close();
    await rm(this.extensionDir, { recursive: true, force: true });
  }
}

/**
 * Starts Firefox with the built extension. The build is copied first, so that a rebuild of
 * .output/firefox-mv2 while the tests run (web-ext lint builds there too) changes nothing
 * under the running add-on, which Firefox reads from its folder as it goes.
 */
export async function launchFirefoxTresteg(): Promise<FirefoxTresteg> {
  const manifestPath = join(EXTENSION_DIR, "manifest.json");
  if (!existsSync(manifestPath)) {
    throw new Error(
      `${manifestPath} is missing: run \`npx wxt build -b firefox --mode development\` first`,
    );
  }
  const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
  const addonId: unknown = manifest.browser_specific_settings?.gecko?.id;
  if (typeof addonId !== "string") throw new Error(`${manifestPath} has no gecko id`);
  // Never installs from here: a test run must not apt-get behind the user's back.
  const executablePath = ensureFirefox({ install: false });
  const extensionDir = await mkdtemp(join(tmpdir(), "tresteg-firefox-ext-"));
  await cp(EXTENSION_DIR, extensionDir, { recursive: true });
  const server = await serveStatic(REPO_ROOT);
  const harness = new Harness(server, executablePath, extensionDir, addonId);
  try {
    await harness.launch();
  } catch (error) {
    const log = harness.firefoxLog().trim();
    await harness.close();
    if (log && error instanceof Error) error.message += `\nFirefox said:\n${log.slice(-4000)}`;
    throw error;
  }
  return harness;
}

export { readDb } from "../shared/read-stores";
export { chainVerifies } from "../shared/chain-check";
