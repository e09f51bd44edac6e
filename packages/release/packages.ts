// The packages a release publishes, and where each one's publishable folder is. Every other
// workspace is private. Their versions follow the spec's info.version (README.md, "Release").
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root; every path below is relative to it. */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface PublishedPackage {
  name: string;
  /** The workspace whose package.json carries the version. */
  workspace: string;
  /** The folder `npm pack` packs, after `npm run build -w <name>`. */
  packDir: string;
}

export const PUBLISHED: readonly PublishedPackage[] = [
  // The workspace is the package: dist/ (built), README.md, LICENSE.
  { name: "@klearstack/client", workspace: "packages/client", packDir: "packages/client" },
  // The workspace runs TypeScript sources and the private @klearstack/spec, which npm users could
  // not run: its build writes the published package, a self-contained bundle with the spec
  // (apps/mock/build/package.ts).
  { name: "@klearstack/mock", workspace: "apps/mock", packDir: "apps/mock/dist/package" },
];

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
}

export function readManifest(dir: string, root = repoRoot): Manifest {
  return JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as Manifest;
}
