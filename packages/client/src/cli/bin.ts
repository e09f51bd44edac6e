#!/usr/bin/env node
// The installed `klearstack-token` command: wires runCli to the real process.
import { runCli } from "./run.ts";

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
