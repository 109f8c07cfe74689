import { render } from "preact";
import { FirstView } from "../../components/FirstView";
import { createFirstClicks } from "../../lib/panel/first-clicks";
import { replayClicks, takeFirstView } from "../../lib/panel/first-view-boot";
import { otherLanguage, switchLanguage } from "../../lib/panel/language";
import { readOpenHint } from "../../lib/panel/open-hint";
import { BUILTIN_PACK } from "../../lib/routine/builtin-pack";
import type { KindRef } from "../../lib/routine/pack";
import { chosenLanguageReady, languages, store } from "./ui-state";

// The side panel opens in three parts. The page itself brings its styles and its first view
// (templates shown by a classic script while the page is read: scripts/panel-page.ts). This
// small module then takes that view over; the rest (the database, the routine's steps, the
// log) loads beside it and takes over when it is ready. A coach's click at any point before
// is shown busy and carried out then, never lost.

type Panel = typeof import("./app");
const clicks = createFirstClicks<Panel>(store);

const root = document.getElementById("app") as HTMLElement;
// The view the page already shows (none if its script did not run): same hint, same language.
const shown = takeFirstView();
const hint = shown?.hint ?? readOpenHint(globalThis.localStorage);
void chosenLanguageReady
  .then(() => {
    // The full panel, if it is here first, draws instead (its own then, right after this).
    if (clicks.isLoaded) return;
    // Rendered into the shown view's elements: Preact takes them over as they are.
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
        onCapture={() =>
          clicks.whenLoaded("capture:queued", (panel) => panel.panelActions.capture())
        }
      />,
      root,
    );
  })
  // Whichever drew, the clicks made on the page's own view are now carried out, in order.
  .then(() => replayClicks(shown?.takeClicks() ?? []));

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
