// The request a console form describes, as plain data: what fetch sends and what "Copy as curl"
// writes are both read from this one value, so the copy is exactly the request that was sent.
import type { ConsoleOperation } from "../types.ts";

export interface FormInput {
  baseUrl: string;
  /** One of the operation's request media types. */
  encoding: string;
  /** The bearer credential as typed (without "Bearer "); empty sends no header. */
  bearerToken: string;
  /** Field values in form order (repeated for an array, a File for a file); "" sends no field. */
  values: [name: string, value: string | File][];
}

export interface PreparedRequest {
  method: string;
  url: string;
  encoding: string;
  headers: [name: string, value: string][];
  fields: [name: string, value: string | File][];
}

/** A mistake in the form that stops the console before anything is sent. */
export class InputError extends Error {}

export function prepareRequest(op: ConsoleOperation, input: FormInput): PreparedRequest {
  const base = input.baseUrl.trim().replace(/\/+$/, "");
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    throw new InputError(
      `The base URL "${base}" is not a URL: write it like http://127.0.0.1:4010, without the path.`,
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new InputError(
      `The base URL must start with http:// or https://, not ${parsed.protocol}`,
    );
  }
  if (parsed.username || parsed.password) {
    throw new InputError("The base URL must not carry a user name or password.");
  }
  const file = input.values.find(([, value]) => typeof value !== "string");
  if (file && !input.encoding.startsWith("multipart/")) {
    throw new InputError(`${file[0]} is a file: choose the multipart encoding to send it.`);
  }
  const headers: [string, string][] = [];
  const token = input.bearerToken.trim();
  if (op.bearer && token !== "") headers.push([op.bearer.header, `Bearer ${token}`]);
  return {
    method: op.method,
    url: `${base}${op.path}`,
    encoding: input.encoding,
    headers,
    fields: input.values.filter(([, value]) => value !== ""),
  };
}

/** The fetch call for a prepared request: no cookies, no cache, no referrer, no redirects. */
export function fetchArguments(
  request: PreparedRequest,
  timeoutMs = 30_000,
): [string, RequestInit] {
  return [
    request.url,
    {
      method: request.method,
      headers: request.headers,
      // The browser writes Content-Type itself (with the multipart boundary or the charset).
      body: bodyOf(request),
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
      // A redirect could carry the request to another host: stop and say so instead.
      redirect: "error",
      signal: AbortSignal.timeout(timeoutMs),
    },
  ];
}

function bodyOf({ encoding, fields }: PreparedRequest): BodyInit | null {
  if (encoding === "") return null; // the operation documents no request body
  if (!encoding.startsWith("multipart/")) return new URLSearchParams(fields as [string, string][]);
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}
