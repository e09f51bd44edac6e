// Test helper: runs `npm run conformance`'s entry point as a child process, exactly as a user
// would, and returns its exit code, what it printed (tokens redacted, so no assertion can print
// one) and the names of any known token whose text it printed.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { leakedTokens, redactTokens } from "./tokens.ts";

const cli = fileURLToPath(
  import.meta.resolve("@klearstack/conformance").replace(/index\.ts$/, "cli.ts"),
);

export interface ConformanceRun {
  code: number;
  /** stdout + stderr, known tokens and anything JWT-shaped redacted. */
  output: string;
  /** Names of known tokens whose text the run printed; [] when it kept its promise. */
  leaked: string[];
}

export function conformance(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ConformanceRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        const raw = stdout + stderr;
        resolve({ code, output: redactTokens(raw), leaked: leakedTokens(raw) });
      },
    );
  });
}
