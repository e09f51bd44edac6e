// A throwaway copy of this repository, for running the release without writing a tracked file:
// the files git knows (and new ones it would add), committed in a fresh git repository with no
// tags, so the release sees a first release. node_modules is this checkout's, linked in.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

function git(args: string[], cwd: string): string {
  const run = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}

/** The copy's root, in a new temporary folder (the caller removes it). */
export function copyRepository(): string {
  const copy = mkdtempSync(join(tmpdir(), "klearstack-release-"));
  const files = git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], repoRoot)
    .split("\0")
    .filter((file) => file && existsSync(join(repoRoot, file)));
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(copy, file));
  }
  const quiet = ["-c", "user.name=release test", "-c", "user.email=release-test@example.invalid"];
  git(["init", "-q"], copy);
  git(["add", "-A"], copy);
  git(
    [...quiet, "-c", "core.hooksPath=/dev/null", "commit", "-q", "--no-gpg-sign", "-m", "copy"],
    copy,
  );
  // A symlink named node_modules is not a folder, so .gitignore's `node_modules/` misses it.
  appendFileSync(join(copy, ".git/info/exclude"), "/node_modules\n");
  symlinkSync(join(repoRoot, "node_modules"), join(copy, "node_modules"));
  return copy;
}
