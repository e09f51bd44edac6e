// Shared by every workspace's vitest.config.ts. Our tests drive real processes (Prism, tsc, javac,
// Chromium, newman, redocly) on a 2-core machine that turbo loads with several suites at once, so
// the timeouts only catch hangs; they are not speed assertions (speed lives in `npm run bench`).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
