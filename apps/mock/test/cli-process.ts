// The CLI as a child process, started as `npm run mock` starts it (bin/klearstack-mock.js, which runs
// the bundle) or unbundled (src/cli.ts), and read line by line.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const bundledCli = fileURLToPath(new URL("../bin/klearstack-mock.js", import.meta.url));
export const sourceCli = fileURLToPath(new URL("../src/cli.ts", import.meta.url));

export interface StartedCli {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
}

const started: ChildProcess[] = [];

/** Starts the CLI and resolves once it has printed its ready line (the URL it listens on). */
export async function startCli(
  args: string[],
  env: Record<string, string> = {},
  entry = bundledCli,
): Promise<StartedCli> {
  // process.execPath is the Node 24 that runs vitest; the CLI needs its type stripping.
  const child = spawn(process.execPath, [entry, ...args], {
    env: { ...process.env, ...env },
    stdio: "pipe",
  });
  started.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (c) => (stdout += c));
  child.stderr?.on("data", (c) => (stderr += c));
  const deadline = Date.now() + 120_000;
  while (!stdout.includes("\n")) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`no ready line; stderr: ${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const url = stdout.match(/http:\/\/\S+/)?.[0] ?? "";
  return { child, url, stdout: () => stdout, stderr: () => stderr };
}

/** Kills every CLI started so far that is still running (for afterEach / afterAll). */
export function stopClis(): void {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
}
