/**
 * Small DOM readers shared by the adapters. They read attributes and computed styles only
 * (no layout), so they behave the same in jsdom and in the browser.
 */

/** Every element matching any of the selectors, in document order, without duplicates. */
export function queryAll(root: ParentNode, selectors: readonly string[]): HTMLElement[] {
  const found = new Set<HTMLElement>();
  for (const selector of selectors) {
    try {
      for (const element of root.querySelectorAll<HTMLElement>(selector)) found.add(element);
    } catch {
      // A selector this browser does not understand finds nothing.
    }
  }
  return [...found];
}

/** False for elements that are hidden by `hidden`, `display: none` or `visibility: hidden`. */
export function isRendered(element: Element): boolean {
  if (!element.isConnected) return false;
  const view = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if ((node as HTMLElement).hidden === true) return false;
    const style = view?.getComputedStyle(node);
    if (style?.display === "none") return false;
    if (node === element && style?.visibility === "hidden") return false;
  }
  return true;
}

/**
 * The first element matching the selectors, tried in order, preferring one that is rendered.
 * A hidden match still counts: platforms hide their toolbars after a few idle seconds (Jitsi,
 * Zoom) and a click on a hidden button still reaches its handler.
 */
export function findControl(root: ParentNode, selectors: readonly string[]): HTMLElement | null {
  const matches = selectors.flatMap((selector) => queryAll(root, [selector]));
  return matches.find(isRendered) ?? matches[0] ?? null;
}

/** The first rendered element matching the selectors: for dialogs, which count only when shown. */
export function findShown(root: ParentNode, selectors: readonly string[]): HTMLElement | null {
  return queryAll(root, selectors).find(isRendered) ?? null;
}

/** The accessible label a sighted coach would also see: aria-label, then title, then text. */
export function labelOf(element: Element): string {
  const text =
    element.getAttribute("aria-label") ||
    element.getAttribute("data-tooltip") ||
    element.getAttribute("title") ||
    element.textContent ||
    "";
  return text.replace(/\s+/g, " ").trim();
}

/** The nearest clickable ancestor (or the element itself). */
export function clickable(element: HTMLElement | null): HTMLElement | null {
  return element?.closest<HTMLElement>("button, [role=button]") ?? element;
}

/** aria-pressed as a boolean, or null when the element carries none. */
export function pressed(element: Element): boolean | null {
  const value = element.getAttribute("aria-pressed");
  if (value === "true") return true;
  if (value === "false") return false;
  return null;
}

export function isDisabled(element: Element): boolean {
  return (
    (element as HTMLButtonElement).disabled === true ||
    element.getAttribute("aria-disabled") === "true"
  );
}
