// Builds every published package, packs it into dist/release/, and has npm check each tarball
// with `npm publish --dry-run`, which reads the tarball as a real publish would and writes
// nothing anywhere.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PUBLISHED, repoRoot } from "./packages.ts";

export const releaseDir = (root = repoRoot) => join(root, "dist/release");

/**
 * npm run from `npm run release` inherits npm_* settings that would make these commands act on
 * the workspace that started them (or as a dry run of the wrong command); they run clean.
 */
const npmEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function npm(args: string[], root: string, capture = false): string {
  const run = spawnSync("npm", args, {
    cwd: root,
    env: npmEnv(),
    encoding: "utf8",
    stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"],
  });
  if (run.status !== 0) throw new Error(`npm ${args.join(" ")} failed (exit ${run.status})`);
  return run.stdout ?? "";
}

export function buildPackages(root = repoRoot): void {
  npm(["run", "build", ...PUBLISHED.flatMap(({ name }) => ["-w", name])], root);
}

/** Packs every published package into dist/release/ (emptied first); the tarballs' paths. */
export function packPackages(root = repoRoot): string[] {
  const destination = releaseDir(root);
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  return PUBLISHED.map(({ packDir }) => {
    const stdout = npm(
      ["pack", `./${packDir}`, "--pack-destination", destination, "--json"],
      root,
      true,
    );
    const [packed] = JSON.parse(stdout) as { filename: string }[];
    if (!packed) throw new Error(`npm pack ${packDir} reported no tarball`);
    return join(destination, packed.filename);
  });
}

/** The command that publishes a tarball (scoped packages are private on npm unless asked). */
export const publishArgs = (tarball: string) => ["publish", tarball, "--access", "public"];

export function publishDryRun(tarball: string, root = repoRoot): void {
  npm([...publishArgs(tarball), "--dry-run"], root);
}
