import type { Shortcut } from "./adapter";

function isMac(doc: Document): boolean {
  const platform = doc.defaultView?.navigator.platform ?? "";
  return /^mac/i.test(platform);
}

/**
 * Presses a platform's documented shortcut as a key press on the page: keydown then keyup on
 * the focused element (or the body), bubbling to the window. Platforms differ in which of the
 * two they act on (Jitsi listens to keyup on the window, Meet to keydown), and none acts on
 * both, so one press toggles once.
 */
export function pressShortcut(doc: Document, shortcut: Shortcut): void {
  const view = doc.defaultView;
  if (!view) return;
  const mac = isMac(doc);
  // A platform that ignores its keys while a button has focus (Jitsi) would swallow the
  // press: the focus leaves that button first, as a coach clicking the page would make it.
  const focused = doc.activeElement as HTMLElement | null;
  if (focused && focused !== doc.body && shortcut.ignoredWhileFocused) {
    let swallows: boolean;
    try {
      swallows = focused.matches(shortcut.ignoredWhileFocused);
    } catch {
      // A selector this browser does not understand: the focus stays where it is.
      swallows = false;
    }
    if (swallows) focused.blur?.();
  }
  const target = doc.activeElement ?? doc.body ?? doc.documentElement;
  const init: KeyboardEventInit = {
    key: shortcut.key,
    code: shortcut.code,
    ctrlKey: Boolean(shortcut.primary) && !mac,
    metaKey: Boolean(shortcut.primary) && mac,
    shiftKey: Boolean(shortcut.shift),
    altKey: Boolean(shortcut.alt),
    bubbles: true,
    cancelable: true,
    composed: true,
  };
  for (const type of ["keydown", "keyup"]) {
    target.dispatchEvent(new view.KeyboardEvent(type, init));
  }
}
