import { defineConfig } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";
import { verifierPlugin } from "./scripts/verifier.mjs";

export default defineConfig({
  plugins: [WxtVitest(), verifierPlugin()],
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}"],
    environment: "jsdom",
    setupFiles: ["tests/unit/setup.ts"],
    // The panel's component tests walk whole incidents through jsdom and fake-indexeddb: on a
    // busy two-core machine one of them can take longer than the default five seconds.
    testTimeout: 15_000,
  },
});
