// Runs klearstack-token's runCli in this process, with only the environment given: for tests of
// what the command prints and how it exits, where spawning a process would prove nothing more.
import type { OperationModel } from "@klearstack/spec";
import { bearerCredentialName, fieldEnvVar, fieldFlag } from "@klearstack/spec/names";
import { runCli } from "../../src/cli/run.ts";

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
 * The command line and environment that call `op` with `fields` (secrets in their variables, as
 * the CLI requires) and, for a bearer operation, `bearer` as the access token.
 */
export function cliCall(
  op: OperationModel,
  baseUrl: string,
  fields: Record<string, string>,
  bearer: string,
): { argv: string[]; env: Record<string, string> } {
  const argv = [op.operationId, "--base-url", baseUrl];
  const env: Record<string, string> = {};
  for (const field of op.fields) {
    const value = fields[field.name];
    if (value === undefined) continue;
    if (field.secret) env[fieldEnvVar(field.name)] = value;
    else argv.push(`--${fieldFlag(field.name)}`, value);
  }
  if (op.bearer) env[fieldEnvVar(bearerCredentialName(op.bearer))] = bearer;
  return { argv, env };
}
