// `npm run build -w @klearstack/mock`: bundles the CLI (src/cli.ts) and everything it imports into
// dist/klearstack-mock.js, which bin/klearstack-mock.js runs: one file instead of the hundreds of
// modules Node would find and read one by one, and without the parts Prism loads but the mock never
// runs. README.md ("How it starts", "Benchmark and soak") has the details and the figures.
// The same code runs unbundled with `node src/cli.ts`; test/bundle.test.ts holds them to the same
// answers.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type BuildOptions, build, stop } from "esbuild";
import {
  bundleFile,
  fingerprint,
  installRecord,
  recipeFiles,
  workspaceDir,
  writeManifest,
  writeWhole,
} from "./manifest.js";
import {
  type Deferral,
  deferredModules,
  ownSources,
  type Redirect,
  redirectedImports,
} from "./plugins.ts";

/** Loaded eagerly by their importers, used only by features the mock never runs; see plugins.ts. */
const DEFERRALS: Deferral[] = [
  // Prism's reader for Postman collections: the mock serves OpenAPI documents (loadApiModel).
  {
    importer: "@stoplight/prism-http",
    module: "@stoplight/http-spec/postman/operation",
    exports: ["transformPostmanCollectionOperations"],
  },
  // Prism's HTTP client, for its proxy mode (the mock never proxies) and for the callbacks a spec
  // may declare (ours declares none), and the upstream proxies of its proxy mode.
  { importer: "@stoplight/prism-http", module: "node-fetch", exports: ["default"] },
  { importer: "@stoplight/prism-http", module: "http-proxy-agent", exports: ["HttpProxyAgent"] },
  { importer: "@stoplight/prism-http", module: "https-proxy-agent", exports: ["HttpsProxyAgent"] },
  // Redocly's proxy for fetching a remote $ref through HTTPS_PROXY; our spec has none.
  { importer: "@redocly/openapi-core", module: "https-proxy-agent", exports: ["HttpsProxyAgent"] },
];

export const REDIRECTS: Redirect[] = [
  // Prism reads only `faker` (for `x-faker` keywords in generated answers): the package's default,
  // English instance. Faker's documented English-only entry point exports the same instance
  // without the dozens of other locales the package root also loads (test/bundle.test.ts
  // compares the two).
  { importer: "@stoplight/prism-http", from: "@faker-js/faker", to: "@faker-js/faker/locale/en" },
];

/** Bundles the mock into dist/ and records what went into it; resolves when both are written. */
/** What every bundle of the CLI shares: this one and the published package's (package.ts). */
export const CLI_BUNDLE = {
  absWorkingDir: workspaceDir,
  entryPoints: ["src/cli.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  logLevel: "warning",
  // Prism and its dependencies are CommonJS: in an ES module they need a `require`.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
  },
  alias: {
    // Its default (UMD) build loads its own files through a function esbuild cannot follow.
    "jsonc-parser": "jsonc-parser/lib/esm/main.js",
  },
} satisfies BuildOptions;

export async function buildBundle(): Promise<void> {
  const sources = new Map<string, string>();
  try {
    const result = await build({
      ...CLI_BUNDLE,
      outfile: bundleFile,
      write: false,
      metafile: true,
      // Calls url.parse(), which Node warns about outside node_modules: loaded from there instead.
      external: ["@stoplight/json-schema-ref-parser"],
      plugins: [
        ownSources(dirname(bundleFile), sources),
        deferredModules(dirname(bundleFile), DEFERRALS),
        redirectedImports(REDIRECTS),
      ],
    });
    const [output] = result.outputFiles;
    if (!output) throw new Error("esbuild produced no bundle");
    const inputs: Record<string, string> = {};
    for (const input of [...Object.keys(result.metafile.inputs), ...recipeFiles]) {
      if (input.includes(":")) continue; // a stand-in of deferredModules, made by the build itself
      const path = installRecord(input) ?? input;
      if (path in inputs) continue;
      const print = sources.get(path) ?? fingerprint(path);
      if (print === undefined) throw new Error(`cannot read ${path}, an input of the bundle`);
      inputs[path] = print;
    }
    mkdirSync(dirname(bundleFile), { recursive: true });
    writeWhole(bundleFile, output.text);
    writeManifest(inputs);
  } finally {
    // esbuild serves builds from a child process: end it, so that a mock that had to rebuild on
    // start stays a single process.
    await stop();
  }
}

if (import.meta.main) await buildBundle();
