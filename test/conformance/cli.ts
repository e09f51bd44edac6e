// Test helper: runs `npm run conformance`'s entry point as a child process, exactly as a user
// would, and returns its exit code and everything it printed.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(
  import.meta.resolve("@klearstack/conformance").replace(/index\.ts$/, "cli.ts"),
);

export function conformance(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, output: stdout + stderr });
      },
    );
  });
}
