// Starting the three servers the bench compares, each in its own process on a free loopback port,
// and timing each from spawn to its first 200.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { specPath } from "@klearstack/spec";
import { loginRequest } from "./request.ts";

const require = createRequire(import.meta.url);
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export interface Server {
  name: string;
  url: string;
  pid: number;
  startMs: number;
  stop(): void;
}

type Command = (port: number) => string[];
export const commands: Record<string, Command> = {
  "(a) our mock": (port) => [
    here("../bin/klearstack-mock.ts"),
    "--port",
    String(port),
    "--quiet",
    "--no-watch",
  ],
  // Prism's CLI entry run directly by our Node (never through npx). The issue asks for `-m`, but
  // prism-cli 5.16.0 crashes with it (its compiled `require("node:cluster").default` is
  // undefined: "Cannot read properties of undefined (reading 'isPrimary')"), so it runs
  // single-process; with `-v error` the log piping -m offloads is idle anyway.
  "(b) prism mock CLI": (port) => [
    require.resolve("@stoplight/prism-cli/dist/index.js"),
    "mock",
    specPath,
    "-v",
    "error",
    "-p",
    String(port),
  ],
  "(c) static node:http": (port) => [here("static-server.ts"), String(port)],
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

export async function startServer(name: string): Promise<Server> {
  const command = commands[name];
  if (!command) throw new Error(`unknown server ${name}`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // detached: Prism's -m forks a worker; its own process group lets stop() end both by group id.
  const child: ChildProcess = spawn(process.execPath, command(port), {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: { ...process.env, SCARF_ANALYTICS: "false", DO_NOT_TRACK: "1" },
  });
  let stopped = false;
  const stop = () => {
    if (stopped || child.pid === undefined) return;
    stopped = true;
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
    if (status === 200)
      return { name, url, pid: child.pid ?? 0, startMs: performance.now() - started, stop };
    await new Promise((r) => setTimeout(r, 5));
  }
}
