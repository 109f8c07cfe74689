export declare function expectedPackages(
  name: string,
  version: string,
): { chrome: string; firefox: string; sources: string };
export declare function checkPackages(opts: {
  dir: string;
  name: string;
  version: string;
}): string[];
