import type { Locator, Page } from "playwright-core";
import { until } from "../../shared/until";

export { until };

/** The side panel as a coach sees it: by roles and names, the way they would find things. */
export class PanelPage {
  constructor(readonly page: Page) {}

  startAs(kindLabel: string) {
    return this.page.getByRole("button", { name: `Starta incident: ${kindLabel}` }).click();
  }

  stepHeading(): Locator {
    return this.page.locator("#step-heading");
  }

  async expectStep(n: 1 | 2 | 3, title: string) {
    const want = `Steg ${n}: ${title}`;
    await until(
      `the heading "${want}"`,
      () => this.stepHeading().textContent(),
      (t) => t === want,
    );
  }

  phrase(text: string): Locator {
    return this.page.getByRole("button", { name: text, exact: true });
  }

  /** Clicks a phrase and waits until the panel shows it as said (i.e. committed). */
  async say(text: string) {
    const button = this.phrase(text);
    const before = (await button.getAttribute("data-said")) === "true";
    const status = this.page.locator(`#${await button.getAttribute("aria-describedby")}`);
    const statusBefore = await status.textContent();
    await button.click();
    await until(
      `"${text}" shown as said`,
      async () => ({
        said: await button.getAttribute("data-said"),
        changed: (await status.textContent()) !== statusBefore,
        busy: await button.getAttribute("aria-busy"),
      }),
      (s) => s.said === "true" && s.busy === null && (!before || s.changed),
    );
  }

  click(name: string | RegExp) {
    return this.page.getByRole("button", { name, exact: typeof name === "string" }).click();
  }

  /** The timeline's lines, newest first, as "HH:mm:ss text". */
  async timeline(): Promise<string[]> {
    const entries = this.page.locator(".timeline .entry");
    const texts = await entries.evaluateAll((items) =>
      items.map((li) => {
        const time = li.querySelector("time")?.textContent ?? "";
        const text = li.querySelector(".entry-text")?.textContent ?? "";
        return `${time} ${text}`;
      }),
    );
    return texts;
  }
}
