#!/usr/bin/env node
// Finds a Chromium/Chrome for the e2e tests, the benchmark and `npm start`; installs Debian's
// chromium when we may (root + apt-get). Never downloads a browser any other way: the tests
// must run offline against the system browser.
// CLI: prints the path on stdout (install logs go to stderr), exits 1 when none can be had.
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { aptGetIfRoot, isExecutable, isFile, onPath, run } from "./system.mjs";

const CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
const MAC_APPS = [
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

export const INSTALL_HINT =
  "Ingen Chromium hittades / No Chromium found.\n" +
  "  Installera / install:  sudo apt-get install chromium\n" +
  "  eller peka ut en befintlig / or point to one:  CHROME_PATH=/path/to/chrome";

/** Path of a usable Chromium/Chrome, or undefined. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    console.warn(`CHROME_PATH=${fromEnv} is not an executable file; searching elsewhere.`);
  }
  if (isExecutable("/usr/bin/chromium")) return "/usr/bin/chromium";
  for (const name of CANDIDATES) {
    const found = onPath(name);
    if (found) return found;
  }
  if (process.platform === "darwin") return MAC_APPS.find(isExecutable);
  return undefined;
}

/**
 * Like findChromium(), but when nothing is found and we run as root with apt-get, installs
 * Debian's `chromium` first. Throws an Error whose message says how to get one otherwise.
 */
export function ensureChromium({ install = true } = {}) {
  const found = findChromium();
  if (found) return found;
  const aptGet = aptGetIfRoot();
  if (install && aptGet) {
    console.error("Ingen Chromium hittades – installerar / No Chromium found – installing…");
    run(aptGet, ["update"]);
    // chromium-l10n: without it Debian's Chromium speaks only en-US, and the panel follows the
    // browser's language (the tests run it as a Swedish coach's browser).
    run(aptGet, ["install", "-y", "chromium", "chromium-l10n"]);
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(INSTALL_HINT);
}

export const L10N_HINT =
  "Debians Chromium saknar svenska (paketet chromium-l10n) / Debian's Chromium lacks Swedish\n" +
  "(package chromium-l10n); the panel follows the browser's language and the tests expect a\n" +
  "Swedish browser.\n" +
  "  Installera / install:  sudo apt-get install chromium-l10n";

/**
 * Debian's Chromium ships its UI languages apart (chromium-l10n). A Chromium from elsewhere
 * brings its own: only Debian's locales folder is checked. Installs when we may.
 */
export function ensureChromiumLanguages(executablePath, { install = true } = {}) {
  const locales = "/usr/lib/chromium/locales";
  const hasSwedish = () => isFile(join(locales, "sv.pak"));
  if (executablePath !== "/usr/bin/chromium" || hasSwedish()) return;
  const aptGet = aptGetIfRoot();
  if (install && aptGet) {
    console.error("Installerar / installing chromium-l10n…");
    run(aptGet, ["install", "-y", "chromium-l10n"]);
    if (hasSwedish()) return;
  }
  throw new Error(L10N_HINT);
}

/**
 * Options for playwright-core's chromium.launchPersistentContext() with the unpacked extension
 * loaded and fake camera/microphone. Shared by the e2e harness, `npm start` and the benchmark so
 * they all run the browser the same way.
 */
export function chromiumLaunchOptions(
  executablePath,
  extensionDir,
  { headless = true, lang = "sv-SE", fakeMediaUi = true } = {},
) {
  return {
    executablePath,
    // Playwright's own `headless: true` would add its bare --headless flag; we choose the mode.
    headless: false,
    // Real window sizes: the panel's popup really is 420 px wide, as the coach would see it.
    viewport: null,
    ignoreDefaultArgs: ["--disable-extensions"],
    args: [
      // Headless screens default to 800x600, which would clamp every window; make room.
      ...(headless ? ["--headless=new", "--screen-info={1920x1080}"] : []),
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-gpu",
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      "--use-fake-device-for-media-stream",
      // Answers every camera and microphone prompt yes. With it Chromium also refuses a tab's
      // sound (getUserMedia with a tabCapture stream id: "Requested device not found", as
      // puppeteer's tracker reports too), so the recording test runs without it.
      ...(fakeMediaUi ? ["--use-fake-ui-for-media-stream"] : []),
      `--lang=${lang}`,
    ],
    // The browser's language, which the panel follows: a Swedish coach's browser unless a test
    // asks for another. Chromium on Linux takes it from the environment, not from --lang.
    env: { ...process.env, LANGUAGE: lang.replace("-", "_") },
  };
}

export const X11_HINT =
  "Xvfb och xdotool behövs för testet av kortkommandon / Xvfb and xdotool are needed for the\n" +
  "keyboard-command test (a real key press reaches only a browser with a window).\n" +
  "  Installera / install:  sudo apt-get install xvfb xdotool";

/**
 * The keyboard-command test needs a real X display (Xvfb) and real key events (xdotool).
 * Installs Debian's packages when we may (root + apt-get), like Chromium.
 */
export function ensureX11Tools({ install = true } = {}) {
  const found = () => (onPath("Xvfb") && onPath("xdotool") ? true : false);
  if (found()) return { xvfb: onPath("Xvfb"), xdotool: onPath("xdotool") };
  const aptGet = aptGetIfRoot();
  if (install && aptGet) {
    console.error("Installerar / installing xvfb xdotool…");
    run(aptGet, ["update"]);
    run(aptGet, ["install", "-y", "xvfb", "xdotool"]);
    if (found()) return { xvfb: onPath("Xvfb"), xdotool: onPath("xdotool") };
  }
  throw new Error(X11_HINT);
}

export const PDFTOTEXT_HINT =
  "pdftotext behövs för testet av den utskrivna rapporten / pdftotext is needed for the\n" +
  "printed-report test (it reads the text of the PDF that Chromium prints).\n" +
  "  Installera / install:  sudo apt-get install poppler-utils";

/**
 * The printed-report test reads the PDF's text with poppler's pdftotext. Installs Debian's
 * package when we may (root + apt-get), like Chromium.
 */
export function ensurePdfToText({ install = true } = {}) {
  const found = onPath("pdftotext");
  if (found) return found;
  const aptGet = aptGetIfRoot();
  if (install && aptGet) {
    console.error("Installerar / installing poppler-utils…");
    run(aptGet, ["update"]);
    run(aptGet, ["install", "-y", "poppler-utils"]);
    const installed = onPath("pdftotext");
    if (installed) return installed;
  }
  throw new Error(PDFTOTEXT_HINT);
}

const invokedAsCli =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (invokedAsCli) {
  try {
    const chromium = ensureChromium();
    ensureChromiumLanguages(chromium);
    console.log(chromium);
    // The e2e suite also presses real keys in a real window (see tests/e2e/keyboard.e2e.ts).
    if (process.argv.includes("--with-x11")) ensureX11Tools();
    // The printed report is read back from its PDF (see tests/e2e/print.e2e.ts).
    if (process.argv.includes("--with-pdftotext")) ensurePdfToText();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
