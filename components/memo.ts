import { Component, type FunctionComponent, h } from "preact";

/**
 * A component drawn again only when `same` says its props changed: preact/compat's memo
 * without compat, whose hooks on every element would cost each render of the panel.
 */
export function memo<P extends object>(
  Inner: FunctionComponent<P>,
  same: (previous: P, next: P) => boolean,
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
