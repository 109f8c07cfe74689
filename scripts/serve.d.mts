export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}
export declare function serveStatic(rootDir: string, port?: number): Promise<StaticServer>;
