/** Each file's path in the build (e.g. `chunks/panel-….js`) and its bytes. */
export type Scripts = Map<string, Buffer>;
export declare function panelScripts(build: string): {
  /** What the panel runs before its first draw. */
  atOpen: Scripts;
  /** What it loads later, through import(). */
  later: Scripts;
};
