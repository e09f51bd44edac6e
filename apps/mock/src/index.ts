// The mock's public API: start Prism's engine on the spec behind our fidelity rules.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { specPath as defaultSpecPath } from "@klearstack/spec";
import { answerClientError } from "./client-error.ts";
import { type Engine, loadEngine } from "./engine.ts";
import { createHandler } from "./handler.ts";
import { createRequestLogger, type LogLevel } from "./log.ts";
import type { Lifetimes } from "./tokens.ts";
import { watchFile } from "./watch.ts";

export { LOG_LEVELS, type LogLevel } from "./log.ts";

export interface MockOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4010; 0 picks a free port (tests always use 0). */
  port?: number;
  /** Default: the spec of @klearstack/spec. */
  specPath?: string;
  /** Generated answers instead of the spec's examples (per request: `Prefer: dynamic=true`). */
  dynamic?: boolean;
  /** Request log level, on stderr. Default "info"; "silent" for load tests. */
  logLevel?: LogLevel;
  /** Reload when the spec file changes. Default false (the CLI turns it on). */
  watch?: boolean;
  /**
   * Lifetime in seconds of the access tokens the mock issues (tokens whose `token_type` is
   * "access"), instead of the spec's documented one: short lifetimes let a client's refresh logic
   * meet real expiry. A positive integer.
   */
  accessTtl?: number;
  /** The same for refresh tokens (`token_type` "refresh"). */
  refreshTtl?: number;
}

export interface RunningMock {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  host: string;
  port: number;
  /**
   * Reads the spec again. A spec that fails to load is refused: the mock keeps answering from the
   * last good one and the promise rejects with why. For a host that watches the spec itself
   * (`npm start`), so one process has one spec watcher.
   */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const { host = "127.0.0.1", port = 4010, specPath = defaultSpecPath, dynamic = false } = options;
  const logLevel = options.logLevel ?? "info";
  const lifetimes: Lifetimes = {
    access: checkTtl("accessTtl", options.accessTtl),
    refresh: checkTtl("refreshTtl", options.refreshTtl),
  };
  const load = () => loadEngine(specPath, { dynamic, debug: logLevel === "debug", lifetimes });
  let engine: Engine = await load();

  const server = createServer(createHandler(() => engine, createRequestLogger(logLevel)));
  server.on("clientError", answerClientError);
  // Slow or stalled clients must not hold the mock forever.
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const reload = async () => {
    engine = await load(); // a failed load leaves the last good engine in place
    if (logLevel !== "silent") process.stderr.write(`mock: reloaded ${specPath}\n`);
  };
  const stopWatching = options.watch
    ? watchFile(specPath, () => {
        reload().catch((error: unknown) => {
          // Keep answering from the last good spec; say why the new one was refused.
          if (logLevel !== "silent")
            process.stderr.write(`mock: kept the previous spec, reload failed: ${String(error)}\n`);
        });
      })
    : () => {};

  const actualPort = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}`,
    host,
    port: actualPort,
    reload,
    close: () =>
      new Promise<void>((resolve, reject) => {
        stopWatching();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A lifetime override: undefined (the spec's own) or a positive whole number of seconds. */
function checkTtl(name: string, seconds: number | undefined): number | undefined {
  if (seconds === undefined || (Number.isSafeInteger(seconds) && seconds > 0)) return seconds;
  throw new RangeError(`${name} must be a positive whole number of seconds, got ${seconds}`);
}
