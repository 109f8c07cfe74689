import { defineConfig } from "vitest/config";

// End-to-end tests drive a real Chromium with the built extension. No WXT plugin here: these
// tests run in Node and talk to the browser through playwright-core.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    environment: "node",
    // One browser at a time: two cores cannot run several Chromiums without flaky timeouts.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
