import type { BrowserType } from "playwright-core";

export type PersistentLaunchOptions = NonNullable<
  Parameters<BrowserType["launchPersistentContext"]>[1]
>;

export declare const INSTALL_HINT: string;
export declare function findChromium(): string | undefined;
export declare function ensureChromium(options?: { install?: boolean }): string;
export declare const L10N_HINT: string;
export declare function ensureChromiumLanguages(
  executablePath: string,
  options?: { install?: boolean },
): void;
export declare function chromiumLaunchOptions(
  executablePath: string,
  extensionDir: string,
  /**
   * lang: the browser's UI language, e.g. "en-US" (default "sv-SE"). fakeMediaUi (default
   * true): answer every camera/microphone prompt yes without showing it.
   */
  options?: { headless?: boolean; lang?: string; fakeMediaUi?: boolean },
): PersistentLaunchOptions;

export declare const X11_HINT: string;
export declare function ensureX11Tools(opts?: { install?: boolean }): {
  xvfb: string;
  xdotool: string;
};

export declare const PDFTOTEXT_HINT: string;
export declare function ensurePdfToText(opts?: { install?: boolean }): string;
