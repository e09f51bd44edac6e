// The version policy: every published package's version is the spec's info.version. A release
// sets them (package.json and the lockfile's record of each workspace) when info.version moved.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PUBLISHED, readManifest, repoRoot } from "./packages.ts";

/** The published packages whose package.json version is not `version`, with the one they carry. */
export function versionMismatches(version: string, root = repoRoot) {
  return PUBLISHED.map((pkg) => ({
    ...pkg,
    version: readManifest(pkg.workspace, root).version,
  })).filter((pkg) => pkg.version !== version);
}

/** Rewrites a JSON file as npm writes it (two spaces, a final newline). */
function updateJson(file: string, update: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  update(json);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

/**
 * Sets every published package to `version`; returns the names it changed. Plain JSON edits rather
 * than `npm version`, which would also reinstall the workspaces.
 */
export function setVersions(version: string, root = repoRoot): string[] {
  const stale = versionMismatches(version, root);
  for (const { workspace } of stale) {
    updateJson(join(root, workspace, "package.json"), (manifest) => {
      manifest.version = version;
    });
  }
  if (stale.length > 0) {
    updateJson(join(root, "package-lock.json"), (lock) => {
      const packages = lock.packages as Record<string, { version?: string }>;
      for (const { workspace } of stale) {
        const entry = packages[workspace];
        if (entry) entry.version = version;
      }
    });
  }
  return stale.map(({ name }) => name);
}
