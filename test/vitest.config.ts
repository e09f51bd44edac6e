// Timeouts and defaults shared by every workspace (see ../vitest.shared.ts), with a second worker:
// the cross tests outlast every other workspace's, and most of their files wait on a child
// process (Chromium, newman, java, npm), so a second file runs while one waits. A third cost more
// than it saved: the workspace alone measured 214 s and 223 s of CPU with three workers, 195 s and
// 201 s with two, and finished sooner with two. One Chromium serves the whole run; each file opens
// its own fresh context on it (@klearstack/test-support/chromium).
import { mergeConfig } from "vitest/config";
import shared from "../vitest.shared.ts";

export default mergeConfig(shared, {
  test: { maxWorkers: 2, globalSetup: ["@klearstack/test-support/chromium-setup"] },
});
