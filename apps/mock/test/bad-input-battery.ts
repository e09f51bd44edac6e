// The bad-input battery: 25+ malformed, incomplete or unusual requests for one operation, each with
// the answer it must get. Documented answers (the success, the missing-parameter text) are the
// spec's; the others are the mock's stated choices, listed in README.md. Each case is written once
// and names the fields by role (the first and second required one), never by what the spec calls
// them. bad-input.test.ts checks the answers; bundle.test.ts sends the same requests to the bundled
// and the unbundled CLI.
import { type FieldModel, type OperationModel, schemaFacts } from "@klearstack/spec";
import { credentialRules } from "../src/credentials.ts";
import {
  type Fields,
  form,
  multipart,
  type Reply,
  requiredFields,
  send,
  sendRaw,
  type Tokens,
  validRequest,
} from "./support.ts";

const URLENCODED = "application/x-www-form-urlencoded";
const boundary = "----battery";
const part = (name: string, value: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const urlencoded = (fields: Fields) => form(fields).toString();
const without = (fields: Fields, name: string) =>
  Object.fromEntries(Object.entries(fields).filter(([n]) => n !== name));

/** What a case needs to build its request against one operation. */
export interface Env {
  /** The operation's URL. */
  url: string;
  base: string;
  path: string;
  method: string;
  /** The valid request's fields and headers (credentials included). */
  valid: Fields;
  headers: Fields;
}

export interface Case {
  name: string;
  request: (env: Env) => Promise<Reply>;
  /** "ok": the documented success; "missing:<field>": that field's documented answer. */
  expect: number | "ok" | `missing:${string}`;
  /** Exact body, or a pattern for the mock's own one-line answers (unused for documented ones). */
  body?: string | RegExp;
}

const post =
  (init: (env: Env) => RequestInit) =>
  (env: Env): Promise<Reply> => {
    const request = init(env);
    return send(env.url, {
      method: env.method,
      ...request,
      headers: { ...env.headers, ...(request.headers as Fields | undefined) },
    });
  };
const rawRequest = (text: (env: Env) => string | Buffer) => async (env: Env) =>
  parseRaw(await sendRaw(env.base, text(env)));
const headerLines = (headers: Fields) =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
const rawPost = (headers: string, body: (env: Env) => string | Buffer) =>
  rawRequest((env) => {
    const bytes = body(env);
    return Buffer.concat([
      Buffer.from(
        `${env.method} ${env.path} HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n` +
          `${headerLines(env.headers)}${headers}Content-Length: ${Buffer.byteLength(bytes)}\r\n\r\n`,
      ),
      Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes),
    ]);
  });

export function battery(op: OperationModel): Case[] {
  const [first = "", second] = requiredFields(op);
  // A required field that holds plain text (not a token, which is checked as one).
  const tokenFields = credentialRules(op).tokenFields.map((f) => f.name);
  const plain = op.fields.find((f) => f.required && !tokenFields.includes(f.name));
  const plainCases = (field: FieldModel): Case[] => [
    {
      name: `whitespace-only ${field.name} (the schema's minLength holds)`,
      request: post((env) => ({ body: form({ ...env.valid, [field.name]: "   " }) })),
      expect: "ok",
    },
    {
      name: `invalid percent-encoding in ${field.name} is kept literally`,
      request: post((env) => ({
        body: `${urlencoded(without(env.valid, field.name))}&${field.name}=%zz%E0%A4%A`,
        headers: { "content-type": URLENCODED },
      })),
      expect: "ok",
    },
    {
      name: `non-UTF-8 bytes in ${field.name}`,
      request: post((env) => ({
        body: Buffer.from([
          ...Buffer.from(`${urlencoded(without(env.valid, field.name))}&${field.name}=`),
          0xff,
          0xfe,
        ]),
        headers: { "content-type": URLENCODED },
      })),
      expect: "ok",
    },
    {
      name: `CR/LF in ${field.name} is never reflected into headers`,
      request: post((env) => ({
        body: form({ ...env.valid, [field.name]: "x\r\nSet-Cookie: pwned=1" }),
      })),
      expect: "ok",
    },
    ...[schemaFacts(field.schema).maxLength]
      .filter((max): max is number => typeof max === "number")
      .map(
        (max): Case => ({
          name: `${field.name} longer than its schema's maxLength`,
          request: post((env) => ({
            body: form({ ...env.valid, [field.name]: "A".repeat(max + 1) }),
          })),
          expect: 400,
          body: new RegExp(
            `^Bad Request: /${field.name} must NOT have more than ${max} characters`,
          ),
        }),
      ),
  ];
  const value = (env: Env, name: string) => env.valid[name] ?? "";
  const byField = [first, ...(second === undefined ? [] : [second])].flatMap((field): Case[] => [
    {
      name: `urlencoded without ${field}`,
      request: post((env) => ({ body: form(without(env.valid, field)) })),
      expect: `missing:${field}`,
    },
    {
      name: `multipart without ${field}`,
      request: post((env) => ({ body: multipart(without(env.valid, field)) })),
      expect: `missing:${field}`,
    },
    {
      name: `empty ${field} (multipart)`,
      request: post((env) => ({ body: multipart({ ...env.valid, [field]: "" }) })),
      expect: `missing:${field}`,
    },
  ]);
  return [
    ...byField,
    ...(plain ? plainCases(plain) : []),
    {
      name: "urlencoded with no fields at all",
      request: post(() => ({ body: form({}) })),
      expect: `missing:${first}`,
    },
    {
      name: `duplicate ${first}: the first value counts`,
      request: post((env) => ({
        body: `${urlencoded(env.valid)}&${urlencoded({ [first]: "27" })}`,
        headers: { "content-type": URLENCODED },
      })),
      expect: "ok",
    },
    {
      name: `duplicate ${first} whose first value is empty`,
      request: post((env) => ({
        body: `${urlencoded({ [first]: "" })}&${urlencoded(env.valid)}`,
        headers: { "content-type": URLENCODED },
      })),
      expect: `missing:${first}`,
    },
    {
      name: "extra fields are ignored",
      request: post((env) => ({ body: form({ ...env.valid, not_a_field: "x", admin: "true" }) })),
      expect: "ok",
    },
    {
      name: "a field named __proto__",
      request: post((env) => ({
        body: `__proto__=x&${urlencoded(env.valid)}`,
        headers: { "content-type": URLENCODED },
      })),
      expect: "ok",
    },
    {
      name: "no body and no content type",
      request: post(() => ({})),
      expect: `missing:${first}`,
    },
    {
      name: "fields in the query string only",
      request: (env) => send(`${env.url}?${urlencoded(env.valid)}`, { headers: env.headers }),
      expect: `missing:${first}`,
    },
    {
      name: "a body without a content type",
      request: rawPost("", (env) => urlencoded(env.valid)),
      expect: 415,
      body: /^Unsupported Media Type: send /,
    },
    {
      name: "a JSON body",
      request: post((env) => ({
        body: JSON.stringify(env.valid),
        headers: { "content-type": "application/json" },
      })),
      expect: 415,
      body: /^Unsupported Media Type/,
    },
    {
      name: "a text/plain body",
      request: post((env) => ({
        body: urlencoded(env.valid),
        headers: { "content-type": "text/plain" },
      })),
      expect: 415,
      body: /^Unsupported Media Type/,
    },
    {
      name: "upper-case media type with a charset",
      request: post((env) => ({
        body: urlencoded(env.valid),
        headers: { "content-type": "Application/X-WWW-Form-Urlencoded; charset=UTF-8" },
      })),
      expect: "ok",
    },
    {
      name: "multipart without a boundary",
      request: post((env) => ({
        body: part(first, value(env, first)),
        headers: { "content-type": "multipart/form-data" },
      })),
      expect: 400,
      body: /^Bad Request: the multipart\/form-data body cannot be parsed/,
    },
    {
      name: "multipart with an empty boundary",
      request: post((env) => ({
        body: part(first, value(env, first)),
        headers: { "content-type": "multipart/form-data; boundary=" },
      })),
      expect: 400,
      body: /^Bad Request/,
    },
    {
      name: "truncated multipart (no closing boundary)",
      request: post((env) => ({
        body: part(first, value(env, first)) + part("x", "y").slice(0, 30),
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      })),
      expect: 400,
      body: /^Bad Request: the multipart\/form-data body cannot be parsed/,
    },
    {
      name: `multipart with ${first} sent as a file`,
      request: post((env) => {
        const data = multipart(without(env.valid, first));
        data.append(first, new Blob([value(env, first)]), "value.txt");
        return { body: data };
      }),
      expect: `missing:${first}`,
    },
    {
      name: "a 10 MB body",
      request: post((env) => ({ body: form({ ...env.valid, padding: "9".repeat(10 * 2 ** 20) }) })),
      expect: 413,
      body: /^Payload Too Large/,
    },
    {
      name: "an oversized chunked body (no Content-Length)",
      request: post(
        () =>
          ({
            body: new Blob([new Uint8Array(2 * 2 ** 20)]).stream(),
            headers: { "content-type": URLENCODED },
            duplex: "half",
          }) as RequestInit,
      ),
      expect: 413,
      body: /^Payload Too Large/,
    },
    {
      name: "a long extra field (500 kB)",
      request: post((env) => ({ body: form({ ...env.valid, padding: "A".repeat(500 * 1024) }) })),
      expect: "ok",
    },
    {
      name: "CR/LF header injection in the request",
      request: rawRequest(
        (env) =>
          `${env.method} ${env.path} HTTP/1.1\r\nHost: mock\r\nPrefer: code=200\rX-Injected: 1\r\n\r\n`,
      ),
      expect: 400,
      body: /^Bad Request: malformed HTTP request/,
    },
    {
      name: "a header line without a colon",
      request: rawRequest(
        (env) => `${env.method} ${env.path} HTTP/1.1\r\nHost: mock\r\nNotAHeader\r\n\r\n`,
      ),
      expect: 400,
      body: /^Bad Request: malformed HTTP request/,
    },
    {
      name: "64 kB of headers",
      request: rawRequest(
        (env) =>
          `${env.method} ${env.path} HTTP/1.1\r\nHost: mock\r\nX-Big: ${"a".repeat(64 * 1024)}\r\n\r\n`,
      ),
      expect: 431,
      body: /^Request Header Fields Too Large/,
    },
    ...["GET", "PUT", "DELETE"]
      .filter((method) => method !== op.method.toUpperCase())
      .map(
        (method): Case => ({
          name: method,
          request: (env) => send(env.url, { method, headers: env.headers }),
          expect: 405,
          body: /^Method Not Allowed: use /,
        }),
      ),
    {
      name: "HEAD (no body, as HTTP requires)",
      request: (env) => send(env.url, { method: "HEAD" }),
      expect: 405,
      body: "",
    },
    {
      name: "an unknown path next to it",
      request: (env) => send(`${env.url}-nope`, { method: env.method, body: form(env.valid) }),
      expect: 404,
      body: /^Not Found/,
    },
    {
      name: "the path with a trailing slash",
      request: (env) => send(`${env.url}/`, { method: env.method, body: form(env.valid) }),
      expect: 404,
      body: /^Not Found/,
    },
    {
      name: "path traversal",
      request: rawRequest(
        (env) =>
          `${env.method} /../../etc/passwd HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n`,
      ),
      expect: 404,
      body: /^Not Found/,
    },
    {
      name: "Accept: application/xml (no negotiation: the documented type anyway)",
      request: post((env) => ({ body: form(env.valid), headers: { accept: "application/xml" } })),
      expect: "ok",
    },
    {
      name: "Accept: application/json on a missing field (the error stays as documented)",
      request: post(() => ({ body: form({}), headers: { accept: "application/json" } })),
      expect: `missing:${first}`,
    },
    {
      name: "Prefer: code=404 (undocumented status)",
      request: post((env) => ({ body: form(env.valid), headers: { prefer: "code=404" } })),
      expect: 400,
      body: /^Bad Request: Prefer: code=404 is not a documented response/,
    },
    {
      name: "Prefer: example=nope (unknown example)",
      request: post((env) => ({ body: form(env.valid), headers: { prefer: "example=nope" } })),
      expect: 400,
      body: /^Bad Request: Prefer: example=nope is not a documented example/,
    },
    {
      name: "Prefer: an unknown preference is ignored",
      request: post((env) => ({
        body: form(env.valid),
        headers: { prefer: "respond-async, wait=5" },
      })),
      expect: "ok",
    },
  ];
}

function parseRaw(reply: string): Reply {
  const [head = "", ...rest] = reply.split("\r\n\r\n");
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers = new Headers(
    lines.map((l): [string, string] => [
      l.slice(0, l.indexOf(":")),
      l.slice(l.indexOf(":") + 1).trim(),
    ]),
  );
  return {
    status: Number(statusLine.split(" ")[1]),
    contentType: headers.get("content-type") ?? "",
    headers,
    text: rest.join("\r\n\r\n"),
  };
}

/** The environment of `op`'s cases against the mock at `baseUrl`, with credentials from `tokens`. */
export function batteryEnv(baseUrl: string, op: OperationModel, tokens: Tokens): Env {
  const { fields, headers } = validRequest(op, tokens);
  return {
    url: `${baseUrl}${op.path}`,
    base: baseUrl,
    path: op.path,
    method: op.method.toUpperCase(),
    valid: fields,
    headers,
  };
}
