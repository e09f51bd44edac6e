// Builds dist/ for publishing:
// - JavaScript by esbuild: src/index.ts (the library) and src/cli/bin.ts (the command) as ESM, with
//   their shared code in one chunk. openapi-fetch stays an import (the one runtime dependency);
//   @klearstack/spec's browser-safe secret masker and JWT reader are bundled in, because that
//   package is private to this repository and never published.
// - Declarations by tsgo, TypeScript 7's native compiler: the same .d.ts text as tsc 5.9 here,
//   in under a second instead of about ten (the client's build is on the critical path of lint
//   and test). Neither rewrites `.ts` import specifiers in declarations
//   (microsoft/TypeScript#61037), so they get the `.js` rewrite here, and the build fails if any
//   declaration still names @klearstack/spec (a consumer could not resolve it).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { tsgo } from "./tsgo.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = `${root}dist/`;

rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: { index: `${root}src/index.ts`, "cli/bin": `${root}src/cli/bin.ts` },
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  platform: "neutral",
  target: "es2022",
  external: ["openapi-fetch", "node:*"],
  logLevel: "warning",
});
execFileSync(process.execPath, [tsgo, "-p", "tsconfig.build.json"], {
  cwd: root,
  stdio: "inherit",
});

const relativeTsSpecifier = /(from\s+|import\s*\(\s*)(["'])(\.{1,2}\/[^"']+)\.ts\2/g;
for (const file of readdirSync(dist, { recursive: true, encoding: "utf8" })) {
  if (!file.endsWith(".d.ts")) continue;
  const path = dist + file;
  const text = readFileSync(path, "utf8").replace(relativeTsSpecifier, "$1$2$3.js$2");
  if (text.includes("@klearstack/spec")) {
    throw new Error(
      `dist/${file} names @klearstack/spec, which is not published: keep its types out of the public API`,
    );
  }
  writeFileSync(path, text);
}
