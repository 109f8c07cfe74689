// `npm run docs`: the coach's guide's pictures (docs/guide.md, docs/guide.en.md), taken from
// the real panel of a fresh build beside the demo meeting, so they never show an old UI. One
// walk through an incident per language, in a browser of that language; each picture is
// written as docs/img/<lang>-<moment>.png. tests/unit/fleet/guide.test.ts checks that both
// guides show every moment's picture and that each is there.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, it } from "vitest";
import { translator } from "../../lib/i18n/messages";
import { BUILTIN_PACK } from "../../lib/routine/builtin-pack";
import { kindLabel } from "../../lib/routine/pack";
import { GUIDE_MOMENTS } from "../../docs/moments";
import { REPO_ROOT, type Tresteg, launchTresteg } from "../../tests/e2e/harness";
import { PanelPage } from "../../tests/e2e/pages/panel";

const IMG_DIR = join(REPO_ROOT, "docs", "img");
const phrase = (id: string) => {
  const found = BUILTIN_PACK.steps.flatMap((s) => s.phrases).find((p) => p.id === id);
  if (!found) throw new Error(`no phrase ${id} in the routine's pack`);
  return found.text;
};
const stepTitle = (n: number, lang: "sv" | "en") =>
  BUILTIN_PACK.steps.find((s) => s.number === n)?.title[lang] ?? "";

for (const lang of ["sv", "en"] as const) {
  describe(`the guide's pictures in ${lang}`, () => {
    const t = translator(lang);
    let app: Tresteg;
    let panel: PanelPage;
    let page: Page;
    const taken = new Set<string>();

    async function picture(moment: (typeof GUIDE_MOMENTS)[number], focus?: string) {
      if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
      // Let the countdown, focus ring and thumbnails settle into what a coach sees.
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(IMG_DIR, `${lang}-${moment}.png`) });
      taken.add(moment);
    }

    afterAll(async () => {
      await app?.close();
      const missing = GUIDE_MOMENTS.filter((m) => !taken.has(m));
      if (missing.length > 0) throw new Error(`no picture of ${missing.join(", ")} (${lang})`);
    });

    it("walks an incident and takes each moment's picture", async () => {
      await mkdir(IMG_DIR, { recursive: true });
      // The panel's screenshot button needs the access a coach grants once (see the settings).
      app = await launchTresteg({ grant: ["<all_urls>"], lang });
      // The demo meeting `npm start` opens, the one a coach trying Tresteg meets: built like a
      // self-hosted Jitsi Meet, so the wait mutes and covers there as in a real call.
      const meeting = await app.openMeeting("/demo/meeting.html");
      await meeting.waitForFunction(() => document.body.dataset.media !== undefined);
      page = await app.openPanel(await app.tabIdOf(meeting));
      panel = new PanelPage(page);
      await page.getByRole("heading", { name: t("startIncident") }).waitFor();
      await picture("open");

      const undressed = kindLabel(BUILTIN_PACK, "inappropriate/undressed", lang);
      await page.getByRole("button", { name: t("startAs", { kind: undressed }) }).click();
      await panel.say(phrase("dress-upper-body"));
      await picture("start");

      await panel.say(phrase("wait-two-minutes"));
      await page.getByRole("button", { name: t("waitContinue") }).waitFor();
      await picture("wait");
      await panel.click(t("waitContinue"));

      await panel.click(t("screenshotLabel"));
      await page.locator(".evidence-item img").first().waitFor();
      await picture("screenshot", ".evidence-item");

      const note = page.getByRole("textbox", { name: t("noteLabel") });
      await note.fill(
        lang === "sv" ? "Klienten skrattar och vägrar." : "The client laughs and refuses.",
      );
      await note.press("Enter");
      await page.locator(".timeline .entry").first().waitFor();
      await picture("notes", ".notes");

      // Recording and calling for help sit in the step bar, under the screenshot button.
      await page.getByRole("button", { name: new RegExp(t("recording.start")) }).waitFor();
      await picture("record-help", ".recording");

      await panel.click(`${t("next", { title: stepTitle(2, lang) })} →`);
      await panel.say(phrase("warn-dress-or-park"));
      await picture("steps", "#step-heading");

      await panel.click(`${t("next", { title: stepTitle(3, lang) })} →`);
      await panel.say(phrase("end-now"));
      await page.getByText(t("hangUpNow")).waitFor();
      await picture("ending");

      await panel.click(t("terminate"));
      await panel.click(t("endIncident"));
      await page.getByRole("heading", { name: new RegExp(`^${t("draftHeading")} – `) }).waitFor();
      await picture("draft");
      await page.getByRole("heading", { name: t("checklist") }).scrollIntoViewIfNeeded();
      await picture("checklist");

      await panel.click(`← ${t("goBack")}`);
      await page.getByRole("checkbox", { name: t("practiceMode") }).check();
      await picture("practice", ".start");
    });
  });
}
