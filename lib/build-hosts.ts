/**
 * Plain-http loopback access is for the demo meeting, the practice fixtures and the tests only:
 * `http://localhost/*` matches any port, so a shipped build holding it could act on whatever a
 * local program serves. Production builds leave it out; the demo, the tests and the benchmark
 * use a development build (`wxt build --mode development`, written to .output/<browser>-dev).
 */
export const LOOPBACK_HOSTS = ["http://localhost/*", "http://127.0.0.1/*"];

/** The build modes that keep the loopback hosts. */
export const keepsLoopback = (mode: string) => mode === "development";

interface ManifestHosts {
  host_permissions?: string[];
  /** Firefox MV2 keeps host patterns among the permissions. */
  permissions?: unknown[];
  content_scripts?: Array<{ matches?: string[] }>;
}

/** The manifest without the loopback hosts, in every place a match pattern grants access. */
export function withoutLoopback<M extends ManifestHosts>(manifest: M): M {
  const drop = <T>(list: T[] | undefined) =>
    list?.filter((item) => !LOOPBACK_HOSTS.includes(item as string));
  const result: M = { ...manifest };
  if (manifest.host_permissions) result.host_permissions = drop(manifest.host_permissions);
  if (manifest.permissions) result.permissions = drop(manifest.permissions);
  if (manifest.content_scripts) {
    result.content_scripts = manifest.content_scripts
      .map((script) => ({ ...script, matches: drop(script.matches) ?? [] }))
      // A script left with nothing to match would be refused by the browser.
      .filter((script) => script.matches.length > 0);
  }
  return result;
}
