// The client's size as a browser app would ship it: src/index.ts bundled for the browser (so a
// node: import fails the build), minified, gzipped. "On top of openapi-fetch" is what the client
// adds to an app that bundles openapi-fetch anyway: the whole bundle minus openapi-fetch bundled
// the same way (just what the client imports from it, createClient). The budget applies to that.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { type BuildOptions, build } from "esbuild";

/**
 * The budget grows with the spec: the generated operation table adds about 50 B min+gz per
 * operation, so each operation is allowed 64 B on top of the runtime's 5440 B (5632 B for three).
 * The runtime grew from 3904 B: issue 20's defences (refusing redirects, capping bodies, checking
 * token properties are JWTs, masking secrets in every encoding) and issue 19's form encoding of
 * every field kind (the spec model's encodeFormValue) added about 700 B each (README, Size).
 */
export const sizeBudgetBytes = (operations: number): number => 5440 + 64 * operations;

export interface BundleSize {
  minified: number;
  gzipped: number;
}

const here = fileURLToPath(new URL(".", import.meta.url));

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

const fromOpenapiFetch = (contents: string) => ({
  stdin: { contents, resolveDir: here, loader: "ts" as const },
});

export interface ClientSize {
  /** The client's own code alone, openapi-fetch left out as an import. */
  own: BundleSize;
  /** The client with openapi-fetch bundled in. */
  withOpenapiFetch: BundleSize;
  /** openapi-fetch bundled alone, as the client imports it (createClient). */
  openapiFetchAsUsed: BundleSize;
  /** withOpenapiFetch − openapiFetchAsUsed, gzipped: what the client adds. Budgeted. */
  onTopGzipped: number;
}

export async function measureClientSize(): Promise<ClientSize> {
  const entry = fileURLToPath(new URL("../src/index.ts", import.meta.url));
  const [own, withOpenapiFetch, openapiFetchAsUsed] = await Promise.all([
    bundleSize({ entryPoints: [entry], external: ["openapi-fetch"] }),
    bundleSize({ entryPoints: [entry] }),
    bundleSize(fromOpenapiFetch('export { default } from "openapi-fetch";')),
  ]);
  const onTopGzipped = withOpenapiFetch.gzipped - openapiFetchAsUsed.gzipped;
  return { own, withOpenapiFetch, openapiFetchAsUsed, onTopGzipped };
}

/** All of openapi-fetch, resolved from this package as a browser bundler would (its exports map). */
export async function measureOpenapiFetchSize(): Promise<BundleSize & { version: string }> {
  const manifest = createRequire(import.meta.url).resolve("openapi-fetch/package.json");
  const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
  const size = await bundleSize(
    fromOpenapiFetch('export * from "openapi-fetch"; export { default } from "openapi-fetch";'),
  );
  return { ...size, version };
}
