// `npm run conformance -- --base-url URL [--spec FILE] [--<field> VALUE ...] [--timeout-ms N]
// [--fuzz [--max-examples N] [--seed S] [--max-requests N] [--rate R] [--junit FILE] [--json FILE]]`:
// the flags come from the model (one per request field), secrets come from KLEARSTACK_* variables
// or standard input, and everything printed or written goes through the secret masker.
// Exit 0: the deployment conforms; 1: a check failed or could not run; 2: the run was refused.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type ApiModel, loadApiModel, SecretMasker } from "@klearstack/spec";
import { readFuzzFlags } from "./fuzz/options.ts";
import { checkRun } from "./guards.ts";
import { helpText, USAGE } from "./help.ts";
import { DEFAULT_MAX_RESPONSE_BYTES, runConformance, runFuzzing } from "./index.ts";
import { readInputs, runInputs } from "./inputs.ts";

const masker = new SecretMasker();

function refuse(message: string): never {
  console.error(masker.mask(`conformance: ${message}\n${USAGE}\n(--help lists every flag)`));
  process.exit(2);
}

const args = process.argv.slice(2);
// --spec decides which flags exist, so it is read first.
const { values: early } = parseArgs({
  args,
  options: { spec: { type: "string" } },
  strict: false,
  allowPositionals: true,
});
// npm and turbo start this script in apps/conformance; a relative --spec means where it was typed.
const typedIn = process.env.TURBO_INVOCATION_DIR || process.env.INIT_CWD || process.cwd();
const specPath = typeof early.spec === "string" ? resolve(typedIn, early.spec) : undefined;
let model: ApiModel;
try {
  model = await loadApiModel(specPath);
} catch (error) {
  refuse(`cannot read the spec: ${(error as Error).message}`);
}
const inputs = runInputs(model);

type Option = { type: "string" | "boolean" };
const options: Record<string, Option> = {
  "base-url": { type: "string" },
  spec: { type: "string" },
  "timeout-ms": { type: "string" },
  "max-response-bytes": { type: "string" },
  help: { type: "boolean" },
  fuzz: { type: "boolean" },
  "max-examples": { type: "string" },
  seed: { type: "string" },
  "max-requests": { type: "string" },
  rate: { type: "string" },
  junit: { type: "string" },
  json: { type: "string" },
};
const FUZZ_ONLY = ["max-examples", "seed", "max-requests", "rate", "junit", "json"];
const declare = (flag: string, option: Option) => {
  if (options[flag]) refuse(`the spec's field or scheme flag --${flag} clashes with another flag`);
  options[flag] = option;
};
for (const input of [...inputs.fields, ...inputs.bearers]) {
  // A secret's plain flag exists only to be refused with where the secret goes instead.
  declare(input.flag, { type: "string" });
  if (input.secret) declare(input.secret.stdinFlag, { type: "boolean" });
}

const parsed = (() => {
  try {
    return parseArgs({ args, options, tokens: true });
  } catch (error) {
    const { code, message } = error as Error & { code?: string };
    // Never echo a stray argument: it may be a secret typed after a misspelt flag.
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") refuse("unexpected argument (not shown)");
    refuse(message);
  }
})();
const values = parsed.values as Record<string, string | boolean | undefined>;

if (values.help) {
  console.log(masker.mask(helpText(inputs)));
  process.exit(0);
}
const run = checkRun(values["base-url"] as string | undefined, process.env);
if (!run.ok) refuse(run.refusal);
const timeoutMs = Number(values["timeout-ms"] ?? 10_000);
if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
  refuse("--timeout-ms must be a positive integer");
const maxResponseBytes = Number(values["max-response-bytes"] ?? DEFAULT_MAX_RESPONSE_BYTES);
if (!Number.isInteger(maxResponseBytes) || maxResponseBytes <= 0)
  refuse("--max-response-bytes must be a positive integer");
const fuzzOnly = FUZZ_ONLY.find((flag) => values[flag] !== undefined);
if (fuzzOnly && !values.fuzz) refuse(`--${fuzzOnly} only applies with --fuzz`);
const fuzzFlags = values.fuzz ? readFuzzFlags(values, run.url, typedIn) : undefined;
if (fuzzFlags && !fuzzFlags.ok) refuse(fuzzFlags.refusal);

const stdinFlags = parsed.tokens.flatMap((token) =>
  token.kind === "option" && token.name.endsWith("-stdin") ? [token.name] : [],
);
let stdinLines: string[] = [];
if (stdinFlags.length > 0) {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  stdinLines = Buffer.concat(chunks).toString("utf8").split(/\r?\n/);
}
const read = readInputs(inputs, values, process.env, stdinFlags, stdinLines);
if (!read.ok) refuse(read.refusal);
const { given } = read;
for (const input of inputs.fields) if (input.secret) masker.add(given.fields[input.name]);
for (const value of Object.values(given.bearers)) masker.add(value);

if (fuzzFlags?.ok) {
  const { flags } = fuzzFlags;
  // The seed first, so that even an interrupted run can be repeated.
  console.log(`Fuzzing with seed ${flags.seed}`);
  const outcome = await runFuzzing({
    baseUrl: run.url,
    model,
    fields: given.fields,
    bearers: given.bearers,
    timeoutMs,
    maxResponseBytes,
    seed: flags.seed,
    maxExamples: flags.maxExamples,
    ...(flags.maxRequests === undefined ? {} : { maxRequests: flags.maxRequests }),
    rate: flags.rate,
    masker,
  });
  console.log(outcome.summary);
  for (const [path, text] of [
    [flags.junit, outcome.junit],
    [flags.json, outcome.json],
  ] as const) {
    if (path) {
      writeFileSync(path, text);
      console.log(masker.mask(`Report written: ${path}`));
    }
  }
  process.exit(outcome.result.ok ? 0 : 1);
}

const result = await runConformance({
  baseUrl: run.url,
  model,
  fields: given.fields,
  bearers: given.bearers,
  timeoutMs,
  maxResponseBytes,
  masker,
});
// Masked already (runConformance masks the report as a whole): printed as it is.
console.log(result.report);
process.exitCode = result.ok ? 0 : 1;
