#!/usr/bin/env node
// @ts-check
// `npm run mock`: runs the mock's CLI (src/cli.ts) from its bundle, dist/klearstack-mock.js, which
// starts faster than the same modules loaded one by one (build/bundle.ts; figures in README.md).
// A bundle older than any of its inputs is rebuilt first, so it can never serve stale code.
// Plain JavaScript, like build/manifest.js, on purpose: for a .ts file Node first loads its type
// stripper, a WebAssembly compiler, and on a busy machine that alone can outlast the rest of the
// start (README.md, "How it starts").
import { enableCompileCache } from "node:module";
import { pathToFileURL } from "node:url";
import { bundleFile, staleBecause } from "../build/manifest.js";

// Node's compile cache (in the OS temp dir; off with NODE_DISABLE_COMPILE_CACHE=1) spares a
// repeat start from compiling the bundle again. It must be on before the bundle is imported.
enableCompileCache();
const stale = staleBecause();
if (stale !== undefined) {
  process.stderr.write(`klearstack-mock: building dist/ first (${stale})\n`);
  const { buildBundle } = await import("../build/bundle.ts");
  await buildBundle();
}
await import(pathToFileURL(bundleFile).href);
