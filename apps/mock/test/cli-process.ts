// The CLI as a child process, started as `npm run mock` starts it (bin/klearstack-mock.js, which runs
// the bundle) or unbundled (src/cli.ts), and read line by line.
import { fileURLToPath } from "node:url";
import { type StartedProcess, startProcess } from "@klearstack/test-support/process";

export { killStarted as stopClis } from "@klearstack/test-support/process";

export const bundledCli = fileURLToPath(new URL("../bin/klearstack-mock.js", import.meta.url));
export const sourceCli = fileURLToPath(new URL("../src/cli.ts", import.meta.url));

export interface StartedCli extends StartedProcess {
  url: string;
}

/** Starts the CLI and resolves once it has printed its ready line (the URL it listens on). */
export async function startCli(
  args: string[],
  env: Record<string, string> = {},
  entry = bundledCli,
): Promise<StartedCli> {
  // process.execPath is the Node 24 that runs vitest; the CLI needs its type stripping.
  const started = startProcess(process.execPath, [entry, ...args], {
    env: { ...process.env, ...env },
  });
  await started.waitFor(
    () => (started.stdout().includes("\n") ? true : undefined),
    "the ready line",
  );
  const url = started.stdout().match(/http:\/\/\S+/)?.[0] ?? "";
  return Object.assign(started, { url });
}
