// The version policy, as a guard: every published package carries the spec's info.version, and no
// workspace is publishable without the release knowing it.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { loadApiModel } from "@klearstack/spec";
import { afterAll, describe, expect, it } from "vitest";
import { PUBLISHED, readManifest, repoRoot } from "../packages.ts";
import { setVersions, versionMismatches } from "../versions.ts";

const specVersion = (await loadApiModel()).version;

/** Every workspace folder, from the root package.json's globs (`dir/*` or a plain folder). */
function workspaces(): string[] {
  const { workspaces: globs } = JSON.parse(
    readFileSync(join(repoRoot, "package.json"), "utf8"),
  ) as { workspaces: string[] };
  return globs.flatMap((glob) =>
    glob.endsWith("/*")
      ? readdirSync(join(repoRoot, glob.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `${glob.slice(0, -2)}/${entry.name}`)
      : [glob],
  );
}

describe("the version policy", () => {
  it("every published package's version is the spec's info.version", () => {
    expect(
      versionMismatches(specVersion),
      `run \`npm run release -- --dry-run\` to set them to ${specVersion}`,
    ).toEqual([]);
  });

  it("a workspace that is not private is one the release publishes as it is", () => {
    const publishable = workspaces().filter((dir) => readManifest(dir).private !== true);
    const packedAsItIs = PUBLISHED.filter((pkg) => pkg.packDir === pkg.workspace);
    expect(publishable.sort()).toEqual(packedAsItIs.map((pkg) => pkg.workspace).sort());
  });

  it("a workspace published from a folder its build writes stays private: `npm publish -w` cannot publish its sources", () => {
    for (const pkg of PUBLISHED.filter((p) => p.packDir !== p.workspace)) {
      expect(readManifest(pkg.workspace).private, pkg.workspace).toBe(true);
    }
  });

  it("a published workspace's name is the package the release names", () => {
    for (const pkg of PUBLISHED) expect(readManifest(pkg.workspace).name).toBe(pkg.name);
  });
});

describe("setVersions", () => {
  const root = mkdtempSync(join(tmpdir(), "klearstack-versions-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("sets each published package.json and its lockfile record, and nothing else", () => {
    for (const file of [
      "package-lock.json",
      ...PUBLISHED.map((p) => `${p.workspace}/package.json`),
    ]) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      cpSync(join(repoRoot, file), join(root, file));
    }
    const lockBefore = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));

    expect(setVersions("9.8.7", root).sort()).toEqual(PUBLISHED.map((p) => p.name).sort());
    expect(versionMismatches("9.8.7", root)).toEqual([]);
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
    for (const pkg of PUBLISHED) {
      expect(lock.packages[pkg.workspace].version).toBe("9.8.7");
      lockBefore.packages[pkg.workspace].version = "9.8.7";
    }
    expect(lock).toEqual(lockBefore);
    expect(setVersions("9.8.7", root)).toEqual([]);
  });
});
