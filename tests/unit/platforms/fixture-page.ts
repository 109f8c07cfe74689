// Loads an e2e fixture page (tests/e2e/fixtures/platforms) into its own jsdom window with its
// scripts running, so that unit tests drive the same page the browser tests do: its buttons
// toggle, its shortcuts work, its labels follow ?lang=en. Without a camera in jsdom the page
// falls back to painted streams; the videos are there, only empty.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";

// Vitest runs from the repository root (jsdom's URL cannot turn import.meta.url into a path).
const FIXTURES = resolve(process.cwd(), "tests/e2e/fixtures/platforms");

export type FixtureName =
  | "jitsi"
  | "self-hosted-jitsi"
  | "google-meet"
  | "teams"
  | "zoom"
  | "zoom-pwa"
  | "whereby"
  | "whereby-embed"
  | "no-controls";

function inline(html: string): string {
  const read = (path: string) => readFileSync(join(FIXTURES, path), "utf8");
  return html
    .replace(
      /<script src="([^"]+)"><\/script>/g,
      (_, src: string) => `<script>${read(src)}</script>`,
    )
    .replace(
      /<link rel="stylesheet" href="([^"]+)" \/>/g,
      (_, href: string) => `<style>${read(href)}</style>`,
    );
}

export interface FixturePage {
  window: JSDOM["window"];
  document: Document;
  url: string;
  /** The page's state as it exposes it for tests: mic, camera, call. */
  state(): DOMStringMap;
  close(): void;
}

export function openFixture(name: FixtureName, query = ""): FixturePage {
  const url = `http://127.0.0.1:4173/tests/e2e/fixtures/platforms/${name}.html${query}`;
  const html = readFileSync(join(FIXTURES, `${name}.html`), "utf8");
  // jsdom's "not implemented" notes (canvas, media) are expected here and say nothing.
  const quiet = new VirtualConsole();
  const dom = new JSDOM(inline(html), {
    url,
    runScripts: "dangerously",
    pretendToBeVisual: true,
    virtualConsole: quiet,
  });
  const document = dom.window.document;
  return {
    window: dom.window,
    document,
    url,
    state: () => document.body.dataset,
    close: () => dom.window.close(),
  };
}
