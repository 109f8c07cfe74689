import { describe, expect, it } from "vitest";
import { type PanelOpeningApi, registerPanelOpening } from "@/lib/worker/panel-opening";

function aChrome() {
  const calls: string[] = [];
  let clicked: ((tab: { id?: number }) => void) | undefined;
  const api: PanelOpeningApi = {
    sidePanel: {
      setPanelBehavior: async (behavior) => {
        calls.push(`behavior:${behavior.openPanelOnActionClick}`);
      },
      open: async ({ tabId }) => {
        calls.push(`open:${tabId}`);
      },
    },
    action: { onClicked: { addListener: (listener) => (clicked = listener) } },
  };
  return { api, calls, click: (tab: { id?: number }) => clicked?.(tab) };
}

describe("opening the side panel from Tresteg's icon", () => {
  it("turns Chrome's own opening off, so the click reaches the extension", () => {
    const chrome = aChrome();
    registerPanelOpening(chrome.api);
    expect(chrome.calls).toEqual(["behavior:false"]);
  });

  it("opens the panel over the clicked tab within the click itself", () => {
    const chrome = aChrome();
    registerPanelOpening(chrome.api);
    chrome.click({ id: 42 });
    // Synchronously: after an await, Chrome no longer counts the click as a user gesture.
    expect(chrome.calls).toEqual(["behavior:false", "open:42"]);
  });

  it("does nothing for a click that names no tab", () => {
    const chrome = aChrome();
    registerPanelOpening(chrome.api);
    chrome.click({});
    expect(chrome.calls).toEqual(["behavior:false"]);
  });
});
