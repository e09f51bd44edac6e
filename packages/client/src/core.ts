// The one HTTP path of the SDK: every operation of an operation table becomes a method that checks
// its input, encodes its form body, adds the bearer header where the operation's security asks for
// it, and sends it through openapi-fetch with a per-attempt timeout and the retry policy. Answers
// become the documented success body or a typed error. Every answer may be hostile: a redirect is
// never followed (it would carry the form's secrets elsewhere), a body is read up to a limit, and
// a token property must hold a JWT. Nothing here knows any one operation.
import { encodeFormValue, FormValueError } from "@klearstack/spec/form-fields";
import { SecretMasker } from "@klearstack/spec/secrets";
import createClient, { type Client, type Middleware } from "openapi-fetch";
import { type Encoding, encodings, type FormEntry, mediaTypes } from "./encoding.ts";
import {
  KlearStackApiError,
  KlearStackError,
  KlearStackNetworkError,
  KlearStackRedirectError,
  KlearStackResponseTooLargeError,
  KlearStackTimeoutError,
  KlearStackUnauthorizedError,
  KlearStackValidationError,
} from "./errors.ts";
import type { OperationEntry } from "./operation-table.ts";
import { type RetryOptions, retryDelayAfter, retryPolicy, sleep } from "./retry.ts";
import { hasShape } from "./shape.ts";
import { isJwt } from "./token.ts";
import type { Fetch, KlearStackLogger } from "./types.ts";

export interface KlearStackClientOptions {
  /** Base URL of the deployment (or the mock), without the operation path. */
  baseUrl: string;
  /** Custom fetch (tests, proxies, instrumentation). Defaults to the global fetch. */
  fetch?: Fetch;
  /** Per attempt, covering connect, headers and body. Default 10000; `Infinity` disables it. */
  timeoutMs?: number;
  /** Retry policy, or `false` for a single attempt. */
  retry?: RetryOptions | false;
  /** Default form encoding; default: the first one each operation lists. */
  encoding?: Encoding;
  /** Most bytes of an answer's body read before giving up. Default 1 MiB (1048576). */
  maxResponseBytes?: number;
  logger?: KlearStackLogger;
}

export interface AnyCallOptions {
  accessToken?: string | undefined;
  encoding?: Encoding | undefined;
  signal?: AbortSignal | undefined;
}

export type OperationTableLike = Readonly<Record<string, OperationEntry>>;

/** What the token session needs from a client besides its methods. */
export interface ClientInternals {
  table: OperationTableLike;
  /** The baseUrl, resolved (in a browser, against the page). */
  base: URL;
  fetch: Fetch;
  logger: KlearStackLogger | undefined;
  call(operationId: string, fields: unknown, options?: AnyCallOptions): Promise<unknown>;
}

const internals = new WeakMap<object, ClientInternals>();

/** The internals of a client made by createKlearStackClient; anything else is refused. */
export function internalsOf(client: object): ClientInternals {
  const found = internals.get(client);
  if (!found)
    throw new KlearStackValidationError("client", "must come from createKlearStackClient");
  return found;
}

/** Node's and browsers' timers overflow past 2^31-1 ms and fire at once; treat that as "none". */
const maxTimerMs = 2_147_483_647;
/** RFC 6750 b64token: what may follow `Bearer ` (anything else could split the header). */
const b64token = /^[\w~+/.-]+=*$/;

export function createOperationClient(
  table: OperationTableLike,
  options: KlearStackClientOptions,
): { raw: Client<Record<string, never>> } & Record<string, unknown> {
  const { baseUrl, timeoutMs = 10_000, maxResponseBytes = 2 ** 20, logger } = options;
  const base = checkBaseUrl(baseUrl);
  if (!(timeoutMs > 0)) throw new KlearStackValidationError("timeoutMs", "must be > 0");
  if (!(maxResponseBytes > 0)) {
    throw new KlearStackValidationError("maxResponseBytes", "must be > 0");
  }
  // Looked up per call, so a fetch patched in after creation (instrumentation) is honoured.
  const transport: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const policy = retryPolicy(options.retry);
  // No request of this client follows a redirect, client.raw's included.
  const raw = createClient<Record<string, never>>({
    baseUrl,
    fetch: (r) => transport(r),
    redirect: "manual",
  });

  /** One request; resolves to the documented success body or throws a typed error. */
  async function attempt(id: string, init: Record<string, unknown>, masker: SecretMasker) {
    const { method, path, result, issues } = table[id] as OperationEntry;
    const callerSignal = init.signal as AbortSignal | undefined;
    // A controller and a timer cleared on completion: no timer outlives the request.
    const timeout = timeoutMs <= maxTimerMs ? new AbortController() : undefined;
    const timer = timeout && setTimeout(() => timeout.abort(), timeoutMs);
    const signals = [callerSignal, timeout?.signal].filter((s) => s !== undefined);
    const started = performance.now();
    // Refuses a redirect, and keeps an error's text as text, read up to maxResponseBytes
    // (openapi-fetch would read it whole, and parse one that looks like JSON).
    let errorText = "";
    const guard: Middleware = {
      async onResponse({ request, response }) {
        refuseRedirect(response, request.url);
        if (response.ok) return undefined;
        errorText = masker.mask(await readCapped(response, maxResponseBytes));
        return new Response(null, response);
      },
    };
    let response: Response;
    let text = "";
    try {
      // openapi-fetch hands a success body over unread ("stream"); it is read here, up to the
      // limit, so the timeout covers it too.
      ({ response } = await (raw.request as AnyRequest)(method, path, {
        ...init,
        signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
        parseAs: "stream",
        middleware: [guard],
      }));
      if (response.ok) text = await readCapped(response, maxResponseBytes);
    } catch (error) {
      // A redirect or too large a body; the caller cancelled (their reason, untouched), our
      // timeout fired, or the network failed.
      if (error instanceof KlearStackError) throw error;
      if (callerSignal?.aborted) throw callerSignal.reason;
      if (timeout?.signal.aborted) throw new KlearStackTimeoutError(timeoutMs, { cause: error });
      throw new KlearStackNetworkError(error);
    } finally {
      clearTimeout(timer);
    }
    const { status, headers, ok } = response;
    logger?.debug?.(
      `${id}: ${method.toUpperCase()} ${path} -> ${status} in ${Math.round(performance.now() - started)} ms`,
    );
    if (status === 401) throw new KlearStackUnauthorizedError(errorText, headers);
    if (!ok) throw new KlearStackApiError(status, errorText, headers);
    if (!result) return undefined;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      // A SyntaxError quotes the body, which may hold tokens: it is not passed on.
    }
    // A token property holds a JWT, or the answer is not what the spec documents.
    const body = data as Record<string, unknown>;
    const notJwt = hasShape(data, result)
      ? Object.values(issues).find((name) => name in body && !isJwt(body[name]))
      : "";
    if (notJwt === undefined) return data;
    throw new KlearStackApiError(
      status,
      "",
      headers,
      `KlearStack API responded ${status} with a body ${id} does not document (withheld)${notJwt && `: ${notJwt} is not a JWT`}`,
    );
  }

  async function call(id: string, fields: unknown, callOptions: AnyCallOptions = {}) {
    const { accessToken, encoding, signal } = callOptions;
    const entry = table[id] as OperationEntry;
    // This call's secrets (secret fields, the bearer token), masked in whatever an error quotes.
    const masker = new SecretMasker([accessToken]);
    const headers: Record<string, string> = {};
    if (entry.bearer) {
      if (typeof accessToken !== "string" || !b64token.test(accessToken)) {
        throw new KlearStackValidationError(
          "accessToken",
          `must be a bearer token: ${id} needs it`,
        );
      }
      headers.Authorization = `Bearer ${accessToken}`;
    }
    const chosen = encoding ?? options.encoding ?? entry.encodings[0] ?? "urlencoded";
    if (!entry.encodings.includes(chosen) && entry.encodings.length) {
      throw new KlearStackValidationError("encoding", `must be one of ${entry.encodings}`);
    }
    // An operation without a request body gets no body and no content type.
    const form = entry.encodings.length ? encodings[chosen] : undefined;
    const init = {
      body: form && checkFields(entry, fields, masker, mediaTypes[chosen]),
      bodySerializer: form?.bodySerializer,
      headers: { ...headers, ...form?.headers },
      signal,
    };
    for (let retry = 0; ; retry++) {
      signal?.throwIfAborted();
      try {
        return await attempt(id, init, masker);
      } catch (error) {
        const delay = retryDelayAfter(policy, error, retry);
        if (delay === undefined) throw error;
        const why = error instanceof KlearStackApiError ? `status ${error.status}` : "";
        logger?.warn?.(
          `${id}: retry ${retry + 1} of ${policy.maxRetries} in ${Math.round(delay)} ms after ${why || (error as KlearStackError).kind}`,
        );
        await sleep(delay, signal);
      }
    }
  }

  // The generator refuses an operationId that would overwrite `raw`.
  const client: { raw: typeof raw } & Record<string, unknown> = { raw };
  for (const id in table) client[id] = (fields: unknown, o?: AnyCallOptions) => call(id, fields, o);
  internals.set(client, { table, base, fetch: transport, logger, call });
  return client;
}

type AnyRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; response: Response }>;

/** A 3xx (or, in a browser, the opaque answer that hides one) becomes KlearStackRedirectError. */
export function refuseRedirect(response: Response, url: string): void {
  const { status } = response;
  if (response.type === "opaqueredirect" || (status > 299 && status < 400 && status !== 304)) {
    const location = response.headers.get("Location");
    let origin = "";
    try {
      if (location) origin = new URL(location, url).origin;
    } catch {
      // A missing or unreadable Location is named as hidden.
    }
    throw new KlearStackRedirectError(status, origin === "null" ? "" : origin);
  }
}

/**
 * The body as text, read chunk by chunk up to `max` bytes: past that (or when Content-Length says
 * so up front) reading stops, the connection is dropped, and KlearStackResponseTooLargeError says
 * which limit.
 */
async function readCapped(response: Response, max: number): Promise<string> {
  const reader = response.body?.getReader();
  const utf8 = new TextDecoder();
  let text = "";
  let size = Number(response.headers.get("Content-Length"));
  if (!(size > max)) size = 0;
  while (size <= max) {
    const read = await reader?.read();
    if (!read || read.done) return text + utf8.decode();
    size += read.value.byteLength;
    text += utf8.decode(read.value, { stream: true });
  }
  reader?.cancel().catch(() => {});
  throw new KlearStackResponseTooLargeError(response.status, max);
}

/**
 * Only the operation's fields, in the spec's order (stray properties stay home), each of its kind
 * and non-empty, as the form entries the media type carries (the spec model's encodeFormValue:
 * repeated keys for an array, "true"/"false", a Blob only in multipart). Errors name the field,
 * never its value; secret values go to the masker.
 */
function checkFields(
  entry: OperationEntry,
  fields: unknown,
  masker: SecretMasker,
  mediaType: string,
): FormEntry[] {
  if (typeof fields !== "object" || !fields) {
    throw new KlearStackValidationError("input", "must be an object");
  }
  const entries: FormEntry[] = [];
  for (const { name, kind, items, required, secret } of entry.fields) {
    const value = (fields as Record<string, unknown>)[name];
    if (value === undefined && !required) continue;
    // An empty list sends no entry at all: for a required field, the server would see none.
    const emptyList = Array.isArray(value) && value.length === 0;
    if (!isFormKind(value, kind, items?.kind) || value === "" || (emptyList && required)) {
      throw new KlearStackValidationError(name, `must be a non-empty ${kind}`);
    }
    let encoded: FormEntry[];
    try {
      encoded = encodeFormValue({ name, kind, items, secret }, value as never, mediaType);
    } catch (error) {
      if (!(error instanceof FormValueError)) throw error;
      throw new KlearStackValidationError(name, error.message.slice(name.length + 2));
    }
    for (const [, text] of encoded) {
      if (typeof text !== "string") continue;
      // A lone surrogate cannot be encoded as UTF-8; the platform would send U+FFFD instead.
      if (!text.isWellFormed()) {
        throw new KlearStackValidationError(name, "must be well-formed Unicode");
      }
      if (secret) masker.add(text);
    }
    entries.push(...encoded);
  }
  return entries;
}

/** A caller's value of a field's kind: a string, a finite number, a boolean, a list, a Blob. */
function isFormKind(value: unknown, kind: string, itemKind = "string"): boolean {
  if (kind === "array") {
    return Array.isArray(value) && value.every((item) => isFormKind(item, itemKind));
  }
  if (kind === "file") return value instanceof Blob;
  if (kind === "integer") return Number.isSafeInteger(value);
  if (kind === "number") return typeof value === "number" && Number.isFinite(value);
  return typeof value === kind;
}

/**
 * The URL itself is never echoed. A user-info part (`user:password@`) is refused here: fetch would
 * reject it anyway, in an error that quotes the whole URL, password included, and that looks
 * like a network failure worth retrying. Credentials travel in the body or the bearer header.
 */
function checkBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    // In a browser, a URL relative to the page is fine.
    url = new URL(baseUrl, (globalThis as { location?: { href: string } }).location?.href);
  } catch {
    throw new KlearStackValidationError("baseUrl", "must be a URL");
  }
  if (url.username || url.password) {
    throw new KlearStackValidationError("baseUrl", "must not contain a user name or password");
  }
  return url;
}
