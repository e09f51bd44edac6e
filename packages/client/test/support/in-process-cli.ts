// Runs klearstack-token's runCli in this process, with only the environment given: for tests of
// what the command prints and how it exits, where spawning a process would prove nothing more.
import { encodeFormValue, type OperationModel } from "@klearstack/spec";
import { runCli } from "../../src/cli/run.ts";

const urlencoded = "application/x-www-form-urlencoded";

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `run` defaults to this checkout's runCli; a test of a regenerated client passes that one's. */
export async function runCliInProcess(
  argv: string[],
  env: Record<string, string> = {},
  run: typeof runCli = runCli,
): Promise<InProcessResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    env,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => "",
  });
  return { code, stdout, stderr };
}

/**
 * The flags and variables that give klearstack-token `input`, typed as the client takes it (a
 * number, a list, …), under the model's names (each field's flag and variable): a secret in its
 * variable, as the command requires; a boolean as its switch, or `false` in its variable (a
 * switch cannot say false); an array as its flag once per item; a file as `@path` (the input holds
 * the path); anything else as its flag with the text the model's encodeFormValue sends.
 */
export function cliInput(
  op: OperationModel,
  input: Record<string, unknown>,
): { args: string[]; env: Record<string, string> } {
  const args: string[] = [];
  const env: Record<string, string> = {};
  for (const field of op.fields) {
    const value = input[field.name];
    if (value === undefined) continue;
    if (field.kind === "file") {
      args.push(`--${field.flag}`, `@${String(value)}`);
      continue;
    }
    const texts = encodeFormValue(field, value as never, urlencoded).map(([, text]) =>
      String(text),
    );
    // One text for anything but a list: a variable holds it.
    const [text = ""] = texts;
    if (field.secret) env[field.envVar] = text;
    else if (field.kind === "boolean") {
      if (text === "true") args.push(`--${field.flag}`);
      else env[field.envVar] = text;
    } else args.push(...texts.flatMap((each) => [`--${field.flag}`, each]));
  }
  return { args, env };
}

/**
 * The command line and environment that call `op` (by its operationId) with `input` (see
 * cliInput) and, for a bearer operation, `bearer` in its variable.
 */
export function cliCall(
  op: OperationModel,
  baseUrl: string,
  input: Record<string, unknown>,
  bearer: string,
): { argv: string[]; env: Record<string, string> } {
  const { args, env } = cliInput(op, input);
  if (op.bearer) env[op.bearer.envVar] = bearer;
  return { argv: [op.operationId, "--base-url", baseUrl, ...args], env };
}
