// One class per failure kind, under a common base, so callers can `instanceof` or switch on `kind`.
// Every message is masked by the project's one secret masker (bundled into dist at build, see
// README): an error must never carry a credential to a log.
import { maskSecrets } from "@klearstack/spec/secrets";

export type KlearStackErrorKind =
  | "api"
  | "unauthorized"
  | "redirect"
  | "too-large"
  | "timeout"
  | "network"
  | "validation";

export abstract class KlearStackError extends Error {
  abstract readonly kind: KlearStackErrorKind;
  constructor(message: string, options?: ErrorOptions) {
    super(maskSecrets(message), options);
  }
}

/** The API answered with a non-2xx status (or a 2xx whose body is not what the spec documents). */
export class KlearStackApiError extends KlearStackError {
  override readonly name: string = "KlearStackApiError";
  readonly kind: "api" | "unauthorized" = "api";
  /** HTTP status code. */
  readonly status: number;
  /** The response body as text (never parsed as JSON), with any credential in it masked. */
  readonly body: string;
  readonly headers: Headers;
  constructor(status: number, body: string, headers: Headers, message?: string) {
    super(message ?? `KlearStack API responded ${status}: ${body.slice(0, 500)}`);
    this.status = status;
    this.body = maskSecrets(body);
    this.headers = headers;
  }
}

/** 401: the bearer access token is missing, invalid or expired. Log in (or refresh) again. */
export class KlearStackUnauthorizedError extends KlearStackApiError {
  override readonly name = "KlearStackUnauthorizedError";
  override readonly kind = "unauthorized";
  constructor(body: string, headers: Headers) {
    super(
      401,
      body,
      headers,
      "KlearStack API responded 401: the access token is missing, invalid or expired",
    );
  }
}

/**
 * The API answered with a redirect. It is never followed: fetch would send the request again,
 * form body (password, refresh token) included, to wherever `Location` points, https or not.
 */
export class KlearStackRedirectError extends KlearStackError {
  override readonly name = "KlearStackRedirectError";
  readonly kind = "redirect";
  /** The 3xx status (0 in a browser, which hides it). */
  readonly status: number;
  /** The origin `Location` names, never its path or query; "" when there is none to read. */
  readonly location: string;
  constructor(status: number, location: string) {
    super(
      `KlearStack API redirected (${status}) to ${location || "a hidden Location"}; not followed: it would get the request's secrets`,
    );
    this.status = status;
    this.location = location;
  }
}

/** The answer's body is over `maxResponseBytes`: reading stopped there, nothing more was kept. */
export class KlearStackResponseTooLargeError extends KlearStackError {
  override readonly name = "KlearStackResponseTooLargeError";
  readonly kind = "too-large";
  readonly status: number;
  readonly maxResponseBytes: number;
  constructor(status: number, maxResponseBytes: number) {
    super(
      `KlearStack API responded ${status} with a body over ${maxResponseBytes} bytes, the limit (maxResponseBytes); reading stopped there`,
    );
    this.status = status;
    this.maxResponseBytes = maxResponseBytes;
  }
}

/** No complete response arrived within `timeoutMs` (per attempt). */
export class KlearStackTimeoutError extends KlearStackError {
  override readonly name = "KlearStackTimeoutError";
  readonly kind = "timeout";
  readonly timeoutMs: number;
  constructor(timeoutMs: number, options?: ErrorOptions) {
    super(`KlearStack API did not respond within ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The connection failed (refused, reset, DNS, TLS...); `cause` holds the platform's error. */
export class KlearStackNetworkError extends KlearStackError {
  override readonly name = "KlearStackNetworkError";
  readonly kind = "network";
  constructor(cause: unknown) {
    const detail = cause instanceof Error ? describeCause(cause) : String(cause);
    super(`could not reach the KlearStack API: ${detail}`, { cause });
  }
}

/** The input was rejected before any request was sent (or a token could not be decoded). */
export class KlearStackValidationError extends KlearStackError {
  override readonly name = "KlearStackValidationError";
  readonly kind = "validation";
  /** The offending field or argument. Its value is never included: it may be a credential. */
  readonly field: string;
  constructor(field: string, problem: string) {
    super(`${field} ${problem}`);
    this.field = field;
  }
}

/** Node's fetch says only "fetch failed"; the useful part (ECONNREFUSED...) is in its cause. */
function describeCause(error: Error): string {
  const inner = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${inner}`;
}
