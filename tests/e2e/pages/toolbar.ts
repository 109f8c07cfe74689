import type { CDPSession, Page } from "playwright-core";
import type { Tresteg } from "../harness";
import { until } from "./panel";

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

async function browserSession(app: Tresteg): Promise<CDPSession> {
  const browser = app.context.browser();
  if (!browser) throw new Error("No browser behind the context to send DevTools commands to");
  return browser.newBrowserCDPSession();
}

async function targets(session: CDPSession, type: string): Promise<TargetInfo[]> {
  const { targetInfos } = (await session.send("Target.getTargets", {
    filter: [{ type }],
  } as never)) as { targetInfos: TargetInfo[] };
  return targetInfos;
}

/**
 * Clicks Tresteg's toolbar icon on a tab, as the coach does: DevTools' Extensions.triggerAction
 * runs the extension's action on that tab the way a click on the icon does (Chromium's
 * ExtensionActionRunner), which Playwright cannot click since the toolbar is not in a page.
 */
export async function clickTrestegIcon(app: Tresteg, tab: Page): Promise<void> {
  const session = await browserSession(app);
  try {
    const url = tab.url();
    const target = (await targets(session, "tab")).find((t) => t.url === url);
    if (!target) throw new Error(`No tab target shows ${url}`);
    await session.send(
      "Extensions.triggerAction" as never,
      {
        id: app.extensionId,
        targetId: target.targetId,
      } as never,
    );
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/**
 * The side panel Chrome opened beside the meeting. Playwright lists no side panel among its
 * pages, so it is reached through DevTools: script evaluated in the panel's own page.
 */
export class SidePanel {
  private constructor(
    private readonly session: CDPSession,
    private readonly sessionId: string,
  ) {}

  static async find(app: Tresteg): Promise<SidePanel> {
    const session = await browserSession(app);
    const panelUrl = `chrome-extension://${app.extensionId}/sidepanel.html`;
    const target = await until(
      "Tresteg's side panel",
      async () => (await targets(session, "page")).find((t) => t.url.startsWith(panelUrl)),
      (found) => found !== undefined,
    );
    const { sessionId } = (await session.send("Target.attachToTarget", {
      targetId: target!.targetId,
      flatten: false,
    } as never)) as { sessionId: string };
    return new SidePanel(session, sessionId);
  }

  /** Evaluates an expression in the side panel and returns its (JSON) value. */
  async evaluate<T>(expression: string): Promise<T> {
    const id = Math.floor(Math.random() * 1e9);
    const answer = new Promise<T>((resolve, reject) => {
      const onMessage = (event: { sessionId: string; message: string }) => {
        const reply = JSON.parse(event.message) as {
          id?: number;
          result?: { result: { value: T }; exceptionDetails?: { text: string } };
          error?: { message: string };
        };
        if (event.sessionId !== this.sessionId || reply.id !== id) return;
        this.session.off("Target.receivedMessageFromTarget" as never, onMessage as never);
        if (reply.error) reject(new Error(reply.error.message));
        else if (reply.result?.exceptionDetails)
          reject(new Error(reply.result.exceptionDetails.text));
        else resolve(reply.result?.result.value as T);
      };
      this.session.on("Target.receivedMessageFromTarget" as never, onMessage as never);
    });
    await this.session.send(
      "Target.sendMessageToTarget" as never,
      {
        sessionId: this.sessionId,
        message: JSON.stringify({
          id,
          method: "Runtime.evaluate",
          params: { expression, awaitPromise: true, returnByValue: true, userGesture: true },
        }),
      } as never,
    );
    return answer;
  }

  /** Clicks the button with this accessible name (its aria-label or its text). */
  click(name: string): Promise<boolean> {
    return this.evaluate<boolean>(`(() => {
      const name = ${JSON.stringify(name)};
      const button = [...document.querySelectorAll("button")].find(
        (b) => b.getAttribute("aria-label") === name || b.textContent.trim() === name,
      );
      if (!button) return false;
      button.click();
      return true;
    })()`);
  }

  close(): Promise<void> {
    return this.session.detach().catch(() => undefined);
  }
}
