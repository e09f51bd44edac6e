// Shared by every workspace's vitest.config.ts. Our tests drive real processes (Prism, tsc, javac,
// Chromium, newman, redocly) on a 2-core machine that turbo loads with several suites at once, so
// the timeouts only catch hangs; they are not speed assertions (speed lives in `npm run bench`).
// They are long enough for a machine whose cores are all busy elsewhere (`npm run test:stress`;
// a docs build measured 200 s on this machine at a load average of 23): a test waits on
// conditions, and a deadline must not turn load into a failure.
import { basename } from "node:path";
import { defineConfig } from "vitest/config";

// `npm run bench:tests` (bench/tests.ts) asks each workspace for vitest's JSON report, for the
// per-file times it prints.
const reportDir = process.env.KLEARSTACK_TEST_REPORT_DIR;

export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // One worker per workspace: turbo runs four test tasks at once on two cores, so a workspace's
    // files gain nothing by running side by side, and a second worker loads the shared modules
    // again. Measured for each workspace alone, CPU with two workers → one: docs 44.2 → 38.1 s,
    // mock 30.7 → 26.8 s, conformance 13.4 → 10.5 s, spec 12.7 → 11.9 s, client 16.7 → 16.7 s.
    // The cross tests, which outlast the rest, keep two (test/vitest.config.ts).
    maxWorkers: 1,
    // A worker runs its files one after another in one process, so the modules they share (Prism,
    // the spec model, playwright, ajv) load once per worker, not once per file: 31-49 % less CPU
    // per workspace (test/TIMING.md, "Earlier rounds"). Tests therefore keep no state between
    // files: a stubbed global is restored in afterEach, a server or browser closed in afterAll.
    isolate: false,
    ...(reportDir && {
      reporters: [
        "default",
        ["json", { outputFile: `${reportDir}/${basename(process.cwd())}.json` }],
      ],
    }),
  },
});
