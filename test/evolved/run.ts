// The evolved-spec run (DESIGN "Lessons we keep"): lint and the whole test suite on the product
// spec with the unseen-operation fixture's operations merged in, as a maintainer's edit would be.
// It works on a temporary copy of the checkout's tracked files (committed there, so git-based
// tests and the "tests changed nothing" check work), never on the checkout itself:
//   1. copy the tracked files, `git init` and commit them in the copy;
//   2. give the copy its own node_modules: links to this checkout's installed packages, except
//      the workspace links (@klearstack/*) and .bin, which are recreated so they point into the
//      copy; every workspace therefore reads the copy's spec, sources and builds;
//   3. merge the fixture's operations into the copy's spec/openapi.yaml (merge.ts), regenerate
//      the client (`npm run generate -w @klearstack/client`) and commit;
//   4. `npm run lint` and `npm test` in the copy (turbo's cache there starts empty), then fail if
//      the tests changed a file there.
//   node test/evolved/run.ts [--keep]     (--keep leaves the copy for a look; it prints where)
//   node test/evolved/run.ts --prepare    only steps 1-3; keeps the copy, to run single tests in
import { execFileSync, spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mergeFragment } from "./merge.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const prepareOnly = process.argv.includes("--prepare");
const keep = prepareOnly || process.argv.includes("--keep");
// --lint-only: the type-checks, Biome, drift and packaging gates on the evolved spec, not the tests.
const lintOnly = process.argv.includes("--lint-only");
/** node_modules entries the copy must have of its own: links into the copy, and tool caches. */
const ownEntries = new Set(["@klearstack", ".bin", ".vite", ".vite-temp", ".vitest-cache"]);

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=evolved-spec-run", "-c", "user.email=evolved@localhost", ...args],
    { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );

function step(what: string, command: string, args: string[], cwd: string) {
  console.log(`::: evolved spec: ${what}`);
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    throw new Error(`evolved spec: ${what} failed (exit ${result.status ?? result.signal})`);
  }
}

/** Recreates the symlinks of `from` in `to` with the same (relative) targets. */
function copyLinks(from: string, to: string) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isSymbolicLink())
      symlinkSync(readlinkSync(join(from, entry.name)), join(to, entry.name));
  }
}

const copy = mkdtempSync(join(tmpdir(), "klearstack-evolved-"));
try {
  console.log(`::: evolved spec: a copy of the checkout in ${copy}`);
  const tracked = git(root, "ls-files", "-z").split("\0").filter(Boolean);
  const tar = spawnSync(
    "sh",
    ["-c", `tar --null --ignore-failed-read -C "$1" -T - -c | tar -x -C "$2"`, "sh", root, copy],
    { input: tracked.join("\0"), stdio: ["pipe", "inherit", "inherit"] },
  );
  if (tar.status !== 0) throw new Error("could not copy the tracked files");
  git(copy, "init", "-q");
  git(copy, "add", "-A");
  git(copy, "commit", "-qm", "the checkout");

  const modules = join(root, "node_modules");
  const copyModules = join(copy, "node_modules");
  mkdirSync(copyModules);
  for (const entry of readdirSync(modules)) {
    if (ownEntries.has(entry)) continue;
    symlinkSync(realpathSync(join(modules, entry)), join(copyModules, entry));
  }
  copyLinks(join(modules, "@klearstack"), join(copyModules, "@klearstack"));
  copyLinks(join(modules, ".bin"), join(copyModules, ".bin"));

  console.log("::: evolved spec: merge the fixture's operations into spec/openapi.yaml");
  const spec = join(copy, "spec/openapi.yaml");
  const fragment = readFileSync(join(copy, "spec/fixtures/unseen-operation.yaml"), "utf8");
  writeFileSync(spec, mergeFragment(readFileSync(spec, "utf8"), fragment));
  step("regenerate the client", "npm", ["run", "generate", "-w", "@klearstack/client"], copy);
  git(copy, "commit", "-qam", "the evolved spec, the client regenerated");

  if (!prepareOnly) {
    step("npm run lint", "npm", ["run", "lint"], copy);
  }
  if (!prepareOnly && lintOnly)
    console.log("::: evolved spec: lint green (tests not run: --lint-only)");
  if (!prepareOnly && !lintOnly) {
    // --continue: one failing workspace does not hide how the others fare on the evolved spec.
    step("npm test", "npm", ["test", "--", "--continue"], copy);
    const changed = git(copy, "status", "--porcelain");
    if (changed) throw new Error(`evolved spec: the tests changed or created files:\n${changed}`);
    console.log(
      "::: evolved spec: lint and every test green on the spec plus the fixture's operations",
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`::: evolved spec: the copy is kept in ${copy}`);
  else rmSync(copy, { recursive: true, force: true });
}
