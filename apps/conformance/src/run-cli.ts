// The conformance command as a function: runCli(argv, io) does everything `npm run conformance`
// does and returns the exit code; src/cli.ts wires it to the real process. The flags come from the
// model (one per request field), secrets come from KLEARSTACK_* variables or standard input, and
// everything printed or written goes through the secret masker.
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

export interface CliIo {
  env: NodeJS.ProcessEnv;
  /** Where the command was started (a relative --spec or report path is resolved against it). */
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of standard input, read only when a --…-stdin flag asks for it. */
  readStdin: () => Promise<string>;
}

/** A refused run: exit 2 with the reason and the usage line. */
class Refusal extends Error {}
const refuse = (message: string): never => {
  throw new Refusal(message);
};

type Option = { type: "string" | "boolean" };
const FUZZ_ONLY = ["max-examples", "seed", "max-requests", "rate", "junit", "json"];

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const masker = new SecretMasker();
  const print = (text: string) => io.stdout(`${text}\n`);
  try {
    return await run(argv, io, masker, print);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    io.stderr(
      `${masker.mask(`conformance: ${error.message}\n${USAGE}\n(--help lists every flag)`)}\n`,
    );
    return 2;
  }
}

async function run(
  args: string[],
  io: CliIo,
  masker: SecretMasker,
  print: (text: string) => void,
): Promise<number> {
  // --spec decides which flags exist, so it is read first.
  const { values: early } = parseArgs({
    args,
    options: { spec: { type: "string" } },
    strict: false,
    allowPositionals: true,
  });
  // npm and turbo start the script in apps/conformance; a relative --spec means where it was typed.
  const typedIn = io.env.TURBO_INVOCATION_DIR || io.env.INIT_CWD || io.cwd;
  const specPath = typeof early.spec === "string" ? resolve(typedIn, early.spec) : undefined;
  let model: ApiModel;
  try {
    model = await loadApiModel(specPath);
  } catch (error) {
    return refuse(`cannot read the spec: ${(error as Error).message}`);
  }
  const inputs = runInputs(model);

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
  const declare = (flag: string, option: Option) => {
    if (options[flag])
      refuse(`the spec's field or scheme flag --${flag} clashes with another flag`);
    options[flag] = option;
  };
  for (const input of [...inputs.fields, ...inputs.bearers]) {
    // A secret's plain flag exists only to be refused with where the secret goes instead.
    declare(input.flag, { type: "string" });
    if (input.secret) declare(input.secret.stdinFlag, { type: "boolean" });
  }

  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof options; tokens: true }>
  >;
  try {
    parsed = parseArgs({ args, options, tokens: true });
  } catch (error) {
    const { code, message } = error as Error & { code?: string };
    // Never echo a stray argument: it may be a secret typed after a misspelt flag.
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") refuse("unexpected argument (not shown)");
    return refuse(message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;

  if (values.help) {
    print(masker.mask(helpText(inputs)));
    return 0;
  }
  const target = checkRun(values["base-url"] as string | undefined, io.env);
  if (!target.ok) return refuse(target.refusal);
  const timeoutMs = Number(values["timeout-ms"] ?? 10_000);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    refuse("--timeout-ms must be a positive integer");
  const maxResponseBytes = Number(values["max-response-bytes"] ?? DEFAULT_MAX_RESPONSE_BYTES);
  if (!Number.isInteger(maxResponseBytes) || maxResponseBytes <= 0)
    refuse("--max-response-bytes must be a positive integer");
  const fuzzOnly = FUZZ_ONLY.find((flag) => values[flag] !== undefined);
  if (fuzzOnly && !values.fuzz) refuse(`--${fuzzOnly} only applies with --fuzz`);
  const fuzzFlags = values.fuzz ? readFuzzFlags(values, target.url, typedIn) : undefined;
  if (fuzzFlags && !fuzzFlags.ok) refuse(fuzzFlags.refusal);

  const stdinFlags = parsed.tokens.flatMap((token) =>
    token.kind === "option" && token.name.endsWith("-stdin") ? [token.name] : [],
  );
  const stdinLines = stdinFlags.length > 0 ? (await io.readStdin()).split(/\r?\n/) : [];
  const read = readInputs(inputs, values, io.env, stdinFlags, stdinLines);
  if (!read.ok) return refuse(read.refusal);
  const { given } = read;
  for (const input of inputs.fields) if (input.secret) masker.add(given.fields[input.name]);
  for (const value of Object.values(given.bearers)) masker.add(value);

  // What the fixed checks and the fuzzer both run with.
  const run = {
    baseUrl: target.url,
    model,
    fields: given.fields,
    bearers: given.bearers,
    timeoutMs,
    maxResponseBytes,
    masker,
  };
  if (fuzzFlags?.ok) {
    const { flags } = fuzzFlags;
    // The seed first, so that even an interrupted run can be repeated.
    print(`Fuzzing with seed ${flags.seed}`);
    const outcome = await runFuzzing({
      ...run,
      seed: flags.seed,
      maxExamples: flags.maxExamples,
      ...(flags.maxRequests === undefined ? {} : { maxRequests: flags.maxRequests }),
      rate: flags.rate,
    });
    print(outcome.summary);
    for (const [path, text] of [
      [flags.junit, outcome.junit],
      [flags.json, outcome.json],
    ] as const) {
      if (path) {
        writeFileSync(path, text);
        print(masker.mask(`Report written: ${path}`));
      }
    }
    return outcome.result.ok ? 0 : 1;
  }

  const result = await runConformance(run);
  // Masked already (runConformance masks the report as a whole): printed as it is.
  print(result.report);
  return result.ok ? 0 : 1;
}
