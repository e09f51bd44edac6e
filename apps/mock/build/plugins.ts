// The esbuild plugins of the bundle (bundle.ts).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { relative, sep } from "node:path";
import type { Plugin } from "esbuild";
import { contentFingerprint, relativeToWorkspace } from "./manifest.ts";

/**
 * Our own sources (everything outside node_modules): each is hashed exactly as esbuild reads it,
 * for the manifest, and `import.meta.url` keeps naming the source file rather than the bundle, so
 * `new URL("./openapi.yaml", import.meta.url)` in spec/load.ts still finds the spec.
 */
export function ownSources(outdir: string, fingerprints: Map<string, string>): Plugin {
  return {
    name: "own-sources",
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, ({ path }) => {
        if (path.split(/[\\/]/).includes("node_modules")) return undefined;
        const source = readFileSync(path, "utf8");
        fingerprints.set(relativeToWorkspace(path), contentFingerprint(source));
        const fromBundle = JSON.stringify(relative(outdir, path).replaceAll("\\", "/"));
        return {
          contents: source.replaceAll(
            "import.meta.url",
            `new URL(${fromBundle}, import.meta.url).href`,
          ),
          loader: "ts",
        };
      });
    },
  };
}

/**
 * Modules that Prism requires as it loads but the mock does not run, each with the exports Prism
 * reads from it. They are left out of the bundle: a stand-in takes their place, whose getters
 * require the real module from node_modules on first read, so their code is loaded only if it is
 * ever used. The build fails if a module no longer has those exports, or is reached another way.
 */
export function deferredModules(outdir: string, deferred: Record<string, string[]>): Plugin {
  const filter = new RegExp(`^(${Object.keys(deferred).map(escapeRegExp).join("|")})$`);
  return {
    name: "deferred-modules",
    setup(build) {
      const real = new Map<string, string>();
      build.onResolve({ filter }, async ({ path, importer, kind, resolveDir, pluginData }) => {
        if (pluginData === "real") return undefined;
        const resolved = await build.resolve(path, {
          importer,
          kind,
          resolveDir,
          pluginData: "real",
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const names = deferred[path] ?? [];
        const exports = createRequire(resolved.path)(resolved.path) as object;
        const missing = names.filter((name) => !(name in exports));
        if (missing.length > 0)
          return { errors: [{ text: `${path} no longer exports ${missing.join(", ")}` }] };
        real.set(relativeToWorkspace(resolved.path), path);
        // The same installed file Prism would load, by its path from the bundle.
        const fromBundle = relative(outdir, resolved.path).replaceAll("\\", "/");
        return { path: fromBundle, namespace: "deferred", pluginData: names };
      });
      build.onResolve({ filter: /.*/, namespace: "deferred" }, ({ path }) => ({
        path,
        external: true,
      }));
      build.onLoad({ filter: /.*/, namespace: "deferred" }, ({ path, pluginData }) => ({
        contents: [
          `const load = () => require(${JSON.stringify(path)});`,
          "module.exports = {",
          ...(pluginData as string[]).map(
            (name) => `  get ${name}() { return load()[${JSON.stringify(name)}]; },`,
          ),
          "};",
        ].join("\n"),
        loader: "js",
      }));
      build.onEnd(({ metafile }) => ({
        errors: Object.entries(metafile?.inputs ?? {}).flatMap(([input, { imports }]) =>
          imports.flatMap(({ path }) => {
            const specifier = real.get(path);
            return specifier === undefined
              ? []
              : [{ text: `${input} loads ${specifier} directly: it cannot be deferred` }];
          }),
        ),
      }));
    },
  };
}

/** Imports of `from` by the modules of package `importer` that resolve to `to` instead. */
export interface Redirect {
  importer: string;
  from: string;
  to: string;
}

/**
 * Each redirect makes one package's import of `from` an import of `to`, resolved from the
 * importing file as `from` would have been (the same installed copy); other packages keep theirs.
 */
export function redirectedImports(redirects: Redirect[]): Plugin {
  return {
    name: "redirected-imports",
    setup(build) {
      for (const { importer, from, to } of redirects) {
        const inPackage = `${sep}node_modules${sep}${importer.replaceAll("/", sep)}${sep}`;
        build.onResolve({ filter: new RegExp(`^${escapeRegExp(from)}$`) }, (args) =>
          args.importer.includes(inPackage)
            ? build.resolve(to, {
                importer: args.importer,
                kind: args.kind,
                resolveDir: args.resolveDir,
              })
            : undefined,
        );
      }
    },
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
