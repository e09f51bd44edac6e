// Runs the real klearstack-token command (its TypeScript source, on this Node) as a child process,
// with only the environment and standard input given: nothing leaks in from the test's own.
import { fileURLToPath } from "node:url";
import { runProcess } from "@klearstack/test-support/process";

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
  const { code, stdout, stderr } = await runProcess(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdin,
  });
  return { code, stdout, stderr };
}
