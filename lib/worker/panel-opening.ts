/** The parts of Chrome's side panel and action APIs the worker uses to open the panel. */
export interface PanelOpeningApi {
  sidePanel: {
    setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
    open(options: { tabId: number }): Promise<void>;
  };
  action: {
    onClicked: { addListener(listener: (tab: { id?: number }) => void): void };
  };
}

/**
 * The toolbar icon and its keyboard command open the side panel over the meeting tab from
 * `action.onClicked`, not through `openPanelOnActionClick`: Chrome grants activeTab for the
 * tab only when the action's click reaches the extension, so the panel's screenshot button
 * then captures the meeting without `<all_urls>` (measured in Chromium 156; the same found in
 * kizuna-ai-lab/sokuji#196, 2026-04-11). `open` is called at once, in the click: Chrome
 * refuses it once the gesture has passed (after an `await`).
 */
export function registerPanelOpening(api: PanelOpeningApi): void {
  // The behaviour is kept by Chrome across updates: an earlier version's `true` must go, or
  // the click would never reach onClicked.
  void api.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(logError);
  api.action.onClicked.addListener((tab) => {
    if (tab.id === undefined) return;
    api.sidePanel.open({ tabId: tab.id }).catch(logError);
  });
}

function logError(error: unknown) {
  console.error("Tresteg: side panel", error);
}
