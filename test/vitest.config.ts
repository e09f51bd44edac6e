// Timeouts and defaults shared by every workspace (see ../vitest.shared.ts), with one more worker:
// the cross tests outlast every other workspace's, and most of their files wait on a child
// process (Chromium, newman, java, npm), so a third file runs while two wait. One Chromium serves
// the whole run; each file opens its own fresh context on it (@klearstack/test-support/chromium).
import { mergeConfig } from "vitest/config";
import shared from "../vitest.shared.ts";

export default mergeConfig(shared, {
  test: { maxWorkers: 3, globalSetup: ["@klearstack/test-support/chromium-setup"] },
});
