// @vitest-environment node
import { describe, expect, it } from "vitest";
import { keepsLoopback, LOOPBACK_HOSTS, withoutLoopback } from "@/lib/build-hosts";
import { MEETING_HOSTS } from "@/lib/platforms/hosts";
import config from "@/wxt.config";

/** The manifest hook of wxt.config.ts, run as WXT runs it for a build in `mode`. */
function built(mode: string, manifest: Record<string, unknown>) {
  const hooks = config.hooks as Record<string, unknown>;
  const hook = hooks["build:manifestGenerated"] as (
    wxt: { config: { mode: string } },
    manifest: Record<string, unknown>,
  ) => void;
  const copy = structuredClone(manifest);
  hook({ config: { mode } }, copy);
  return copy;
}

const MANIFEST = {
  host_permissions: MEETING_HOSTS,
  content_scripts: [{ matches: MEETING_HOSTS, js: ["content-scripts/meeting.js"] }],
};

describe("loopback host access", () => {
  it("is left out of a production build: no http://localhost/* or http://127.0.0.1/* anywhere", () => {
    const production = built("production", MANIFEST);
    const text = JSON.stringify(production);
    for (const host of LOOPBACK_HOSTS) expect(text).not.toContain(host);
    expect(production.host_permissions).toContain("https://meet.jit.si/*");
    expect((production.content_scripts as Array<{ matches: string[] }>)[0]?.matches).toContain(
      "https://meet.google.com/*",
    );
  });

  it("stays in the development build that the demo, the tests and the benchmark use", () => {
    expect(keepsLoopback("development")).toBe(true);
    expect(built("development", MANIFEST)).toEqual(MANIFEST);
  });

  it("is taken from Firefox's MV2 permissions too", () => {
    const mv2 = withoutLoopback({ permissions: ["storage", ...MEETING_HOSTS] });
    expect(mv2.permissions).toContain("storage");
    expect(mv2.permissions).not.toContain("http://localhost/*");
  });
});
