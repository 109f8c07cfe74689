// Mute per platform: "Pausa 2 min" to all four done (client sound, client picture, own mic,
// own camera), timed in the panel as bench/mute.mjs times it, on each rebuilt platform page
// at the platform's real address (served over https with a self-signed certificate, the host
// mapped to the local server, as tests/e2e/real-origins.e2e.ts does): Jitsi at meet.jit.si,
// Google Meet, Teams, Zoom inside its iframe#webclient at app.zoom.us/wc, Whereby. A
// self-hosted Jitsi has no real address to borrow: it is served from 127.0.0.1, where only
// the page itself tells the meeting script it is Jitsi. Jitsi with a slow camera (the track
// mutes before the button changes) is measured apart and has no bar: the wait is as slow as
// the page, and the panel says it waits.
import { copyBuild, launch, openPanel, poll, serveRealOrigins, tabIdOf } from "./browser.mjs";
import { pauseRounds, summarise } from "./mute.mjs";
import { median, quantile, round, row } from "./stats.mjs";

const FIXTURES = "/tests/e2e/fixtures/platforms";
const ZOOM_PATH = "/wc/12345/";
const HOSTS = [
  "meet.jit.si",
  "meet.google.com",
  "teams.microsoft.com",
  "app.zoom.us",
  "whereby.com",
];
/** How long Jitsi's slow camera takes to switch in the slow row (the fixture's camera-delay). */
const SLOW_CAMERA_MS = 1500;

/** Each platform: where its page is, and the frame the meeting is in when not the page. */
const PLATFORMS = [
  {
    id: "jitsi",
    name: "Jitsi (meet.jit.si)",
    url: (at) => `${at("meet.jit.si")}${FIXTURES}/jitsi.html`,
  },
  {
    id: "self-hosted-jitsi",
    name: "self-hosted Jitsi (recognised by its page)",
    url: (_at, local) => `${local}${FIXTURES}/self-hosted-jitsi.html`,
  },
  {
    id: "google-meet",
    name: "Google Meet",
    url: (at) => `${at("meet.google.com")}${FIXTURES}/google-meet.html`,
  },
  { id: "teams", name: "Teams", url: (at) => `${at("teams.microsoft.com")}${FIXTURES}/teams.html` },
  {
    id: "zoom",
    name: "Zoom (in iframe#webclient)",
    url: (at) => `${at("app.zoom.us")}${ZOOM_PATH}zoom-pwa.html`,
    frame: /\/wc\/12345\/zoom\.html/,
  },
  { id: "whereby", name: "Whereby", url: (at) => `${at("whereby.com")}${FIXTURES}/whereby.html` },
  {
    id: "jitsi-slow-camera",
    name: `Jitsi, camera switching in ${SLOW_CAMERA_MS / 1000} s`,
    url: (at) => `${at("meet.jit.si")}${FIXTURES}/jitsi.html?camera-delay=${SLOW_CAMERA_MS}`,
    slow: true,
  },
];

/** The frame the meeting is in: the page, or the child frame whose address matches. */
async function meetingFrame(page, url) {
  if (!url) return page.mainFrame();
  return poll(`a frame at ${url}`, 10_000, async () =>
    page.frames().find((frame) => url.test(frame.url())),
  );
}

/**
 * One platform: `rounds` pauses after one warm-up, each restored (the wait view gone, mic and
 * camera on, nothing covered, the tab's sound on, every restore logged) before the next.
 */
async function measure(app, platform, { at, local, rounds }) {
  const { context, worker } = app;
  const meeting = await context.newPage();
  let panel;
  try {
    await meeting.goto(platform.url(at, local));
    const frame = await meetingFrame(meeting, platform.frame);
    await frame.waitForFunction(() => document.body.dataset.media !== undefined);
    const tabId = await tabIdOf(worker, meeting);
    await worker.evaluate(async (tabId) => {
      const tab = await chrome.tabs.get(tabId);
      await chrome.windows.update(tab.windowId, { width: 1280, height: 800, state: "normal" });
    }, tabId);
    panel = await openPanel(app, tabId);
    await panel.getByRole("button", { name: "Starta incident: Personangrepp" }).click();
    const measured = await pauseRounds({
      worker,
      panel,
      frame,
      tabId,
      rounds,
      label: `${platform.id}: `,
    });
    // Ends the incident, so the next platform's panel starts a new one.
    await panel.getByRole("button", { name: "Klienten har lugnat sig", exact: true }).click();
    await panel.getByRole("button", { name: "Avsluta incidenten", exact: true }).click();
    await panel.getByRole("heading", { name: /^Incidentutkast – / }).waitFor();
    return measured;
  } finally {
    await panel?.close().catch(() => {});
    await meeting.close().catch(() => {});
  }
}

/**
 * The figure per platform. `only` restricts it to some platform ids (a quick check by hand);
 * `rounds` is per platform, the slow one gets fewer: seven pages with a warm-up each must stay
 * within about a minute of the whole benchmark's time.
 */
export async function benchMutePlatforms(
  { root, build, tmp, server },
  { rounds = 3, slowRounds = 1, only } = {},
) {
  const real = await serveRealOrigins(root, tmp, HOSTS, { [ZOOM_PATH]: `${FIXTURES}/` });
  const app = await launch(copyBuild(build, tmp), tmp, { real });
  const chosen = PLATFORMS.filter((p) => !only || only.includes(p.id));
  const rows = [];
  const results = {};
  try {
    for (const platform of chosen) {
      const n = platform.slow ? slowRounds : rounds;
      const measured = await measure(app, platform, {
        at: real.origin,
        local: server.url,
        rounds: n,
      });
      const { samples, allDone, notDone } = summarise(measured);
      const value = median(samples);
      const counted = `${round(value)} ms (${allDone}/${n} all done)`;
      const of = n === 1 ? "1 round" : `median of ${n}`;
      rows.push(
        platform.slow
          ? row(`  slow toggle, apart: ${platform.name}, ${of}`, counted, "", null)
          : row(
              `  ${platform.name}: click → all four done, ${of}`,
              counted,
              "≤ 300 ms",
              allDone < n ? "NOT ALL DONE" : value <= 300,
            ),
      );
      results[platform.id] = {
        median: value,
        p95: quantile(samples, 0.95),
        max: Math.max(...samples),
        samples,
        roundsAllDone: allDone,
        notDone,
        page: platform.url(real.origin, server.url),
        ...(platform.slow ? { slowCameraMs: SLOW_CAMERA_MS, bar: null } : { bar: 300 }),
      };
    }
  } finally {
    await app.context.close();
    await real.server.close();
  }
  return {
    rows: [
      row("mute per platform (real origins over https; self-hosted at 127.0.0.1)", "", "", null),
      ...rows,
    ],
    results: { mutePerPlatform: results },
  };
}
