// A vitest reporter that records how long each cross-test file took, whole (environment, setup,
// import with its top-level awaits, hooks and tests), into durations.json when the run passed: the
// order ./sequencer.ts starts files in. A run of some files updates their entries only. Vitest's
// own cache and JSON report count only hooks and tests, so a file that does its work while
// importing (a mock started at the top level) looks instant there. On when
// KLEARSTACK_WRITE_DURATIONS is set (`npm run bench:tests -- --write-durations`), never in a plain
// `npm test`: a test run writes no tracked file.
import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import type { Reporter, TestModule, TestRunEndReason } from "vitest/node";
import { durationsFile, type RecordedDurations, readDurations } from "./durations.ts";

export default class DurationsReporter implements Reporter {
  private readonly files = new Map<string, number>();

  onTestModuleEnd(testModule: TestModule): void {
    const d = testModule.diagnostic();
    const whole =
      d.environmentSetupDuration +
      d.prepareDuration +
      d.setupDuration +
      d.collectDuration +
      d.duration;
    this.files.set(
      relative(testModule.project.config.root, testModule.moduleId),
      Math.round(whole),
    );
  }

  onTestRunEnd(
    _modules: ReadonlyArray<TestModule>,
    _errors: unknown,
    reason: TestRunEndReason,
  ): void {
    if (reason !== "passed") {
      console.log("The cross tests did not pass: their file durations were not recorded.");
      return;
    }
    const recorded: RecordedDurations = {
      generatedBy: "npm run bench:tests -- --write-durations",
      // A run of some files updates theirs and keeps the others'.
      files: Object.fromEntries(
        Object.entries({ ...readDurations(), ...Object.fromEntries(this.files) }).sort(
          (a, b) => b[1] - a[1],
        ),
      ),
    };
    writeFileSync(durationsFile, `${JSON.stringify(recorded, null, 2)}\n`);
  }
}
