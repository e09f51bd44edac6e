// The mock's public API: start Prism's engine on the spec behind our fidelity rules.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { specPath as defaultSpecPath } from "@klearstack/spec";
import { answerClientError, answerConnect } from "./client-error.ts";
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
  /**
   * Milliseconds a client has to send a whole request, headers and body, before it gets 408 and
   * its connection is closed. Default 30000; a positive integer.
   */
  requestTimeout?: number;
  /** Where log lines go (each ends with a newline). Default: stderr. */
  log?: (line: string) => void;
}

/** How often Node's server checks its connections against the request timeout, at most. */
const TIMEOUT_CHECK_MS = 1000;

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
  const write = options.log ?? ((line: string) => process.stderr.write(line));
  const requestTimeout =
    checkPositive("requestTimeout", "milliseconds", options.requestTimeout) ?? 30_000;
  const lifetimes: Lifetimes = {
    access: checkPositive("accessTtl", "seconds", options.accessTtl),
    refresh: checkPositive("refreshTtl", "seconds", options.refreshTtl),
  };
  const load = () => loadEngine(specPath, { dynamic, debug: logLevel === "debug", lifetimes });
  let engine: Engine = await load();

  const log = createRequestLogger(logLevel, write);
  // Slow or stalled clients must not hold the mock: a request not complete within the limit gets
  // 408 (headers and body alike), checked often enough to close it near the limit rather than up
  // to Node's default 30 s check interval later. The socket timeout, a little beyond that, closes
  // what the request timeout does not cover (a client that stops reading our answer).
  const checkEvery = Math.max(10, Math.min(TIMEOUT_CHECK_MS, Math.floor(requestTimeout / 4)));
  // An idle keep-alive connection stays open as long as a request may take. With Node's default
  // (5 s) a client's pool (undici's closes at the server's hint minus 2 s) races the server's close
  // whenever it reuses a connection 3-5 s after the last answer on a loaded machine: the request
  // then dies on a reset socket (EPIPE) instead of getting its answer.
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: requestTimeout,
      keepAliveTimeout: requestTimeout,
      connectionsCheckingInterval: checkEvery,
    },
    createHandler(() => engine, log, write),
  );
  server.setTimeout(requestTimeout + 2 * checkEvery);
  server.on("clientError", (error, socket) => answerClientError(error, socket, requestTimeout));
  server.on("connect", (req, socket) => {
    answerConnect(
      req,
      socket,
      [...new Set(engine.operations.map((op) => op.method.toUpperCase()))],
      log,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const reload = async () => {
    engine = await load(); // a failed load leaves the last good engine in place
    if (logLevel !== "silent") write(`mock: reloaded ${specPath}\n`);
  };
  const stopWatching = options.watch
    ? watchFile(specPath, () => {
        reload().catch((error: unknown) => {
          // Keep answering from the last good spec; say why the new one was refused.
          if (logLevel !== "silent")
            write(`mock: kept the previous spec, reload failed: ${String(error)}\n`);
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

/** An optional count of `unit`: undefined (the default) or a positive whole number. */
function checkPositive(name: string, unit: string, value: number | undefined): number | undefined {
  if (value === undefined || (Number.isSafeInteger(value) && value > 0)) return value;
  throw new RangeError(`${name} must be a positive whole number of ${unit}, got ${value}`);
}
