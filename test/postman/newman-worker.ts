// A worker thread that loads newman once and runs collections on request, through newman's own
// library entry (`newman.run`) with the CLI's reporters (cli, without its summary table; json).
// Its stdout is the cli reporter's text; after each run it writes an end marker there and posts
// the run's exit code, computed as newman's bin/newman.js does (an error, a run error or any
// failure → 1). Loading newman costs about a second of CPU: a worker spares that per run.
import { createRequire } from "node:module";
import { parentPort } from "node:worker_threads";

interface RunRequest {
  id: number;
  /** newman.run options: collection, environment, envVar, reporter export, working dir. */
  options: Record<string, unknown>;
  /** Written to stdout after the run's output: a line of its own. */
  marker: string;
}
interface Summary {
  run: { error?: unknown; failures: unknown[] };
}
type Newman = {
  run(options: Record<string, unknown>, done: (err: Error | null, summary: Summary) => void): void;
};

// newman 6 trips Node 24's deprecation warnings (fs.F_OK, util.isArray): noise, not news.
process.noDeprecation = true;
const newman = createRequire(import.meta.url)("newman") as Newman;

parentPort?.on("message", ({ id, options, marker }: RunRequest) => {
  // The cli reporter without its closing summary table (run counts, drawn with cli-table3, whose
  // string-width and ansi-regex took a tenth of a worker's CPU): what the tests read of the output
  // (the failures with their AssertionError, console lines, anything that could leak a secret)
  // stays. The CLI case in collection-drift.test.ts still prints the table.
  const reporter = { ...(options.reporter as object), cli: { noSummary: true } };
  newman.run({ ...options, reporters: ["cli", "json"], reporter }, (err, summary) => {
    const failed = Boolean(err || summary?.run.error || summary?.run.failures.length);
    process.stdout.write(marker, () => {
      parentPort?.postMessage({ id, code: failed ? 1 : 0, error: err?.message });
    });
  });
});
