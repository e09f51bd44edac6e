// Timeouts and defaults shared by every workspace (see ../../vitest.shared.ts). One Chromium serves
// the whole run; each file opens its own fresh context on it (@klearstack/test-support/chromium).
import { mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.ts";

export default mergeConfig(shared, {
  test: { globalSetup: ["@klearstack/test-support/chromium-setup"] },
});
