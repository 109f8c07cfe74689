import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tresteg, launchTresteg, readDb } from "./harness";
import { PanelPage, until } from "./pages/panel";

// A screenshot during the two-minute wait, on the Jitsi fixture with the real content script.
// The optional permission is held, so the visible tab could be captured: what is stored must
// still be the client's picture from the page's video, not the cover the coach sees.

const UNDRESSED = "Opassande beteende i videosamtalet – Bar överkropp";
// The cover's background (lib/platforms/cover.ts).
const COVER = [0x1f, 0x24, 0x30];

interface StoredShot {
  width: number;
  height: number;
  decoded: { width: number; height: number };
  pngSha256: string;
  sha256: string;
  underCover: boolean | undefined;
  /** [r, g, b] at the middle of the picture and near its left edge. */
  pixels: number[][];
}

/** The stored screenshots and the logged entries, read back and decoded in the panel. */
function storedShots(panel: Page) {
  return panel.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const open = indexedDB.open("tresteg");
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const all = <T>(store: string): Promise<T[]> =>
      new Promise((ok) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => ok(req.result as T[]);
      });
    type Shot = { sha256: string; width: number; height: number; png: Blob; underCover?: true };
    const shots = await all<Shot>("evidence");
    db.close();
    const hex = (buf: ArrayBuffer) =>
      Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");
    return Promise.all(
      shots.map(async (shot) => {
        const bitmap = await createImageBitmap(shot.png);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D;
        ctx.drawImage(bitmap, 0, 0);
        const at = (x: number, y: number) =>
          Array.from(ctx.getImageData(Math.floor(x), Math.floor(y), 1, 1).data.slice(0, 3));
        return {
          width: shot.width,
          height: shot.height,
          decoded: { width: bitmap.width, height: bitmap.height },
          pngSha256: hex(await crypto.subtle.digest("SHA-256", await shot.png.arrayBuffer())),
          sha256: shot.sha256,
          underCover: shot.underCover,
          pixels: [at(bitmap.width / 2, bitmap.height / 2), at(8, bitmap.height / 2)],
        } satisfies StoredShot;
      }),
    );
  });
}

let app: Tresteg;
beforeAll(async () => {
  app = await launchTresteg({ grant: ["<all_urls>"] });
});
afterAll(async () => {
  await app?.close();
});

describe("evidence during the two-minute wait", () => {
  it("a screenshot during the wait holds the client's picture, not the cover, and stays hidden until opened", async () => {
    const meeting = await app.openMeeting("/tests/e2e/fixtures/platforms/jitsi.html?n=1");
    await meeting.waitForFunction(() => document.body.dataset.media !== undefined);
    const panel = new PanelPage(await app.openPanel(await app.tabIdOf(meeting)));
    await panel.startAs(UNDRESSED);
    await panel.click("Pausa 2 min");
    await until(
      "the client's picture covered",
      () =>
        panel.page
          .locator(".mute-status li[data-target=client-picture]")
          .getAttribute("data-result"),
      (result) => result === "done",
    );
    // The client's picture as the page's own videos have it (the coach's self-view is not one).
    const client = await meeting.evaluate(() => {
      const remote = [...document.querySelectorAll("video")].filter(
        (v) => v.dataset.testid !== "self-video" && v.readyState >= 2,
      );
      return {
        width: remote.reduce((sum, v) => sum + v.videoWidth, 0),
        height: Math.max(...remote.map((v) => v.videoHeight)),
      };
    });

    await panel.click("Ta en skärmdump av mötet");
    const [shot] = await until(
      "the screenshot stored",
      () => storedShots(panel.page),
      (shots) => shots.length === 1,
    );
    expect(shot).toMatchObject({ decoded: client, width: client.width, height: client.height });
    expect(shot!.pngSha256).toBe(shot!.sha256);
    for (const pixel of shot!.pixels) expect(pixel).not.toEqual(COVER);
    expect(shot!.underCover).toBe(true);

    const { events } = await readDb<{
      events: { type: string; sha256?: string; underCover?: boolean }[];
    }>(panel.page, "tresteg");
    expect(events.find((e) => e.type === "screenshot-taken")).toMatchObject({
      sha256: shot!.sha256,
      underCover: true,
    });
    const timeline = await panel.timeline();
    expect(timeline[0]).toMatch(
      /^\d\d:\d\d:\d\d Skärmdump \d+×\d+ av klientens bild under skyddet/,
    );

    // The coach is not shown the client: no thumbnail until the coach opens it.
    const strip = panel.page.getByRole("region", { name: "Bevis" });
    const hidden = strip.getByRole("button", { name: /^Visa skärmdump .*, tagen under skyddet$/ });
    await hidden.waitFor();
    expect(await strip.locator("img").count()).toBe(0);
    await hidden.click();
    const full = panel.page.getByRole("dialog").locator("img");
    await expect
      .poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(client.width);
  });
});
