// Materialises the spec as it was at a git ref, in a scratch folder, so the comparison sees
// exactly the files that ref holds (every YAML/JSON file of the spec's folder, for split specs).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const git = (cwd: string, args: string[]): string =>
  execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });

export function gitRoot(path: string): string {
  return git(dirname(path), ["rev-parse", "--show-toplevel"]).trim();
}

/** Writes the spec's folder at `ref` under `into`; returns the base spec file, or undefined if
 * the spec did not exist at that ref. Throws a readable error for an unknown ref. */
export function specAtRef(specFile: string, ref: string, into: string): string | undefined {
  const root = gitRoot(specFile);
  try {
    git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new Error(`unknown git ref "${ref}" (try a branch, tag or commit, e.g. origin/main)`);
  }
  const specRel = relative(root, specFile);
  const files = git(root, ["ls-tree", "-r", "--name-only", ref, "--", dirname(specRel)])
    .split("\n")
    .filter((file) => /\.(ya?ml|json)$/.test(file));
  if (!files.includes(specRel)) return undefined;
  for (const file of files) {
    const target = join(into, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, git(root, ["show", `${ref}:${file}`]));
  }
  return join(into, specRel);
}
