// The last release tag: the nearest `v*` tag reachable from HEAD, or undefined before the first
// release. Any other git failure (not a repository, no commit) is an error, not a first release.
import { spawnSync } from "node:child_process";
import { repoRoot } from "./packages.ts";

export function lastReleaseTag(cwd = repoRoot): string | undefined {
  const git = spawnSync("git", ["describe", "--tags", "--match", "v*", "--abbrev=0"], {
    cwd,
    encoding: "utf8",
  });
  if (git.status === 0) return git.stdout.trim();
  if (/No names found|No tags can describe/.test(git.stderr)) return undefined;
  throw new Error(`git describe failed: ${git.stderr.trim() || `exit ${git.status}`}`);
}
