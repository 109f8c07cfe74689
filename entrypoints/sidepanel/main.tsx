import { render } from "preact";
import { FirstView } from "../../components/FirstView";
import { createFirstClicks } from "../../lib/panel/first-clicks";
import { otherLanguage, switchLanguage } from "../../lib/panel/language";
import { readOpenHint } from "../../lib/panel/open-hint";
import { BUILTIN_PACK } from "../../lib/routine/builtin-pack";
import type { KindRef } from "../../lib/routine/pack";
import { chosenLanguageReady, languages, store } from "./ui-state";
import panelStyle from "./style.css?inline";
import trackStyle from "./tracks.css?inline";

// The side panel opens in two parts: this small first part draws the start at once; the rest
// (the database, the routine's steps, the log) loads beside it and takes over when it is ready.
// A coach's click in between is shown busy and carried out then, never lost.

type Panel = typeof import("./app");
const clicks = createFirstClicks<Panel>(store);

// The styles travel inside this script: a separate stylesheet is one more file to read
// before anything runs (measured: ~20 ms at open).
const style = document.createElement("style");
style.textContent = panelStyle + trackStyle;
document.head.append(style);

const root = document.getElementById("app") as HTMLElement;
const hint = readOpenHint(globalThis.localStorage);
void chosenLanguageReady.then(() => {
  if (clicks.isLoaded) return;
  render(
    <FirstView
      store={store}
      languages={languages}
      pack={BUILTIN_PACK}
      hint={hint}
      onToggleLang={() =>
        void switchLanguage(store, languages, otherLanguage(store.getState().lang))
      }
      onStart={(kinds: KindRef[]) =>
        clicks.whenLoaded("start:queued", (panel) => panel.panelActions.startIncident(kinds))
      }
      onCapture={() => clicks.whenLoaded("capture:queued", (panel) => panel.panelActions.capture())}
    />,
    root,
  );
});

// The rest loads once the first view is on screen, when the page is next idle: evaluating it
// earlier would hold up that first paint, and anything already waiting (a click, the
// browser's own work) goes first. The timeout bounds the wait on a page that is never idle.
const afterFirstPaint = new Promise<void>((resolve) =>
  requestAnimationFrame(() => setTimeout(resolve, 0)),
);
const whenIdle = () =>
  new Promise<void>((resolve) =>
    typeof requestIdleCallback === "function"
      ? requestIdleCallback(() => resolve(), { timeout: 50 })
      : setTimeout(resolve, 0),
  );
afterFirstPaint
  .then(whenIdle)
  .then(() => import("./app"))
  .then(
    (panel) => clicks.loaded(panel),
    (error: unknown) => {
      console.error("Tresteg: the panel could not load", error);
      clicks.failed(error);
    },
  );
