// The installed mock as a stranger starts it: `npx klearstack-mock …` in their project, ready when
// it prints its ready line. Each one runs in its own process group, which stop() ends.
import { type ChildProcess, spawn } from "node:child_process";

export interface InstalledMock {
  url: string;
  /** What it wrote to stderr up to its ready line. */
  stderrAtReady: string;
  stop(): Promise<void>;
}

export function startInstalledMock(
  app: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<InstalledMock> {
  const child = spawn("npx", ["klearstack-mock", ...args], {
    cwd: app,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const ready = /KlearStack mock ready at (http:\/\/\S+)/.exec(stdout);
      if (ready?.[1]) {
        resolve({ url: ready[1], stderrAtReady: stderr, stop: () => stopGroup(child) });
      }
    });
    child.on("exit", (code, signal) =>
      reject(
        new Error(
          `npx klearstack-mock exited (${code ?? signal}) before its ready line:\n${stderr}`,
        ),
      ),
    );
  });
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    return Promise.resolve();
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  return exited;
}
