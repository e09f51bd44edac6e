// `npm run conformance -- --base-url URL [--spec FILE] [--<field> VALUE ...] [--timeout-ms N]
// [--fuzz [--max-examples N] [--seed S] [--max-requests N] [--rate R] [--junit FILE] [--json FILE]]`:
// runCli (run-cli.ts) wired to the real process. Exit 0: the deployment conforms; 1: a check
// failed or could not run; 2: the run was refused.
import { text } from "node:stream/consumers";
import { runCli } from "./run-cli.ts";

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: (output) => process.stdout.write(output),
  stderr: (output) => process.stderr.write(output),
  readStdin: () => text(process.stdin),
});
