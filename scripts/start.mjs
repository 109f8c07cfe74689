#!/usr/bin/env node
// `npm start`: builds the extension, then opens Chromium with Tresteg loaded, the local demo
// meeting (demo/meeting.html: built like a self-hosted Jitsi Meet, so the wait works on it as
// on a real call; a drawn client, fake camera and microphone) and the Tresteg panel in a window
// beside it. The address of the unknown-platform demo is printed too.
// `npm start -- --headless` does the same without a window, to smoke-test this script.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions, ensureChromium } from "./ensure-chromium.mjs";
import { serveStatic } from "./serve.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// The development build: it keeps localhost access for the demo meeting (lib/build-hosts.ts).
const EXTENSION_DIR = join(ROOT, ".output", "chrome-mv3-dev");
const PANEL = { width: 420, height: 900 };
const headless = process.argv.includes("--headless");

function fail(message) {
  console.error(`\n${message}`);
  process.exit(1);
}

function build() {
  console.log("Bygger Tresteg / building Tresteg (npx wxt build --mode development)…");
  const result = spawnSync("npx", ["wxt", "build", "--mode", "development"], {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (result.status !== 0 || !existsSync(join(EXTENSION_DIR, "manifest.json"))) {
    fail("Bygget misslyckades / the build failed (npx wxt build --mode development).");
  }
}

function checkDisplay() {
  if (headless || process.platform !== "linux") return;
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return;
  fail(
    [
      "Ingen skärm hittades (DISPLAY och WAYLAND_DISPLAY saknas), så Chromium kan inte visas.",
      "No display found (DISPLAY and WAYLAND_DISPLAY are unset), so Chromium cannot be shown.",
      "",
      `Tillägget är byggt / the extension is built: ${EXTENSION_DIR}`,
      "Alternativ / alternatives:",
      "  1. Kör med en virtuell skärm / run with a virtual display:  xvfb-run npm start",
      "  2. Ladda tillägget för hand i Chrome/Chromium / load it by hand in Chrome/Chromium:",
      "     chrome://extensions → Utvecklarläge / Developer mode → Läs in okomprimerat /",
      `     Load unpacked → ${EXTENSION_DIR}`,
      "  3. Utan fönster, för att testa / without a window, for testing:  npm start -- --headless",
    ].join("\n"),
  );
}

async function extensionWorker(context) {
  const isOurs = (worker) => worker.url().startsWith("chrome-extension://");
  const appearing = context.waitForEvent("serviceworker", { predicate: isOurs, timeout: 20_000 });
  const existing = context.serviceWorkers().find(isOurs);
  if (existing) {
    appearing.catch(() => {});
    return existing;
  }
  return appearing.catch(() => {
    throw new Error(
      "Tillägget startade inte / the extension did not start. " +
        "Branded Google Chrome 137+ ignores --load-extension: use Chromium (CHROME_PATH).",
    );
  });
}

async function main() {
  build();
  checkDisplay();

  let executablePath;
  try {
    executablePath = ensureChromium();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  // The repository root: the demo pages load the drawn client they share with the practice
  // meeting from lib/practice/.
  const server = await serveStatic(ROOT);
  const meetingUrl = `${server.url}/demo/meeting.html`;
  const unknownPlatformUrl = `${server.url}/demo/unknown-platform.html`;
  const userDataDir = await mkdtemp(join(tmpdir(), "tresteg-start-"));
  let context;
  let cleaning;
  const cleanup = () => {
    cleaning ??= (async () => {
      await context?.close().catch(() => {});
      await server.close();
      await rm(userDataDir, { recursive: true, force: true });
    })();
    return cleaning;
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(signal, () => {
      console.log("\nAvslutar / shutting down…");
      void cleanup().then(() => process.exit(0));
    });
  }

  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      ...chromiumLaunchOptions(executablePath, EXTENSION_DIR, { headless }),
      // Playwright's own signal handlers exit before our cleanup has removed the profile.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;

    const meeting = context.pages()[0] ?? (await context.newPage());
    await meeting.goto(meetingUrl);
    const screen = await meeting.evaluate(() => ({
      width: window.screen.availWidth,
      height: window.screen.availHeight,
    }));

    // The panel goes in its own popup window for the meeting tab (as in the e2e tests): a real
    // side panel can only be opened by a user gesture on the toolbar icon.
    const panelUrl = await worker.evaluate(
      async ({ url, screen, panel }) => {
        const [tab] = await chrome.tabs.query({ url });
        if (!tab?.id) throw new Error(`no tab shows ${url}`);
        const height = Math.min(panel.height, screen.height);
        const meetingWidth = Math.max(640, Math.min(1280, screen.width - panel.width - 16));
        await chrome.windows.update(tab.windowId, {
          left: 0,
          top: 0,
          width: meetingWidth,
          height,
          state: "normal",
        });
        const panelUrl = chrome.runtime.getURL(`/sidepanel.html?tab=${tab.id}`);
        await chrome.windows.create({
          url: panelUrl,
          type: "popup",
          left: meetingWidth + 8,
          top: 0,
          width: panel.width,
          height,
        });
        return panelUrl;
      },
      { url: meetingUrl, screen, panel: PANEL },
    );

    console.log(
      [
        "",
        "Tresteg körs / running",
        `  Tilläggets id / extension id: ${extensionId}`,
        `  Demomöte / demo meeting:       ${meetingUrl}`,
        `  Panel:                         ${panelUrl}`,
        "",
        "Så ser det ut på en videotjänst Tresteg inte känner igen / on a platform Tresteg does",
        `not know (öppna i en ny flik / open in a new tab): ${unknownPlatformUrl}`,
        "",
        headless
          ? "Ctrl+C avslutar / stops."
          : "Stäng webbläsaren eller tryck Ctrl+C för att avsluta / close the browser or press Ctrl+C.",
      ].join("\n"),
    );
  } catch (error) {
    await cleanup();
    fail(`Kunde inte starta / could not start: ${error instanceof Error ? error.message : error}`);
  }

  await new Promise((resolve) => context.once("close", resolve));
  await cleanup();
}

await main();
