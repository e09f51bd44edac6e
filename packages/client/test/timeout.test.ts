// Timeouts and retries against a real local server that stalls or fails on purpose.

import type { OperationModel } from "@klearstack/spec";
import { type LocalServer, startLocalServer } from "@klearstack/test-support/server";
import { afterEach, describe, expect, it } from "vitest";
import {
  createKlearStackClient,
  KlearStackNetworkError,
  KlearStackTimeoutError,
} from "../src/index.ts";
import { callOperation, example200, operations } from "./support/fixtures.ts";
import { expectSameSecret, rejectionOf } from "./support/secret-safe-assertions.ts";

// Timeouts and retries are the client's, the same for every operation: the first one stands for all.
const op = operations[0] as OperationModel;
const documented500 = op.missingParameters[0]?.text ?? "";
const fast = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 10 };
const sendPair = (res: import("node:http").ServerResponse) => {
  res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(example200(op)));
};

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("per-attempt timeout", () => {
  it("a server that never answers is a KlearStackTimeoutError after timeoutMs", async () => {
    server = await startLocalServer(() => {}); // accepts, reads nothing, never answers
    const client = createKlearStackClient({ baseUrl: server.url, timeoutMs: 100, retry: false });
    const error = await rejectionOf(callOperation(client, op));
    expect(error).toBeInstanceOf(KlearStackTimeoutError);
    expect(error).toMatchObject({ kind: "timeout", timeoutMs: 100 });
  });

  it("also covers a body that stalls after the headers arrived", async () => {
    server = await startLocalServer((_, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"access_token": "');
    });
    const client = createKlearStackClient({ baseUrl: server.url, timeoutMs: 100, retry: false });
    expect(await rejectionOf(callOperation(client, op))).toBeInstanceOf(KlearStackTimeoutError);
  });

  it("is per attempt: a stalled first attempt is retried and the second one answers", async () => {
    server = await startLocalServer((_, res, hit) => {
      if (hit > 1) sendPair(res);
    });
    // Long enough for the second attempt's answer on a loaded machine; the first never answers.
    const client = createKlearStackClient({ baseUrl: server.url, timeoutMs: 2000, retry: fast });
    expectSameSecret(await callOperation(client, op), example200(op), "the token pair");
    expect(server.hits()).toBe(2);
  });

  it("works alongside the caller's signal: the caller aborting first rejects with their reason", async () => {
    server = await startLocalServer(() => {});
    const client = createKlearStackClient({ baseUrl: server.url, timeoutMs: 10_000, retry: false });
    const reason = new Error("caller gave up");
    const call = callOperation(client, op, undefined, { signal: abortAfter(50, reason) });
    expect(await rejectionOf(call)).toBe(reason);
  });

  it("works alongside the caller's signal: the timeout firing first is a timeout error", async () => {
    server = await startLocalServer(() => {});
    const client = createKlearStackClient({ baseUrl: server.url, timeoutMs: 50, retry: false });
    const call = callOperation(client, op, undefined, {
      signal: new AbortController().signal, // never aborts
    });
    expect(await rejectionOf(call)).toBeInstanceOf(KlearStackTimeoutError);
  });
});

describe("retries against a failing server", () => {
  it("503 with Retry-After: 0, then 200: resolves after exactly two requests", async () => {
    server = await startLocalServer((_, res, hit) => {
      if (hit === 1) res.writeHead(503, { "Retry-After": "0" }).end("try again");
      else sendPair(res);
    });
    const client = createKlearStackClient({ baseUrl: server.url, retry: fast });
    expectSameSecret(await callOperation(client, op), example200(op), "the token pair");
    expect(server.hits()).toBe(2);
  });

  it("a dropped connection is retried, then succeeds", async () => {
    server = await startLocalServer((req, res, hit) => {
      if (hit === 1) req.socket.destroy();
      else sendPair(res);
    });
    const client = createKlearStackClient({ baseUrl: server.url, retry: fast });
    expectSameSecret(await callOperation(client, op), example200(op), "the token pair");
    expect(server.hits()).toBe(2);
  });

  it("the documented 500 is answered once and never retried", async () => {
    server = await startLocalServer((_, res) => {
      res.writeHead(500, { "Content-Type": "text/plain" }).end(documented500);
    });
    const client = createKlearStackClient({ baseUrl: server.url, retry: fast });
    expect(await rejectionOf(callOperation(client, op))).toMatchObject({
      status: 500,
      body: documented500,
    });
    expect(server.hits()).toBe(1);
  });

  it("a refused connection is a KlearStackNetworkError once the retries are spent", async () => {
    server = await startLocalServer(() => {});
    const { url } = server;
    await server.close();
    server = undefined;
    const client = createKlearStackClient({ baseUrl: url, retry: fast });
    const error = await rejectionOf(callOperation(client, op));
    expect(error).toBeInstanceOf(KlearStackNetworkError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});

function abortAfter(ms: number, reason: Error): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(reason), ms);
  return controller.signal;
}
