#!/usr/bin/env node
// The installed `klearstack-token` command: refuses a Node older than the package's `engines` in
// one line, then wires runCli to the real process.
import { readFileSync } from "node:fs";
import { text } from "node:stream/consumers";
import { nodeRefusal } from "./engines.ts";
import { runCli } from "./run.ts";

// The same relative path from src/cli/bin.ts and from the built dist/cli/bin.js.
const { engines } = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
) as { engines: { node: string } };
const refusal = nodeRefusal("klearstack-token", engines.node, process.versions.node);
if (refusal !== undefined) {
  process.stderr.write(refusal);
  process.exit(1);
}

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (output) => process.stdout.write(output),
  stderr: (output) => process.stderr.write(output),
  readStdin: () => text(process.stdin),
});
