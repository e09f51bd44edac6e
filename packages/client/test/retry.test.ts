// Which failures are retried, how often, and how long the client waits in between.

import type { OperationModel } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import {
  createKlearStackClient,
  KlearStackApiError,
  KlearStackNetworkError,
  KlearStackValidationError,
  type RetryOptions,
} from "../src/index.ts";
import { parseRetryAfter, retryDelayMs, retryPolicy } from "../src/retry.ts";
import { fakeFetch, json, text } from "./support/fake-fetch.ts";
import { callOperation, example200, operations } from "./support/fixtures.ts";
import { expectSameSecret, rejectionOf } from "./support/secret-safe-assertions.ts";

const baseUrl = "https://klearstack.invalid";
// The policy is the client's, the same for every operation: the spec's first one stands for all.
const op = operations[0] as OperationModel;
const fast = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5 };

async function callWith(status: number, retry: RetryOptions | false = fast) {
  const { fetch, requests } = fakeFetch(() => text(`status ${status}`, status));
  const error = await rejectionOf(
    callOperation(createKlearStackClient({ baseUrl, fetch, retry }), op),
  );
  return { error, attempts: requests.length };
}

describe("what is retried", () => {
  it.each([408, 429, 502, 503, 504])(
    "status %i: up to maxRetries more times, then the API error",
    async (status) => {
      const { error, attempts } = await callWith(status);
      expect(attempts).toBe(1 + fast.maxRetries);
      expect(error).toBeInstanceOf(KlearStackApiError);
      expect(error).toMatchObject({ status });
    },
  );

  it.each([500, 400, 401, 403, 404, 409, 422, 501])(
    "status %i: never (one attempt)",
    async (status) => {
      const { error, attempts } = await callWith(status);
      expect(attempts).toBe(1);
      expect(error).toMatchObject({ status });
    },
  );

  it("connection errors: retried, then a KlearStackNetworkError", async () => {
    let attempts = 0;
    const fetch = async () => {
      attempts++;
      throw new TypeError("fetch failed");
    };
    const call = callOperation(createKlearStackClient({ baseUrl, fetch, retry: fast }), op);
    expect(await rejectionOf(call)).toBeInstanceOf(KlearStackNetworkError);
    expect(attempts).toBe(1 + fast.maxRetries);
  });

  it("a retry that succeeds resolves to its token pair", async () => {
    const { fetch, requests } = fakeFetch((_, attempt) =>
      attempt < 3 ? text("busy", 503) : json(example200(op)),
    );
    const pair = await callOperation(
      createKlearStackClient({
        baseUrl,
        fetch,
        retry: fast,
      }),
      op,
    );
    expectSameSecret(pair, example200(op), "the token pair");
    expect(requests).toHaveLength(3);
  });

  it("retry: false means exactly one attempt", async () => {
    const { attempts } = await callWith(503, false);
    expect(attempts).toBe(1);
  });

  it("the default policy allows two retries", () => {
    expect(retryPolicy(undefined).maxRetries).toBe(2);
  });

  it.each([
    { maxRetries: Number.NaN },
    { maxRetries: -1 },
    { baseDelayMs: Number.POSITIVE_INFINITY },
  ])("refuses a policy that could retry forever or never wait: %o", (retry) => {
    expect(() => createKlearStackClient({ baseUrl, retry })).toThrow(KlearStackValidationError);
  });

  it("a Retry-After longer than maxDelayMs ends the retries instead of blocking", async () => {
    const { fetch, requests } = fakeFetch(() => text("slow down", 429, { "Retry-After": "3600" }));
    const call = callOperation(createKlearStackClient({ baseUrl, fetch, retry: fast }), op);
    expect(await rejectionOf(call)).toMatchObject({ status: 429 });
    expect(requests).toHaveLength(1);
  });

  it("a caller abort during the wait between attempts stops the retries", async () => {
    const controller = new AbortController();
    const { fetch, requests } = fakeFetch(() => {
      setTimeout(() => controller.abort(new Error("stop")), 5);
      return text("busy", 503);
    });
    const retry = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 1000 };
    const call = callOperation(createKlearStackClient({ baseUrl, fetch, retry }), op, undefined, {
      signal: controller.signal,
    });
    expect(await rejectionOf(call)).toMatchObject({ message: "stop" });
    expect(requests).toHaveLength(1);
  });
});

describe("how long it waits", () => {
  const policy = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };

  it("backs off exponentially with jitter: between half and all of base * 2^retry", () => {
    for (const [retry, ceiling] of [
      [0, 100],
      [1, 200],
      [2, 400],
      [3, 800],
      [4, 1000],
    ] as const) {
      expect(retryDelayMs(policy, retry, null, () => 0)).toBe(ceiling / 2);
      expect(retryDelayMs(policy, retry, null, () => 0.999_999)).toBeCloseTo(ceiling, 0);
    }
  });

  it("spreads clients out: the jitter really varies", () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(policy, 2, null)));
    expect(delays.size).toBeGreaterThan(1);
  });

  it("waits exactly what Retry-After asks, in seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryDelayMs(policy, 0, "0", Math.random, now)).toBe(0);
    expect(retryDelayMs(policy, 0, " 1 ", Math.random, now)).toBe(1000);
    expect(retryDelayMs(policy, 0, "Thu, 01 Jan 2026 00:00:00 GMT", Math.random, now)).toBe(0);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
  });

  it("ignores an unreadable Retry-After and backs off instead", () => {
    expect(parseRetryAfter("soon", 0)).toBeUndefined();
    expect(retryDelayMs(policy, 0, "soon", () => 0)).toBe(50);
  });
});
