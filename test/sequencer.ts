// The order the cross tests' files start in. They run on two workers, and the run ends when the
// last file does: longest first, so it does not end with one long file on one worker while the
// other has nothing left. Vitest orders by the durations it cached on this machine
// (node_modules/.vite), which count only hooks and tests (a file that starts its mock at the top
// level looks instant), and in a fresh clone, as CI runs, it has none and orders by file size,
// which starts console.test.ts (746 bytes, one of the longest files: its tests are in
// browser/console-suite.ts) last. So the order comes from durations.json: each file's whole time,
// recorded by `npm run bench:tests -- --write-durations`. As in vitest, a file that failed last
// time here starts first, then one with no recorded duration. Only the order depends on this,
// never a verdict.
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification, type Vitest } from "vitest/node";
import { readDurations } from "./durations.ts";

export default class LongestFirstSequencer extends BaseSequencer {
  private readonly recorded: Record<string, number>;

  constructor(ctx: Vitest, recorded: Record<string, number> = readDurations()) {
    super(ctx);
    this.recorded = recorded;
  }

  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cached = (spec: TestSpecification) => this.ctx.cache.getTestSpecificationResult(spec);
    const failed = (spec: TestSpecification) => (cached(spec)?.failed ? 1 : 0);
    const ms = (spec: TestSpecification) =>
      this.recorded[relative(spec.project.config.root, spec.moduleId)] ?? Number.POSITIVE_INFINITY;
    return [...files].sort((a, b) => failed(b) - failed(a) || ms(b) - ms(a));
  }
}
