// The client's own code as a browser would ship it: bundled from src/index.ts for the browser
// (so a node: import fails the build), minified, openapi-fetch left out, then gzipped.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export const sizeBudgetBytes = 3 * 1024;

export async function measureClientSize(): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    entryPoints: [new URL("../src/index.ts", import.meta.url).pathname],
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2024",
    minify: true,
    external: ["openapi-fetch"],
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}
