// The request-sending core every check (and, later, every fuzzed case) goes through: one request
// on the wire exactly as described, one answer exactly as it came back (status, media type, raw
// text). Node's fetch verifies TLS certificates; nothing in this workspace turns that off.
// Redirects are not followed: a 3xx is an answer to judge, not a hop to take with a token. A body
// is read up to a limit: a hostile deployment's endless answer costs a megabyte, not the machine.

/** One form value as sent: text, or a file (a multipart file part; no other encoding carries one). */
export type WireValue = string | Blob;

export interface WireRequest {
  method: string;
  path: string;
  /** The request encoding; undefined sends no body. */
  mediaType: string | undefined;
  /** Form fields; a list is sent as the key repeated (an array field). */
  fields: Record<string, WireValue | WireValue[]>;
  /** Sent as `Authorization: Bearer …` when set. */
  bearer?: string;
  /** The media type asked for in `Accept`, when one is expected. */
  accept?: string;
  /**
   * A `Content-Type` to claim instead of the encoding's own: a fuzzed case sends a form labelled as
   * something the operation does not take.
   */
  contentType?: string;
}

/** Most bytes of an answer's body read by default: 1 MiB, a thousand times a token answer. */
export const DEFAULT_MAX_RESPONSE_BYTES = 2 ** 20;

export interface SendOptions {
  timeoutMs: number;
  /** Most bytes of an answer's body to read; past them the answer counts as none. */
  maxResponseBytes?: number | undefined;
}

export type WireAnswer =
  | { ok: true; status: number; mediaType: string; text: string }
  | { ok: false; reason: string };

const FORM = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";
export const isJson = (mediaType: string): boolean => /^application\/(.+\+)?json$/.test(mediaType);

/** Whether the core can send a body of this media type. */
export const canEncode = (mediaType: string | undefined): boolean =>
  mediaType === undefined || mediaType === FORM || mediaType === MULTIPART || isJson(mediaType);

function encode(request: WireRequest): { body?: BodyInit; contentType?: string } {
  const { mediaType, fields } = request;
  if (mediaType === undefined) return {};
  const entries = Object.entries(fields).flatMap(([key, value]) =>
    [value].flat().map((part): [string, WireValue] => [key, part]),
  );
  if (mediaType === FORM) {
    const texts = entries.map(([key, value]): [string, string] => {
      if (typeof value === "string") return [key, value];
      throw new Error(`${key}: a file is sent only as multipart/form-data`);
    });
    return { body: new URLSearchParams(texts), contentType: mediaType };
  }
  if (mediaType === MULTIPART) {
    const form = new FormData();
    for (const [key, value] of entries) form.append(key, value);
    // fetch writes the Content-Type itself, with the boundary.
    return { body: form };
  }
  if (isJson(mediaType)) return { body: JSON.stringify(fields), contentType: mediaType };
  throw new Error(`conformance cannot encode ${mediaType}`);
}

/** The media type of a Content-Type header, without parameters, lower case ("" if none). */
export const mediaTypeOf = (header: string | null): string =>
  (header ?? "").replace(/;.*$/s, "").trim().toLowerCase();

/** The URL of an operation's path under the base URL (which may carry a path of its own). */
export const requestUrl = (baseUrl: URL, path: string): URL =>
  new URL(baseUrl.pathname.replace(/\/$/, "") + path, baseUrl);

export async function send(
  baseUrl: URL,
  request: WireRequest,
  { timeoutMs, maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES }: SendOptions,
): Promise<WireAnswer> {
  const { body, contentType } = encode(request);
  const headers: Record<string, string> = {};
  const claimed = request.contentType ?? contentType;
  if (claimed) headers["content-type"] = claimed;
  if (request.accept) headers.accept = request.accept;
  if (request.bearer !== undefined) headers.authorization = `Bearer ${request.bearer}`;
  const url = requestUrl(baseUrl, request.path);
  try {
    const response = await fetch(url, {
      method: request.method.toUpperCase(),
      body: body ?? null,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await readCapped(response, maxResponseBytes);
    if (text === undefined) {
      const over = `a body over ${maxResponseBytes} bytes, the limit (--max-response-bytes)`;
      return { ok: false, reason: `${response.status} with ${over}; reading stopped there` };
    }
    const mediaType = mediaTypeOf(response.headers.get("content-type"));
    return { ok: true, status: response.status, mediaType, text };
  } catch (error) {
    // The cause says why (refused, certificate, timeout); callers mask it before printing.
    const reason = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    return { ok: false, reason };
  }
}

/**
 * The body as text (as response.text() decodes it), read chunk by chunk; undefined once it is over
 * `max` bytes (or Content-Length says it will be): reading stops and the connection is dropped.
 */
async function readCapped(response: Response, max: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = Number(response.headers.get("content-length"));
  if (!(size > max)) size = 0;
  while (size <= max) {
    const read = await reader?.read();
    if (!read || read.done) return new TextDecoder().decode(Buffer.concat(chunks));
    size += read.value.byteLength;
    chunks.push(read.value);
  }
  await reader?.cancel().catch(() => {});
  return undefined;
}
