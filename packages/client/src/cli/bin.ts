#!/usr/bin/env node
// The installed `klearstack-token` command. It refuses a Node older than the package's `engines`
// in one line before loading anything else: main.ts is imported only after the check, because a
// static import of an API an old Node lacks (node:util's parseArgs) would fail before any code ran.
import { readFileSync } from "node:fs";
import { nodeRefusal } from "./engines.ts";

// The same relative path from src/cli/bin.ts and from the built dist/cli/bin.js.
const { engines } = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
) as { engines: { node: string } };
const refusal = nodeRefusal("klearstack-token", engines.node, process.versions.node);
if (refusal !== undefined) {
  process.stderr.write(refusal);
  process.exit(1);
}
await import("./main.ts");
