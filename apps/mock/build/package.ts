// Builds dist/package/, the folder published as @klearstack/mock (the release packs it; see the
// root README's "Release"). The workspace itself is not what npm gets: its sources are TypeScript,
// which Node does not run from node_modules, and it reaches @klearstack/spec, which is private.
// So the published package is the CLI bundled whole (Prism, the spec's model and key, everything)
// into one file with no dependencies, beside the spec it serves by default, a launcher that
// refuses an unsupported Node in one line, and package.json, README.md and LICENSE.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { specPath } from "@klearstack/spec";
import { build, stop } from "esbuild";
import { CLI_BUNDLE, REDIRECTS } from "./bundle.ts";
import { workspaceDir } from "./manifest.js";
import { redirectedImports } from "./plugins.ts";

export const packageDir = join(workspaceDir, "dist/package");
/** Written by hand in package/: the launcher, the README for users of the package, the licence. */
const HAND_WRITTEN = ["bin.js", "README.md", "LICENSE"];

interface WorkspaceManifest {
  name: string;
  version: string;
  description: string;
  license: string;
  keywords: string[];
  engines: { node: string };
}

/** The published package.json: the workspace's facts, and the package's own entry points. */
export function publishedManifest(workspace: WorkspaceManifest): object {
  const { name, version, description, license, keywords, engines } = workspace;
  return {
    name,
    version,
    description,
    license,
    keywords,
    type: "module",
    engines,
    bin: { "klearstack-mock": "./bin.js" },
    exports: { "./package.json": "./package.json" },
    files: ["bin.js", "mock.js", "openapi.yaml"],
  };
}

export async function buildPackage(): Promise<void> {
  rmSync(packageDir, { recursive: true, force: true });
  mkdirSync(packageDir, { recursive: true });
  try {
    // Unlike dist/klearstack-mock.js, nothing is left to node_modules (no deferred or external
    // modules: the package has no dependencies to load them from), and import.meta.url is the
    // bundle's own, so @klearstack/spec's `new URL("./openapi.yaml", import.meta.url)` names the
    // copy beside it.
    await build({
      ...CLI_BUNDLE,
      outfile: join(packageDir, "mock.js"),
      plugins: [redirectedImports(REDIRECTS)],
    });
  } finally {
    await stop();
  }
  copyFileSync(specPath, join(packageDir, "openapi.yaml"));
  for (const file of HAND_WRITTEN)
    copyFileSync(join(workspaceDir, "package", file), join(packageDir, file));
  const workspace = JSON.parse(
    readFileSync(join(workspaceDir, "package.json"), "utf8"),
  ) as WorkspaceManifest;
  writeFileSync(
    join(packageDir, "package.json"),
    `${JSON.stringify(publishedManifest(workspace), null, 2)}\n`,
  );
}

if (import.meta.main) await buildPackage();
