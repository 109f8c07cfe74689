import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";

export default defineBackground(() => {
  // Chrome: the toolbar icon and its keyboard command (_execute_action) open the side panel
  // beside the active tab. Firefox opens its sidebar through _execute_sidebar_action.
  if (browser.sidePanel) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  }
});
