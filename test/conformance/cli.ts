// Test helper: runs `npm run conformance` with an argv, an environment and standard input, and
// returns its exit code, what it printed (secrets redacted, so no assertion can print one) and the
// names of any secret whose text it printed. In this process by default, through runCli(argv, io),
// the function the command's entry point calls; `process: true` runs the entry point as a child
// process, for the few tests about the process itself.
import { fileURLToPath } from "node:url";
import { runCli } from "@klearstack/conformance/cli";
import { runProcess } from "@klearstack/test-support/process";
import { type KnownSecret, leakedTokens, redactTokens } from "./tokens.ts";

const cli = fileURLToPath(
  import.meta.resolve("@klearstack/conformance").replace(/index\.ts$/, "cli.ts"),
);

export interface ConformanceRun {
  code: number;
  /** stdout + stderr, known secrets and anything JWT-shaped redacted. */
  output: string;
  /** Names of secrets whose text the run printed; [] when it kept its promise. */
  leaked: string[];
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Written to the run's standard input (closed either way, so nothing waits on it). */
  stdin?: string;
  /** Run the entry point as a child process (default: in this process, through runCli). */
  process?: boolean;
  /** Secrets besides the spec's (a server's fresh tokens, a test's password), read after the run. */
  secrets?: () => KnownSecret[];
}

export async function conformance(
  args: string[],
  options: RunOptions = {},
): Promise<ConformanceRun> {
  const env = { ...process.env, ...options.env };
  let code: number | null;
  let raw = "";
  if (options.process) {
    const run = await runProcess(process.execPath, [cli, ...args], {
      env,
      stdin: options.stdin ?? "",
    });
    code = run.code;
    raw = run.stdout + run.stderr;
  } else {
    code = await runCli(args, {
      env,
      cwd: process.cwd(),
      stdout: (text) => {
        raw += text;
      },
      stderr: (text) => {
        raw += text;
      },
      readStdin: async () => options.stdin ?? "",
    });
  }
  const extra = options.secrets?.() ?? [];
  return {
    code: code ?? -1,
    output: redactTokens(raw, extra),
    leaked: leakedTokens(raw, extra),
  };
}

export interface Row {
  operation: string;
  encoding: string;
  check: string;
  got: string;
  result: "PASS" | "FAIL" | "NOT RUN";
}

/** The rows of the report's table (columns are separated by two or more spaces). */
export function tableRows(output: string): Row[] {
  return output.split("\n").flatMap((line) => {
    const cells = line.split(/\s{2,}/);
    if (cells.length !== 7 || !/^\d+$/.test(cells[0] ?? "")) return [];
    const [, operation = "", encoding = "", check = "", , got = "", result] = cells;
    return [{ operation, encoding, check, got, result: result as Row["result"] }];
  });
}
