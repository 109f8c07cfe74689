import { defineConfig } from "vitest/config";

// The core flow in real Firefox (firefox-esr), driven over WebDriver BiDi by puppeteer-core.
// No WXT plugin here: these tests run in Node and talk to the browser (tests/firefox/harness.ts).
export default defineConfig({
  test: {
    include: ["tests/firefox/**/*.firefox.ts"],
    environment: "node",
    // One browser at a time: two cores cannot run several Firefoxes without flaky timeouts.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
