// `npm run spec:breaking -- --base <git-ref> [--spec PATH] [--json | --markdown]`: what does the
// working tree's spec change for the users of everything generated from it, compared with the spec
// at <git-ref>, and is the info.version bump enough? Exit 0 yes (or nothing changed), 1 a bigger
// bump is needed (the output names the version to use), 2 the question was malformed.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { renderHuman, renderMarkdown } from "../breaking/render.ts";
import type { GateResult } from "../breaking/types.ts";
import { specPath } from "../load.ts";
import { specAtRef } from "./breaking-git.ts";

const usage =
  "usage: npm run spec:breaking -- --base <git-ref> [--spec <path to openapi.yaml>] [--json | --markdown]";

/** A malformed question: exit 2 with this message. */
class Usage extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      base: { type: "string" },
      spec: { type: "string" },
      json: { type: "boolean" },
      markdown: { type: "boolean" },
    },
  });
  if (!values.base) throw new Usage(usage);
  if (values.json && values.markdown)
    throw new Usage(`--json and --markdown exclude each other\n${usage}`);
  const headFile = values.spec ? resolve(invocationDir(), values.spec) : specPath;
  if (!existsSync(headFile)) throw new Usage(`no spec at ${headFile}\n${usage}`);
  // The base spec's folder at <ref>, written out so that split specs resolve their files.
  const scratch = mkdtempSync(join(tmpdir(), "klearstack-breaking-"));
  let result: GateResult;
  try {
    const baseFile = specAtRef(headFile, values.base, scratch);
    // Loaded once the question is known to be well formed: a mistyped ref answers at once,
    // without loading Redocly's library.
    const { gateModels, judge } = await import("../breaking/index.ts");
    const head = await read(headFile, "the working tree's spec");
    result = baseFile
      ? gateModels(await read(baseFile, `the spec at ${values.base}`), head, values.base)
      : judge([], "0.0.0", head.version, values.base);
    if (!baseFile && !values.json && !values.markdown) {
      console.log(`The spec does not exist at ${values.base}: nothing to break.`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else if (values.markdown) console.log(renderMarkdown(result));
  else console.log(renderHuman(result));
  return result.ok ? 0 : 1;
}

async function read(file: string, what: string) {
  const { loadApiModel } = await import("../model.ts");
  try {
    return await loadApiModel(file);
  } catch (error) {
    throw new Usage(`cannot read ${what} (${file}): ${(error as Error).message}`);
  }
}

/**
 * Where the user typed the command, for resolving a relative --spec: npm sets INIT_CWD to it (the
 * root script runs this file directly; `npm run breaking -w @klearstack/spec` too). Under
 * `turbo run breaking`, turbo's own TURBO_INVOCATION_DIR survives the second npm, which resets
 * INIT_CWD to spec/.
 */
function invocationDir(): string {
  return process.env.TURBO_INVOCATION_DIR || process.env.INIT_CWD || process.cwd();
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Unknown refs, unreadable specs, bad versions and bad options are the caller's to fix.
  console.error(`spec:breaking: ${(error as Error).message}`);
  process.exitCode = 2;
}
