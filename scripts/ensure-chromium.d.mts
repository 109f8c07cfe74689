import type { BrowserType } from "playwright-core";

export type PersistentLaunchOptions = NonNullable<
  Parameters<BrowserType["launchPersistentContext"]>[1]
>;

export declare const INSTALL_HINT: string;
export declare function findChromium(): string | undefined;
export declare function ensureChromium(options?: { install?: boolean }): string;
export declare function chromiumLaunchOptions(
  executablePath: string,
  extensionDir: string,
  options?: { headless?: boolean },
): PersistentLaunchOptions;

export declare const X11_HINT: string;
export declare function ensureX11Tools(opts?: { install?: boolean }): {
  xvfb: string;
  xdotool: string;
};
