import type { Locator, Page } from "puppeteer-core";
import { until } from "../shared/until";

export { until };

/** A puppeteer ARIA selector: the element with this role and exactly this accessible name. */
function byRole(role: string, name: string) {
  const quoted = name.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
  return `::-p-aria([name="${quoted}"][role="${role}"])`;
}

/**
 * The side panel in Firefox as a coach sees it: found by roles and accessible names (Firefox's
 * own accessibility tree, through BiDi), clicked with real pointer input. The same flow and
 * names as tests/e2e/pages/panel.ts, for puppeteer-core.
 */
export class PanelPage {
  constructor(readonly page: Page) {}

  button(name: string): Locator<Element> {
    return this.page.locator(byRole("button", name));
  }

  /**
   * Clicks a button once it is visible and enabled (puppeteer's locator waits for both),
   * scrolled to the middle of the panel first, as a coach scrolls a phrase out from under
   * the step bar that stays at the bottom (puppeteer would click the bar on top of it).
   */
  click(name: string) {
    return clickCentred(this.button(name));
  }

  startAs(kindLabel: string) {
    return this.click(`Starta incident: ${kindLabel}`);
  }

  text(selector: string): Promise<string | null> {
    return this.page.evaluate(
      (selector) => document.querySelector(selector)?.textContent ?? null,
      selector,
    );
  }

  async expectStep(n: 1 | 2 | 3, title: string) {
    const want = `Steg ${n}: ${title}`;
    await until(
      `the heading "${want}"`,
      () => this.text("#step-heading"),
      (t) => t === want,
    );
  }

  /** Clicks a phrase and waits until the panel shows it as said (i.e. committed). */
  async say(text: string) {
    // Found once by its accessible name; then read through the handle (a lookup in Firefox's
    // accessibility tree costs a few hundred milliseconds, too slow to poll).
    const button = await this.button(text).waitHandle();
    try {
      const read = () =>
        button.evaluate((el) => ({
          said: el.getAttribute("data-said"),
          busy: el.getAttribute("aria-busy"),
          status: document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent,
        }));
      const before = await read();
      if (before.status === undefined) {
        throw new Error(`The phrase "${text}" has no status line (aria-describedby)`);
      }
      await button.evaluate((el) => el.scrollIntoView({ block: "center" }));
      await button.click();
      const after = await until(
        `"${text}" shown as said`,
        read,
        (s) =>
          s.said === "true" &&
          s.busy === null &&
          (before.said !== "true" || s.status !== before.status),
      );
      return after.status ?? "";
    } finally {
      await button.dispose();
    }
  }

  /** The timeline's lines, newest first, as "HH:mm:ss text". */
  timeline(): Promise<string[]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll(".timeline .entry"), (li) => {
        const time = li.querySelector("time")?.textContent ?? "";
        const text = li.querySelector(".entry-text")?.textContent ?? "";
        return `${time} ${text}`;
      }),
    );
  }

  /** Waits until the timeline has `count` lines and returns them. */
  timelineOf(count: number): Promise<string[]> {
    return until(
      `${count} timeline entries`,
      () => this.timeline(),
      (lines) => lines.length === count,
    );
  }

  /** Whether a heading (any level) with this exact text, or starting with it, is shown. */
  waitForHeading(text: string, { prefix = false } = {}) {
    return until(
      `the heading "${text}${prefix ? "…" : ""}"`,
      () =>
        this.page.evaluate(() =>
          Array.from(document.querySelectorAll("h1, h2, h3"), (h) => h.textContent ?? ""),
        ),
      (headings) => headings.some((h) => (prefix ? h.startsWith(text) : h === text)),
    );
  }
}

async function clickCentred(locator: Locator<Element>): Promise<void> {
  const handle = await locator.waitHandle();
  await handle.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await handle.click();
}
