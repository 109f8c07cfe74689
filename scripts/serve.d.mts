export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}
export interface ServeOptions {
  /** PEM key and certificate: serve https instead of http. */
  tls?: { key: string; cert: string };
  /** URL path prefix → repository path prefix. */
  aliases?: Record<string, string>;
}
export declare function serveStatic(
  rootDir: string,
  port?: number,
  options?: ServeOptions,
): Promise<StaticServer>;
