// The client's own code as a browser would ship it: bundled from src/index.ts for the browser
// (so a node: import fails the build), minified, openapi-fetch left out, then gzipped. The same
// build of openapi-fetch alone gives the figure the README quotes for it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { type BuildOptions, build } from "esbuild";

export const sizeBudgetBytes = 3 * 1024;

export interface BundleSize {
  minified: number;
  gzipped: number;
}

async function bundleSize(entry: Pick<BuildOptions, "entryPoints" | "stdin" | "external">) {
  const result = await build({
    ...entry,
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2024",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

export function measureClientSize(): Promise<BundleSize> {
  return bundleSize({
    entryPoints: [fileURLToPath(new URL("../src/index.ts", import.meta.url))],
    external: ["openapi-fetch"],
  });
}

/** openapi-fetch, resolved from this package as a browser bundler would (its exports map). */
export async function measureOpenapiFetchSize(): Promise<BundleSize & { version: string }> {
  const manifest = createRequire(import.meta.url).resolve("openapi-fetch/package.json");
  const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
  const size = await bundleSize({
    stdin: {
      contents: 'export * from "openapi-fetch"; export { default } from "openapi-fetch";',
      resolveDir: fileURLToPath(new URL(".", import.meta.url)),
      loader: "ts",
    },
  });
  return { ...size, version };
}
