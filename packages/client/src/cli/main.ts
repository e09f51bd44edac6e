// The `klearstack-token` command proper: wires runCli to the real process. bin.ts loads it once
// the Node check has passed.
import { text } from "node:stream/consumers";
import { runCli } from "./run.ts";

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (output) => process.stdout.write(output),
  stderr: (output) => process.stderr.write(output),
  readStdin: () => text(process.stdin),
});
