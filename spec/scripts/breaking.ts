// `npm run spec:breaking -- --base <git-ref>`: does the working tree's spec break clients written
// against the spec at <git-ref>? Exit 0 no, 1 yes (with the list), 2 the question was malformed.
// Run it before merging a spec change, with the branch you merge into as the base.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { specPath } from "../index.ts";
import { compareSpecFiles } from "./breaking-compare.ts";
import { gitRoot, specAtRef } from "./breaking-git.ts";

const usage = "usage: npm run spec:breaking -- --base <git-ref> [--spec <path to openapi.yaml>]";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { base: { type: "string" }, spec: { type: "string" } },
  });
  if (!values.base) {
    console.error(usage);
    return 2;
  }
  const head = values.spec ? resolve(invocationDir(), values.spec) : specPath;
  if (!existsSync(head)) {
    console.error(`spec:breaking: no spec at ${head}\n${usage}`);
    return 2;
  }
  const root = gitRoot(head);
  const label = relative(root, head);
  // All scratch files (the base spec, Optic's HOME) live in the repo's git-ignored tmp/.
  mkdirSync(join(root, "tmp"), { recursive: true });
  const sandbox = mkdtempSync(join(root, "tmp", "breaking-"));
  try {
    const base = specAtRef(head, values.base, join(sandbox, "base"));
    if (!base) {
      console.log(`${label} does not exist at ${values.base}: nothing to break.`);
      return 0;
    }
    console.log(`Comparing ${label} at ${values.base} with the working tree\n`);
    const result = await compareSpecFiles(base, head, sandbox);
    // Name files the way the reader knows them: `<ref>:spec/openapi.yaml` and the working tree's.
    const names: [string, string][] = [
      [base, `${values.base}:${label}`],
      [relative(sandbox, base), `${values.base}:${label}`],
      [head, label],
      [relative(sandbox, head), label],
    ];
    const rename = (text: string) =>
      names.reduce((out, [from, to]) => out.replaceAll(from, to), text);
    console.log(rename(result.changelog), "\n");
    if (!result.breaking) {
      console.log(`✔ No breaking change against ${values.base}.`);
      return 0;
    }
    console.log(`✘ ${result.problems.length} breaking change(s) against ${values.base}:`);
    for (const problem of result.problems) console.log(`  - ${rename(problem)}`);
    console.log(
      "\nExisting clients would break. Keep the old behaviour alongside the new; if the break is" +
        " deliberate, ship it as a new major version and tell integrators before merging.",
    );
    return 1;
  } catch (error) {
    console.error(`spec:breaking: ${(error as Error).message}`);
    return 2;
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}

/**
 * Where the user typed the command, for resolving a relative --spec. Under `npm run spec:breaking`
 * turbo starts this script through a second npm in spec/, which resets INIT_CWD to spec/; turbo's
 * own TURBO_INVOCATION_DIR (the repository root, where the root script runs turbo) survives.
 * Run as `npm run breaking -w @klearstack/spec`, INIT_CWD is where npm was started.
 */
function invocationDir(): string {
  return process.env.TURBO_INVOCATION_DIR || process.env.INIT_CWD || process.cwd();
}

process.exitCode = await main();
