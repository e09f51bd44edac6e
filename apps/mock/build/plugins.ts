// The esbuild plugins of the bundle (bundle.ts).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { relative, sep } from "node:path";
import type { Plugin } from "esbuild";
import { contentFingerprint, inNodeModules, relativeToWorkspace } from "./manifest.js";

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
        if (inNodeModules(path)) return undefined;
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

/** One package's import of a module that it loads eagerly but uses only for some features. */
export interface Deferral {
  /** The importing package, e.g. @stoplight/prism-http. */
  importer: string;
  module: string;
  /** Every export the importer reads from it (it never calls the module itself). */
  exports: string[];
}

/**
 * Each deferred module is left out of the bundle for its importer: a stand-in takes its place,
 * whose getters require the real module from node_modules on first read, so that its code is
 * loaded only if it is ever used. The build fails if the module no longer has those exports, or
 * if anything else in the bundle loads it directly (then the deferral would save nothing).
 */
export function deferredModules(outdir: string, deferrals: Deferral[]): Plugin {
  return {
    name: "deferred-modules",
    setup(build) {
      /** Deferred modules by their path in the metafile, and the stand-ins' exports by their path. */
      const real = new Map<string, string>();
      const standIns = new Map<string, Set<string>>();
      for (const { importer, module, exports } of deferrals) {
        const filter = new RegExp(`^${escapeRegExp(module)}$`);
        build.onResolve({ filter }, async (args) => {
          if (args.pluginData === "real" || !inPackage(args.importer, importer)) return undefined;
          const { path, errors } = await build.resolve(module, {
            importer: args.importer,
            kind: args.kind,
            resolveDir: args.resolveDir,
            pluginData: "real",
          });
          if (errors.length > 0) return { errors };
          const loaded = createRequire(path)(path) as object;
          const missing = exports.filter((name) => !(name in loaded));
          if (missing.length > 0)
            return { errors: [{ text: `${module} no longer exports ${missing.join(", ")}` }] };
          real.set(relativeToWorkspace(path), module);
          // The same installed file the importer would load, by its path from the bundle.
          const fromBundle = relative(outdir, path).replaceAll("\\", "/");
          const names = standIns.get(fromBundle) ?? new Set();
          for (const name of exports) names.add(name);
          standIns.set(fromBundle, names);
          return { path: fromBundle, namespace: "deferred" };
        });
      }
      build.onResolve({ filter: /.*/, namespace: "deferred" }, ({ path }) => ({
        path,
        external: true,
      }));
      build.onLoad({ filter: /.*/, namespace: "deferred" }, ({ path }) => ({
        contents: [
          `const load = () => require(${JSON.stringify(path)});`,
          "module.exports = {",
          ...[...(standIns.get(path) ?? [])].map(
            (name) => `  get ${name}() { return load()[${JSON.stringify(name)}]; },`,
          ),
          "};",
        ].join("\n"),
        loader: "js",
      }));
      build.onEnd(({ metafile }) => ({
        errors: Object.entries(metafile?.inputs ?? {}).flatMap(([input, { imports }]) =>
          imports.flatMap(({ path }) => {
            const module = real.get(path);
            return module === undefined
              ? []
              : [{ text: `${input} loads ${module} directly: its deferral saves nothing` }];
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

/** Whether `file` belongs to the installed package `name`. */
const inPackage = (file: string, name: string) =>
  file.includes(`${sep}node_modules${sep}${name.replaceAll("/", sep)}${sep}`);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
