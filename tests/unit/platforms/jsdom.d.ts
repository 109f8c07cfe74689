// The few jsdom types the fixture loader uses (the project has no @types/jsdom; jsdom itself
// is already a dev dependency as Vitest's environment).
declare module "jsdom" {
  export class VirtualConsole {}
  export interface ConstructorOptions {
    url?: string;
    runScripts?: "dangerously" | "outside-only";
    pretendToBeVisual?: boolean;
    virtualConsole?: VirtualConsole;
  }
  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: Window & typeof globalThis;
  }
}
