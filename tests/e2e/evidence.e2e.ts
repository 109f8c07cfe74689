import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tresteg, launchTresteg } from "./harness";
import { PanelPage } from "./pages/panel";

interface StoredShot {
  id: string;
  sha256: string;
  width: number;
  height: number;
  origin: string;
  title: string;
  pngType: string;
  /** SHA-256 of the stored PNG's bytes, computed in the page. */
  pngSha256: string;
  decoded: { width: number; height: number };
  /** [r, g, b] at the pattern's cells: red, green, blue, then blue on the second row. */
  pattern: number[][];
  loggedSha256: string | null;
  loggedAt: number | null;
}

/** Reads the screenshots back from the extension's IndexedDB and decodes them in the page. */
async function storedShots(panel: Page): Promise<StoredShot[]> {
  return panel.evaluate(async () => {
    const open = indexedDB.open("tresteg");
    const db: IDBDatabase = await new Promise((ok, fail) => {
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const all = <T>(store: string): Promise<T[]> =>
      new Promise((ok, fail) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => ok(req.result as T[]);
        req.onerror = () => fail(req.error);
      });
    type Shot = {
      id: string;
      sha256: string;
      width: number;
      height: number;
      origin: string;
      title: string;
      png: Blob;
      deletedAt: number | null;
    };
    type Entry = { type: string; evidenceId?: string; sha256?: string; at: number };
    const shots = (await all<Shot>("evidence")).filter((s) => s.deletedAt === null);
    const events = await all<Entry>("events");
    db.close();
    const hex = (buf: ArrayBuffer) =>
      Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");
    return Promise.all(
      shots.map(async (shot) => {
        const bitmap = await createImageBitmap(shot.png);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D;
        ctx.drawImage(bitmap, 0, 0);
        const scale = bitmap.width / window.screen.width > 1.5 ? 2 : 1;
        const at = (x: number, y: number) =>
          Array.from(ctx.getImageData(x * scale, y * scale, 1, 1).data.slice(0, 3));
        const logged = events.find(
          (e) => e.type === "screenshot-taken" && e.evidenceId === shot.id,
        );
        return {
          id: shot.id,
          sha256: shot.sha256,
          width: shot.width,
          height: shot.height,
          origin: shot.origin,
          title: shot.title,
          pngType: shot.png.type,
          pngSha256: hex(await crypto.subtle.digest("SHA-256", await shot.png.arrayBuffer())),
          decoded: { width: bitmap.width, height: bitmap.height },
          pattern: [at(20, 14), at(44, 14), at(68, 14), at(20, 26)],
          loggedSha256: logged?.sha256 ?? null,
          loggedAt: logged?.at ?? null,
        };
      }),
    );
  });
}

const RED = [255, 0, 0];
const GREEN = [0, 255, 0];
const BLUE = [0, 0, 255];

describe("evidence with the optional permission granted", () => {
  let app: Tresteg;
  let meeting: Page;
  let panel: PanelPage;

  beforeAll(async () => {
    app = await launchTresteg({ grant: ["<all_urls>"] });
    meeting = await app.openMeeting("/demo/meeting.html");
    panel = new PanelPage(await app.openPanel(await app.tabIdOf(meeting)));
    await panel.startAs("Personangrepp");
    await panel.expectStep(1, "Lugna ner");
  });
  afterAll(async () => {
    await app?.close();
  });

  it("captures the meeting tab, not the panel, as a PNG whose hash is in the log", async () => {
    await panel.click("Ta en skärmdump av mötet");
    const strip = panel.page.getByRole("region", { name: "Bevis" });
    await strip.getByRole("button", { name: /^Visa skärmdump .* i full storlek$/ }).waitFor();
    await expect
      .poll(() => strip.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);

    const [shot] = await storedShots(panel.page);
    const viewport = await meeting.evaluate(() => ({
      width: Math.round(window.innerWidth * window.devicePixelRatio),
      height: Math.round(window.innerHeight * window.devicePixelRatio),
    }));
    expect(shot).toMatchObject({
      pngType: "image/png",
      decoded: viewport,
      width: viewport.width,
      height: viewport.height,
      origin: new URL(app.baseUrl).origin,
      title: "Demomöte – Hälsocoach online",
    });
    expect(shot?.pngSha256).toBe(shot?.sha256);
    expect(shot?.loggedSha256).toBe(shot?.sha256);
    expect(shot?.pattern).toEqual([RED, GREEN, BLUE, BLUE]);
    const timeline = await panel.timeline();
    expect(timeline[0]).toMatch(/^\d\d:\d\d:\d\d Skärmdump \d+×\d+ av http:\/\/127\.0\.0\.1/);
  });

  it("says so when the meeting tab is not the visible one in its window", async () => {
    const other = await app.context.newPage();
    await other.goto(`${app.baseUrl}/demo/meeting.html?other=1`);
    await panel.click("Ta en skärmdump av mötet");
    await expect
      .poll(() => panel.page.getByRole("alert").textContent())
      .toContain("Mötesfliken syns inte");
    await other.close();
    await meeting.bringToFront();
  });

  it("logs a note, a tag and the unknown-sender details with their times", async () => {
    const note = panel.page.getByRole("textbox", { name: "Anteckning" });
    await note.fill("Klienten sa: jag vet var du bor");
    await note.press("Enter");
    await expect.poll(() => note.inputValue()).toBe("");
    await panel.click("Markera: Hot om våld");
    await panel.page.getByText("Okänd avsändare – anteckna detaljer").click();
    await panel.page.getByRole("textbox", { name: "Ungefärlig ålder" }).fill("40–50");
    await panel.page.getByRole("textbox", { name: "Exakta ord" }).fill("Jag vet var du bor.");
    await panel.click("Spara detaljerna");
    await panel.page.getByText("Detaljerna loggades.").waitFor();
    const timeline = await panel.timeline();
    expect(timeline.slice(0, 4)).toEqual([
      expect.stringMatching(/^\d\d:\d\d:\d\d Exakta ord: Jag vet var du bor\.$/),
      expect.stringMatching(/^\d\d:\d\d:\d\d Ungefärlig ålder: 40–50$/),
      expect.stringMatching(/^\d\d:\d\d:\d\d Markerat: Hot om våld$/),
      expect.stringMatching(/^\d\d:\d\d:\d\d Anteckning: Klienten sa: jag vet var du bor$/),
    ]);
  });
});

describe("evidence without the optional permission", () => {
  let app: Tresteg;
  beforeAll(async () => {
    app = await launchTresteg();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("asks for the permission, says why, and stores nothing", async () => {
    const meeting = await app.openMeeting("/demo/meeting.html");
    const panel = new PanelPage(await app.openPanel(await app.tabIdOf(meeting)));
    await panel.click("Ta en skärmdump av mötet");
    await expect
      .poll(() => panel.page.getByRole("alert").textContent())
      .toContain("Tresteg behöver behörighet att ta skärmdumpar");
    await panel.page.getByRole("button", { name: "Ge behörighet för skärmdumpar" }).waitFor();
    expect(await storedShots(panel.page)).toEqual([]);
  });

  it("says so when there is no meeting tab", async () => {
    const panel = new PanelPage(await app.openPanel(987654));
    await panel.click("Ta en skärmdump av mötet");
    await expect
      .poll(() => panel.page.getByRole("alert").textContent())
      .toContain("Ingen mötesflik hittades");
  });
});
