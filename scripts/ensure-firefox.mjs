#!/usr/bin/env node
// Finds a Firefox for the Firefox tests (tests/firefox); installs Debian's firefox-esr, with
// its Swedish language pack, when we may (root + apt-get). Never downloads a browser any other
// way: the tests must run offline against the system browser.
// CLI: prints the path on stdout (install logs go to stderr), exits 1 when none can be had.
import { spawnSync } from "node:child_process";
import { readdirSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { aptGetIfRoot, isExecutable, onPath, run } from "./system.mjs";

const CANDIDATES = ["firefox-esr", "firefox"];
const MAC_APPS = ["/Applications/Firefox.app/Contents/MacOS/firefox"];

/** Tresteg's manifest asks for Firefox 140 (strict_min_version); older ones refuse it. */
export const MIN_FIREFOX = 140;

/** The language pack of Debian's firefox-esr that makes it a Swedish browser. */
const SWEDISH_PACKAGE = "firefox-esr-l10n-sv-se";

export const INSTALL_HINT =
  "Ingen Firefox hittades / No Firefox found.\n" +
  `  Installera / install:  sudo apt-get install firefox-esr ${SWEDISH_PACKAGE}\n` +
  "  eller peka ut en befintlig / or point to one:  FIREFOX_PATH=/path/to/firefox";

export const L10N_HINT =
  "Firefox saknar svenska (språkpaket) / Firefox lacks Swedish (language pack); the panel\n" +
  "follows the browser's language and the Firefox tests expect a Swedish browser.\n" +
  `  Installera / install:  sudo apt-get install ${SWEDISH_PACKAGE}\n` +
  "  (a Firefox from elsewhere: add the sv-SE language pack to it)";

/** Path of a Firefox executable, or undefined. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    console.warn(`FIREFOX_PATH=${fromEnv} is not an executable file; searching elsewhere.`);
  }
  if (isExecutable("/usr/bin/firefox-esr")) return "/usr/bin/firefox-esr";
  for (const name of CANDIDATES) {
    const found = onPath(name);
    if (found) return found;
  }
  if (process.platform === "darwin") return MAC_APPS.find(isExecutable);
  return undefined;
}

/** The major version of a Firefox ("Mozilla Firefox 153.7.0esr" → 153), or undefined. */
export function firefoxVersion(executablePath) {
  const result = spawnSync(executablePath, ["--version"], { encoding: "utf8", timeout: 30_000 });
  const match = /Firefox (\d+)\./.exec(result.stdout ?? "");
  return match ? Number(match[1]) : undefined;
}

/**
 * Like findFirefox(), but when nothing is found and we run as root with apt-get, installs
 * Debian's `firefox-esr` first. Throws an Error whose message says how to get one otherwise,
 * or that the one found is too old for Tresteg.
 */
export function ensureFirefox({ install = true } = {}) {
  let found = findFirefox();
  const aptGet = aptGetIfRoot();
  if (!found && install && aptGet) {
    console.error("Ingen Firefox hittades – installerar / No Firefox found – installing…");
    run(aptGet, ["update"]);
    run(aptGet, ["install", "-y", "firefox-esr", SWEDISH_PACKAGE]);
    found = findFirefox();
  }
  if (!found) throw new Error(INSTALL_HINT);
  const version = firefoxVersion(found);
  if (version !== undefined && version < MIN_FIREFOX) {
    throw new Error(
      `${found} är Firefox ${version}; Tresteg behöver ${MIN_FIREFOX} eller senare / ` +
        `is Firefox ${version}; Tresteg needs ${MIN_FIREFOX} or later.\n${INSTALL_HINT}`,
    );
  }
  return found;
}

/**
 * The language packs that come with a Firefox installation (Debian's l10n packages and
 * Mozilla's builds put them in <install dir>/browser/extensions).
 */
function hasSwedish(executablePath) {
  try {
    const dir = join(dirname(realpathSync(executablePath)), "browser", "extensions");
    return readdirSync(dir).some((name) => /^langpack-sv-SE@.*\.xpi$/.test(name));
  } catch {
    return false;
  }
}

/**
 * A Firefox gives extensions its own UI language only: without the sv-SE language pack it
 * serves English, whatever language is asked for. Debian's firefox-esr ships it apart
 * (firefox-esr-l10n-sv-se); installs it when we may. A Firefox from elsewhere must bring it.
 */
export function ensureFirefoxLanguages(executablePath, { install = true } = {}) {
  if (hasSwedish(executablePath)) return;
  const aptGet = aptGetIfRoot();
  const isDebians = executablePath === "/usr/bin/firefox-esr";
  if (install && isDebians && aptGet) {
    console.error(`Installerar / installing ${SWEDISH_PACKAGE}…`);
    run(aptGet, ["update"]);
    run(aptGet, ["install", "-y", SWEDISH_PACKAGE]);
    if (hasSwedish(executablePath)) return;
  }
  throw new Error(L10N_HINT);
}

const invokedAsCli =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (invokedAsCli) {
  try {
    const path = ensureFirefox();
    ensureFirefoxLanguages(path);
    console.log(path);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
