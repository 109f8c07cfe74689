import { Component, type FunctionComponent, h } from "preact";

/** The same props: the same keys, each holding the same value (functions by identity). */
export function sameProps<P extends object>(previous: P, next: P): boolean {
  const keys = Object.keys(next) as (keyof P)[];
  if (keys.length !== Object.keys(previous).length) return false;
  return keys.every((key) => Object.is(previous[key], next[key]));
}

/**
 * A component drawn again only when `same` says its props changed (by default, when any
 * prop is another value): preact/compat's memo without compat, whose hooks on every element
 * would cost each render of the panel. A click redraws the panel from its top; what the click
 * did not change is then skipped, as long as its callbacks are kept the same between draws.
 */
export function memo<P extends object>(
  Inner: FunctionComponent<P>,
  same: (previous: P, next: P) => boolean = sameProps,
) {
  return class Memo extends Component<P> {
    override shouldComponentUpdate(next: P) {
      return !same(this.props, next);
    }
    render() {
      return h(Inner, this.props);
    }
  };
}
