import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { MEETING_HOSTS } from "@/lib/platforms/hosts";

// The meeting content script runs on lib/platforms/hosts.ts's list; the extension's host
// permissions come from wxt.config.ts. Until wxt.config.ts imports the list, the two copies
// must stay the same, or Tresteg could act on pages it has no permission for, or miss some.
describe("the meeting hosts", () => {
  it("are the same for the content script and the host permissions", () => {
    const config = readFileSync(resolve(process.cwd(), "wxt.config.ts"), "utf8");
    if (
      /import\s*\{[^}]*MEETING_HOSTS[^}]*\}\s*from\s*["'][^"']*platforms\/hosts["']/.test(config)
    ) {
      return;
    }
    const literal = /MEETING_HOSTS\s*=\s*\[([^\]]*)\]/.exec(config)?.[1] ?? "";
    const inConfig = [...literal.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
    expect(inConfig).toEqual(MEETING_HOSTS);
  });
});
