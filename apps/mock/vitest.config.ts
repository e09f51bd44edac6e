// Timeouts and defaults shared by every workspace (see ../../vitest.shared.ts), and the bundle the
// CLI tests run, built first when it is out of date (test/bundle-setup.ts).
import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.ts";

export default mergeConfig(
  shared,
  defineConfig({ test: { globalSetup: ["test/bundle-setup.ts"] } }),
);
