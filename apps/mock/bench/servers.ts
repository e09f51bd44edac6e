// The servers the bench compares, each started in its own process on a free loopback port and
// timed from spawn to its first 200.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { specPath } from "@klearstack/spec";
import { loginRequest } from "./request.ts";

const require = createRequire(import.meta.url);
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const repoRoot = here("../../..");

export interface Server {
  name: string;
  url: string;
  pid: number;
  startMs: number;
  /** CPU time the spawned process (all its threads) had used at its first 200, in ms. */
  startCpuMs: number;
  stop(): void;
}

/** A command that serves on `port`. */
export interface Launch {
  command: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
}

export const launches = {
  /** What `npm run mock` runs: the bin, which runs the bundle. */
  "(a) our mock": (port: number): Launch => ({
    command: process.execPath,
    args: [here("../bin/klearstack-mock.js"), "--port", String(port), "--quiet", "--no-watch"],
  }),
  // Prism's CLI entry run directly by our Node (never through npx). The issue asks for `-m`, but
  // prism-cli 5.16.0 crashes with it (its compiled `require("node:cluster").default` is
  // undefined: "Cannot read properties of undefined (reading 'isPrimary')"), so it runs
  // single-process; with `-v error` the log piping -m offloads is idle anyway.
  "(b) prism mock CLI": (port: number): Launch => ({
    command: process.execPath,
    args: [
      require.resolve("@stoplight/prism-cli/dist/index.js"),
      ...["mock", specPath, "-v", "error", "-p", String(port)],
    ],
  }),
  "(c) static node:http": (port: number): Launch => ({
    command: process.execPath,
    args: [here("static-server.ts"), String(port)],
  }),
  /** The root script, as a user types it (the npm on PATH, in the repository root). */
  "npm run mock": (port: number): Launch => ({
    command: "npm",
    args: ["run", "mock", "--", "--port", String(port), "--quiet", "--no-watch"],
    cwd: repoRoot,
  }),
} satisfies Record<string, (port: number) => Launch>;
export type ServerName = keyof typeof launches;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

export async function startServer(
  name: ServerName,
  env: Record<string, string> = {},
): Promise<Server> {
  const port = await freePort();
  const { command, args, cwd } = launches[name](port);
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // detached: its own process group, so that stop() ends it and anything it started (npm's shell
  // and Node) by group id.
  const child: ChildProcess = spawn(command, args, {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: { ...process.env, SCARF_ANALYTICS: "false", DO_NOT_TRACK: "1", ...env },
  });
  let stopped = false;
  const stop = () => {
    if (stopped || child.pid === undefined) return;
    stopped = true;
    process.off("exit", stop);
    process.kill(-child.pid, "SIGTERM");
  };
  process.once("exit", stop);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (performance.now() - started > 30_000) {
      stop();
      throw new Error(`${name} gave no 200 within 30 s`);
    }
    const { path, ...init } = loginRequest;
    const status = await fetch(`${url}${path}`, init)
      .then((r) => r.arrayBuffer().then(() => r.status))
      .catch(() => 0);
    if (status === 200) {
      const startMs = performance.now() - started;
      return { name, url, pid: child.pid ?? 0, startMs, startCpuMs: cpuMs(child.pid), stop };
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * CPU time (user + system) used so far by process `pid`, from /proc (Linux): unlike the time to
 * the first 200, it barely depends on what else the machine is running.
 */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
/** USER_HZ: the unit of /proc's times, 100 on Linux. */
const CLOCK_TICKS = 100;

/** Milliseconds from spawning `command` to its exit (which must be 0). */
export function timeToExit(command: string, args: string[], cwd: string): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, stdio: "ignore" });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}
