// Builds dist/: ESM JavaScript and declarations from src/ with tsc. tsc rewrites `.ts` import
// specifiers to `.js` in JavaScript but not in declarations (microsoft/TypeScript#61037); older
// TypeScript and some editors cannot follow `.ts` there, so the declarations get the same rewrite.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
  cwd: fileURLToPath(new URL("..", import.meta.url)),
  stdio: "inherit",
});

const relativeTsSpecifier = /(from\s+|import\s*\(\s*)(["'])(\.{1,2}\/[^"']+)\.ts\2/g;
for (const file of readdirSync(dist, { recursive: true, encoding: "utf8" })) {
  if (!file.endsWith(".d.ts")) continue;
  const path = dist + file;
  const text = readFileSync(path, "utf8");
  writeFileSync(path, text.replace(relativeTsSpecifier, "$1$2$3.js$2"));
}
