// Timeouts and defaults shared by every workspace (see ../vitest.shared.ts), with a second worker:
// the cross tests outlast every other workspace's, and most of their files wait on a child
// process (Chromium, newman, java, npm), so a second file runs while one waits. A third cost more
// than it saved: the workspace alone measured 214 s and 223 s of CPU with three workers, 195 s and
// 201 s with two, and finished sooner with two. One Chromium serves the whole run; each file opens
// its own fresh context on it (@klearstack/test-support/chromium). Files start longest first, in
// a fresh clone too (./sequencer.ts, by the durations ./durations-reporter.ts records on request).
import { mergeConfig } from "vitest/config";
import shared from "../vitest.shared.ts";
import DurationsReporter from "./durations-reporter.ts";
import LongestFirstSequencer from "./sequencer.ts";

// mergeConfig appends to the shared reporters, when there are any (bench:tests' JSON report).
const recordDurations = process.env.KLEARSTACK_WRITE_DURATIONS
  ? [...(shared.test?.reporters ? [] : ["default"]), new DurationsReporter()]
  : undefined;

export default mergeConfig(shared, {
  test: {
    maxWorkers: 2,
    globalSetup: ["@klearstack/test-support/chromium-setup"],
    sequence: { sequencer: LongestFirstSequencer },
    ...(recordDurations && { reporters: recordDurations }),
  },
});
