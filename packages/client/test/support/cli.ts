// The klearstack-token command, two ways. runCli: in this process, through the same runCli(argv,
// io) the installed bin calls, with only the environment and standard input given (nothing leaks
// in from the test's own): cheap, for every behaviour of the command. runBin: the real bin
// (src/cli/bin.ts on this Node) as a child process, for what only a process shows (exit code,
// streams, stdin): a few tests, not one per behaviour.
import { fileURLToPath } from "node:url";
import { runProcess } from "@klearstack/test-support/process";
import { runCli as runInProcess } from "../../src/cli/run.ts";

const bin = fileURLToPath(new URL("../../src/cli/bin.ts", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: string[],
  env: Record<string, string> = {},
  stdin = "",
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await runInProcess(args, {
    env: { ...env },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}

export async function runBin(
  args: string[],
  env: Record<string, string> = {},
  stdin = "",
): Promise<CliResult> {
  const { code, stdout, stderr } = await runProcess(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdin,
  });
  return { code, stdout, stderr };
}
