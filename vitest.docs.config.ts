import { defineConfig } from "vitest/config";

// `npm run docs`: the guide's pictures, taken in real Chromium like the end-to-end tests, but
// kept apart so the test command does not rewrite committed files.
export default defineConfig({
  test: {
    include: ["scripts/docs/**/*.screens.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 90_000,
  },
});
