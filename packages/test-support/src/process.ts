// Child processes for tests whose subject is the process itself (a bin, `npm start`, newman, a
// code sample): one runner that waits for the exit, one that starts a long-running process and
// waits until it is ready, and one condition wait. Every wait is on a condition (a line, a port,
// a probe's value, the streams closing), with a generous deadline that only catches a hang.
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

/** Deadline for a condition: long enough for a loaded 2-core machine; it only catches hangs. */
export const DEFAULT_DEADLINE_MS = 300_000;

export interface WaitOptions {
  timeoutMs?: number;
  /** Between two probes. */
  intervalMs?: number;
  /** Checked before each probe: a reason to stop waiting (e.g. the process exited). */
  abandon?: () => string | undefined;
}

/** Resolves with `probe`'s first value that is not undefined; fails naming `what` at the deadline. */
export async function waitUntil<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  { timeoutMs = DEFAULT_DEADLINE_MS, intervalMs = 10, abandon }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = abandon?.();
    if (why !== undefined) throw new Error(`${why} before ${what}`);
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions extends Pick<SpawnOptions, "cwd" | "env"> {
  /** Written to standard input, which is closed either way (nothing waits on it). */
  stdin?: string;
}

/**
 * Runs a command to its end and resolves once its output streams have closed (so no output is
 * lost to the "exit"/"close" race). Never rejects on a non-zero exit: the code is the result.
 */
export function runProcess(
  command: string,
  args: string[],
  { stdin = "", ...options }: RunOptions = {},
): Promise<Finished> {
  const child = spawn(command, args, { ...options, stdio: "pipe" });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => (stdout += chunk));
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  child.stdin?.on("error", () => {}); // a process that exits without reading its stdin
  child.stdin?.end(stdin);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export interface StartedProcess {
  child: ChildProcess;
  /** Everything it printed so far: stdout, stderr, and both interleaved as they arrived. */
  stdout(): string;
  stderr(): string;
  output(): string;
  /** Polls `probe` until it gives a value; fails (with the output) if the process ends first. */
  waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T>;
  /** Waits until the output (both streams) matches `pattern`; resolves with the match. */
  waitForOutput(pattern: RegExp, what?: string): Promise<RegExpExecArray>;
  /** Resolves once the process has ended and its output streams have closed. */
  finished(): Promise<Finished>;
  /** Sends `signal` (SIGTERM) and waits until finished. */
  stop(signal?: NodeJS.Signals): Promise<Finished>;
}

const running = new Set<ChildProcess>();

/** Starts a long-running process; use its waits to know when it is ready. */
export function startProcess(
  command: string,
  args: string[],
  options: Pick<SpawnOptions, "cwd" | "env" | "detached"> = {},
): StartedProcess {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let stdout = "";
  let stderr = "";
  let output = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
    output += chunk;
  });
  const closed = new Promise<Finished>((resolve) =>
    child.once("close", (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  const ended = () =>
    child.exitCode !== null || child.signalCode !== null
      ? `the process ended (${child.exitCode ?? child.signalCode}); its output:\n${output}`
      : undefined;
  const waitFor = <T>(probe: () => T | undefined | Promise<T | undefined>, what: string) =>
    waitUntil(probe, what, { abandon: ended }).catch((error: Error) => {
      throw new Error(`${error.message}\n${ended() ? "" : `output so far:\n${output}`}`);
    });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    output: () => output,
    waitFor,
    waitForOutput: (pattern, what = String(pattern)) =>
      waitFor(() => pattern.exec(output) ?? undefined, what),
    finished: () => closed,
    stop: (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return closed;
    },
  };
}

/** Kills every process started with startProcess that still runs (for afterEach / afterAll). */
export function killStarted(): void {
  for (const child of running) if (child.exitCode === null) child.kill("SIGKILL");
  running.clear();
}
