import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureX11Tools } from "../../scripts/ensure-chromium.mjs";
import { type Tresteg, launchTresteg } from "./harness";
import { PanelPage, until } from "./pages/panel";

// Alt+Shift+S while the meeting page has focus. Playwright's key presses go to the page, not
// to the browser's shortcut handling, so this test runs Chromium with a real window on a
// virtual X display (Xvfb) and presses the keys there with xdotool, as a coach's keyboard
// would. It uses the shipped build: the command's activeTab grant is all the capture needs.

const DISPLAY_NUMBER = 90 + Math.floor(Math.random() * 9);
const DISPLAY = `:${DISPLAY_NUMBER}`;

let xvfb: ChildProcess;
let app: Tresteg;
let xdotool: string;

async function startXvfb() {
  const tools = ensureX11Tools({ install: false });
  xdotool = tools.xdotool;
  xvfb = spawn(tools.xvfb, [DISPLAY, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"], {
    stdio: "ignore",
  });
  await until(
    `the X display ${DISPLAY}`,
    async () => existsSync(`/tmp/.X11-unix/X${DISPLAY_NUMBER}`),
    (up) => up,
  );
}

function key(windowName: string, keys: string) {
  const env = { ...process.env, DISPLAY };
  const found = spawnSync(xdotool, ["search", "--name", windowName], {
    env,
    encoding: "utf8",
  });
  const id = found.stdout.trim().split("\n")[0];
  if (!id) {
    const all = spawnSync(xdotool, ["search", "--name", "."], {
      env,
      encoding: "utf8",
    })
      .stdout.trim()
      .split("\n");
    const names = all.map((w) =>
      spawnSync(xdotool, ["getwindowname", w], { env, encoding: "utf8" }).stdout.trim(),
    );
    throw new Error(
      `No window named like "${windowName}" on ${DISPLAY}; windows: ${names.join(" | ")}`,
    );
  }
  // No window manager runs on Xvfb, so focus the window directly rather than "activate" it.
  spawnSync(xdotool, ["windowfocus", "--sync", id], { env });
  const pressed = spawnSync(xdotool, ["key", "--clearmodifiers", keys], { env, encoding: "utf8" });
  if (pressed.status !== 0) throw new Error(`xdotool key failed: ${pressed.stderr}`);
}

beforeAll(async () => {
  await startXvfb();
  app = await launchTresteg({ display: DISPLAY });
});
afterAll(async () => {
  await app?.close();
  xvfb?.kill();
});

describe("the screenshot keyboard command", () => {
  it("captures the meeting with Alt+Shift+S, with no incident open and no extra permission", async () => {
    const meeting = await app.openMeeting("/demo/meeting.html");
    const panel = new PanelPage(await app.openPanel(await app.tabIdOf(meeting)));
    await panel.page.getByRole("heading", { name: "Starta incident" }).waitFor();

    key("Demom", "alt+shift+s");

    // The incident starts by itself, so the screenshot is not lost.
    const strip = panel.page.getByRole("region", { name: "Bevis" });
    await strip.locator(".evidence-item img").waitFor({ timeout: 15_000 });
    const shots = await until(
      "the screenshot stored with its hash logged",
      () =>
        panel.page.evaluate(async () => {
          const db: IDBDatabase = await new Promise((ok, fail) => {
            const open = indexedDB.open("tresteg");
            open.onsuccess = () => ok(open.result);
            open.onerror = () => fail(open.error);
          });
          const all = (store: string) =>
            new Promise<Record<string, unknown>[]>((ok) => {
              const req = db.transaction(store).objectStore(store).getAll();
              req.onsuccess = () => ok(req.result);
            });
          const [evidence, events] = [await all("evidence"), await all("events")];
          db.close();
          return evidence.map((e) => ({
            sha256: e.sha256,
            title: e.title,
            logged: events.some((x) => x.type === "screenshot-taken" && x.sha256 === e.sha256),
          }));
        }),
      (s) => s.length === 1,
    );
    expect(shots).toEqual([
      {
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        title: "Demomöte – Hälsocoach online",
        logged: true,
      },
    ]);
    expect(await panel.page.getByTestId("kinds").textContent()).toBe("Typ ej vald");
  });
});
