#!/usr/bin/env node
// @ts-check
// The command of the published @klearstack/mock. npm only warns when Node is older than the
// package's `engines`, and an older Node fails somewhere inside the bundle with a stack trace, so
// this checks first, in code any Node since 14.8 runs (top-level await), and only then loads the bundle.
import { readFileSync } from "node:fs";

/** @type {{ name: string, engines: { node: string } }} */
const manifest = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const floor = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(manifest.engines.node);
if (!floor) throw new Error(`unexpected engines.node in package.json: ${manifest.engines.node}`);
const running = process.versions.node.split(".").map(Number);
const wanted = floor.slice(1).map(Number);
// The first part that differs decides: 20.20.2 is older than 24.18.0, 25.0.0 is not.
const differing = running.findIndex((part, i) => part !== wanted[i]);
if (differing >= 0 && (running[differing] ?? 0) < (wanted[differing] ?? 0)) {
  process.stderr.write(
    `klearstack-mock: ${manifest.name} needs Node ${manifest.engines.node}, and this is Node ${process.versions.node}. Install Node ${wanted.join(".")} or later, then run it again.\n`,
  );
  process.exit(1);
}

// Node's compile cache (in the OS temp dir; off with NODE_DISABLE_COMPILE_CACHE=1) spares a repeat
// start from compiling the bundle's top level again.
(await import("node:module")).enableCompileCache();
// The bundle sits beside this file in the package (build/package.ts writes both).
await import(new URL("./mock.js", import.meta.url).href);
