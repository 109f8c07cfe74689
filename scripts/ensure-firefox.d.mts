export declare const MIN_FIREFOX: number;
export declare const INSTALL_HINT: string;
export declare const L10N_HINT: string;
export declare function findFirefox(): string | undefined;
export declare function firefoxVersion(executablePath: string): number | undefined;
export declare function ensureFirefox(options?: { install?: boolean }): string;
export declare function ensureFirefoxLanguages(
  executablePath: string,
  options?: { install?: boolean },
): void;
