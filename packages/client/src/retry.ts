// When to try again, and how long to wait first. Only failures that mean "the request may not have
// been handled, try again" are retried; the API's documented 500 (a missing field) never is.
import {
  KlearStackApiError,
  KlearStackNetworkError,
  KlearStackTimeoutError,
  KlearStackValidationError,
} from "./errors.ts";

export interface RetryOptions {
  /** Retries after the first attempt (default 2, so at most 3 requests). */
  maxRetries?: number;
  /** First backoff step (default 250 ms); doubles on each retry. */
  baseDelayMs?: number;
  /** Longest wait between attempts (default 5000 ms). A longer `Retry-After` ends the retries. */
  maxDelayMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export function retryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  const policy =
    options === false
      ? { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0 }
      : {
          maxRetries: options?.maxRetries ?? 2,
          baseDelayMs: options?.baseDelayMs ?? 250,
          maxDelayMs: options?.maxDelayMs ?? 5000,
        };
  // A NaN or negative bound would mean "retry forever" or "never wait": refuse it up front.
  for (const [name, value] of Object.entries(policy)) {
    if (!(Number.isFinite(value) && value >= 0)) {
      throw new KlearStackValidationError(`retry.${name}`, "must be a finite number >= 0");
    }
  }
  return policy;
}

/** Request Timeout, Too Many Requests, Bad Gateway, Service Unavailable, Gateway Timeout. */
export const isRetryableStatus = (status: number) => [408, 429, 502, 503, 504].includes(status);

/**
 * Milliseconds to wait before retrying after `error` (retry number `retry`, 0-based), or undefined
 * when it is not retried: not a "try again" failure, retries spent, or a longer Retry-After.
 */
export function retryDelayAfter(
  policy: RetryPolicy,
  error: unknown,
  retry: number,
): number | undefined {
  if (retry >= policy.maxRetries) return undefined;
  if (error instanceof KlearStackApiError) {
    return isRetryableStatus(error.status)
      ? retryDelayMs(policy, retry, error.headers.get("Retry-After"))
      : undefined;
  }
  const transient =
    error instanceof KlearStackNetworkError || error instanceof KlearStackTimeoutError;
  return transient ? retryDelayMs(policy, retry, null) : undefined;
}

/**
 * Milliseconds to wait before retry number `retry` (0-based): the server's `Retry-After` when it
 * sent one, else exponential backoff with jitter (half fixed, half random, so clients spread out).
 * `undefined` means "do not retry": the server asked for a longer wait than `maxDelayMs`.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  retry: number,
  retryAfter: string | null,
  random: () => number = Math.random,
  now: number = Date.now(),
): number | undefined {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return asked <= policy.maxDelayMs ? asked : undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
