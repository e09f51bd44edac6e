// The bad-input battery: every case gets a defined status and body from the running mock, and the
// mock still answers a valid request correctly afterwards. Documented answers (200, 500) are the
// spec's; the others are the mock's stated choices, listed in README.md.
import { describe, expect, it } from "vitest";
import {
  documented200,
  form,
  missingExampleKey,
  missingText,
  multipart,
  operationPath,
  type Reply,
  requiredFields,
  responseErrors,
  send,
  sendRaw,
  useMock,
  valid,
  without,
} from "./support.ts";

const URLENCODED = "application/x-www-form-urlencoded";
const OK = JSON.stringify(documented200);
const boundary = "----battery";
const part = (name: string, value: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
// The spec's two required fields, in its order (the first missing one is the one reported): the
// cases below name them by role, not by what the spec currently calls them.
const [first = "", second = ""] = requiredFields;
const urlencoded = (fields: Record<string, string>) => form(fields).toString();
/** The valid request, urlencoded, with `prefix` put before it (a raw body fetch would not build). */
const validAfter = (prefix: string) => `${prefix}&${urlencoded(valid)}`;

interface Case {
  name: string;
  request: (url: string, base: string) => Promise<Reply>;
  status: number;
  /** Exact body, or a pattern for the mock's own one-line answers. */
  body: string | RegExp;
}

const post = (init: RequestInit) => (url: string) => send(url, init);
const raw = (text: string | Buffer) => async (_url: string, base: string) =>
  parseRaw(await sendRaw(base, text));
const rawPost = (headers: string, body: string | Buffer) =>
  raw(
    Buffer.concat([
      Buffer.from(
        `POST ${operationPath} HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n${headers}`,
      ),
      Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`),
      Buffer.isBuffer(body) ? body : Buffer.from(body),
    ]),
  );

const cases: Case[] = [
  ...[first, second].flatMap((field): Case[] => [
    {
      name: `urlencoded without ${field}`,
      request: post({ body: form(without(field)) }),
      status: 500,
      body: missingText(field),
    },
    {
      name: `multipart without ${field}`,
      request: post({ body: multipart(without(field)) }),
      status: 500,
      body: missingText(field),
    },
  ]),
  {
    name: "urlencoded with no fields at all",
    request: post({ body: form({}) }),
    status: 500,
    body: missingText(first),
  },
  {
    name: `empty ${first}`,
    request: post({ body: form({ ...valid, [first]: "" }) }),
    status: 500,
    body: missingText(first),
  },
  {
    name: `empty ${second} (multipart)`,
    request: post({ body: multipart({ ...valid, [second]: "" }) }),
    status: 500,
    body: missingText(second),
  },
  {
    name: `whitespace-only ${first} (minLength 1 holds)`,
    request: post({ body: form({ ...valid, [first]: "   " }) }),
    status: 200,
    body: OK,
  },
  {
    name: `duplicate ${first}: the first value counts`,
    request: post({
      body: `${urlencoded(valid)}&${urlencoded({ [first]: "27" })}`,
      headers: { "content-type": URLENCODED },
    }),
    status: 200,
    body: OK,
  },
  {
    name: `duplicate ${first} whose first value is empty`,
    request: post({
      body: validAfter(urlencoded({ [first]: "" })),
      headers: { "content-type": URLENCODED },
    }),
    status: 500,
    body: missingText(first),
  },
  {
    name: "extra fields are ignored",
    request: post({ body: form({ ...valid, password: "x", admin: "true" }) }),
    status: 200,
    body: OK,
  },
  {
    name: "a field named __proto__",
    request: post({ body: validAfter("__proto__=x"), headers: { "content-type": URLENCODED } }),
    status: 200,
    body: OK,
  },
  {
    name: "no body and no content type",
    request: post({}),
    status: 500,
    body: missingText(first),
  },
  {
    name: "fields in the query string only",
    request: (url) => send(`${url}?${urlencoded(valid)}`),
    status: 500,
    body: missingText(first),
  },
  {
    name: "a body without a content type",
    request: rawPost("", urlencoded(valid)),
    status: 415,
    body: /^Unsupported Media Type/,
  },
  {
    name: "a JSON body",
    request: post({ body: JSON.stringify(valid), headers: { "content-type": "application/json" } }),
    status: 415,
    body: /^Unsupported Media Type/,
  },
  {
    name: "a text/plain body",
    request: post({ body: urlencoded(valid), headers: { "content-type": "text/plain" } }),
    status: 415,
    body: /^Unsupported Media Type/,
  },
  {
    name: "upper-case media type with a charset",
    request: post({
      body: urlencoded(valid),
      headers: { "content-type": "Application/X-WWW-Form-Urlencoded; charset=UTF-8" },
    }),
    status: 200,
    body: OK,
  },
  {
    name: "multipart without a boundary",
    request: post({
      body: part(first, valid[first] ?? ""),
      headers: { "content-type": "multipart/form-data" },
    }),
    status: 400,
    body: /^Bad Request: the multipart\/form-data body cannot be parsed/,
  },
  {
    name: "multipart with an empty boundary",
    request: post({
      body: part(first, valid[first] ?? ""),
      headers: { "content-type": "multipart/form-data; boundary=" },
    }),
    status: 400,
    body: /^Bad Request/,
  },
  {
    name: "truncated multipart (no closing boundary)",
    request: post({
      body: part(first, valid[first] ?? "") + part(second, valid[second] ?? "").slice(0, 30),
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    }),
    status: 400,
    body: /^Bad Request: the multipart\/form-data body cannot be parsed/,
  },
  {
    name: `multipart with ${first} sent as a file`,
    request: post({
      body: (() => {
        const f = multipart(without(first));
        f.append(first, new Blob([valid[first] ?? ""]), "id.txt");
        return f;
      })(),
    }),
    status: 500,
    body: missingText(first),
  },
  {
    name: "invalid percent-encoding is kept literally",
    request: post({
      body: `${first}=%zz&${second}=${encodeURIComponent(valid[second] ?? "")}%E0%A4%A`,
      headers: { "content-type": URLENCODED },
    }),
    status: 200,
    body: OK,
  },
  {
    name: "non-UTF-8 bytes in a field",
    request: post({
      body: Buffer.from([
        ...Buffer.from(`${first}=`),
        0xff,
        0xfe,
        ...Buffer.from(`&${urlencoded(without(first))}`),
      ]),
      headers: { "content-type": URLENCODED },
    }),
    status: 200,
    body: OK,
  },
  {
    name: "a 10 MB body",
    request: post({ body: form({ ...valid, [first]: "9".repeat(10 * 1024 * 1024) }) }),
    status: 413,
    body: /^Payload Too Large/,
  },
  {
    name: "an oversized chunked body (no Content-Length)",
    request: post({
      body: new Blob([new Uint8Array(2 * 1024 * 1024)]).stream(),
      headers: { "content-type": URLENCODED },
      duplex: "half",
    } as RequestInit),
    status: 413,
    body: /^Payload Too Large/,
  },
  {
    name: "a very long field (500 kB)",
    request: post({ body: form({ ...valid, [second]: "A".repeat(500 * 1024) }) }),
    status: 200,
    body: OK,
  },
  {
    name: "CR/LF in a field value is never reflected into headers",
    request: post({
      body: form({ ...valid, [second]: `${valid[second]}\r\nSet-Cookie: pwned=1` }),
    }),
    status: 200,
    body: OK,
  },
  {
    name: "CR/LF header injection in the request",
    request: raw(
      `POST ${operationPath} HTTP/1.1\r\nHost: mock\r\nPrefer: code=200\rX-Injected: 1\r\n\r\n`,
    ),
    status: 400,
    body: /^Bad Request: malformed HTTP request/,
  },
  {
    name: "a header line without a colon",
    request: raw(`POST ${operationPath} HTTP/1.1\r\nHost: mock\r\nNotAHeader\r\n\r\n`),
    status: 400,
    body: /^Bad Request: malformed HTTP request/,
  },
  {
    name: "64 kB of headers",
    request: raw(
      `POST ${operationPath} HTTP/1.1\r\nHost: mock\r\nX-Big: ${"a".repeat(64 * 1024)}\r\n\r\n`,
    ),
    status: 431,
    body: /^Request Header Fields Too Large/,
  },
  {
    name: "GET",
    request: (url) => send(url, { method: "GET" }),
    status: 405,
    body: /^Method Not Allowed: use POST/,
  },
  {
    name: "PUT",
    request: post({ method: "PUT", body: form(valid) }),
    status: 405,
    body: /^Method Not Allowed: use POST/,
  },
  {
    name: "DELETE",
    request: (url) => send(url, { method: "DELETE" }),
    status: 405,
    body: /^Method Not Allowed: use POST/,
  },
  {
    name: "HEAD (no body, as HTTP requires)",
    request: (url) => send(url, { method: "HEAD" }),
    status: 405,
    body: "",
  },
  {
    name: "unknown path",
    request: (_url, base) => send(`${base}/access/klearstack/nope`, { body: form(valid) }),
    status: 404,
    body: /^Not Found/,
  },
  {
    name: "the path with a trailing slash",
    request: (url) => send(`${url}/`, { body: form(valid) }),
    status: 404,
    body: /^Not Found/,
  },
  {
    name: "path traversal",
    request: raw(
      `POST /access/../../etc/passwd HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n`,
    ),
    status: 404,
    body: /^Not Found/,
  },
  {
    name: "Accept: application/xml (no negotiation: JSON anyway)",
    request: post({ body: form(valid), headers: { accept: "application/xml" } }),
    status: 200,
    body: OK,
  },
  {
    name: "Accept: application/json on a missing field (the error stays text)",
    request: post({ body: form(without(second)), headers: { accept: "application/json" } }),
    status: 500,
    body: missingText(second),
  },
  {
    name: "Prefer: code=404 (undocumented status)",
    request: post({ body: form(valid), headers: { prefer: "code=404" } }),
    status: 400,
    body: /^Bad Request: Prefer: code=404 is not a documented response/,
  },
  {
    name: "Prefer: example=nope (unknown example)",
    request: post({ body: form(valid), headers: { prefer: "example=nope" } }),
    status: 400,
    body: /^Bad Request: Prefer: example=nope is not a documented example/,
  },
  {
    name: "Prefer: unknown preference is ignored",
    request: post({ body: form(valid), headers: { prefer: "respond-async, wait=5" } }),
    status: 200,
    body: OK,
  },
  {
    name: `Prefer: code=500, example=<the example for a missing ${first}>`,
    request: post({
      body: form(valid),
      headers: { prefer: `code=500, example=${missingExampleKey(first)}` },
    }),
    status: 500,
    body: missingText(first),
  },
];

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

describe("the bad-input battery against a running mock", () => {
  const ctx = useMock();

  it("has at least 25 cases", () => expect(cases.length).toBeGreaterThanOrEqual(25));

  it.each(cases)("$name → $status", async ({ request, status, body }) => {
    const reply = await request(ctx.url, ctx.mock.url);
    expect(reply.status).toBe(status);
    if (typeof body === "string") expect(reply.text).toBe(body);
    else expect(reply.text).toMatch(body);
    expect(reply.headers.get("set-cookie")).toBeNull();
    if (status === 200)
      expect(responseErrors(200, "application/json", JSON.parse(reply.text))).toEqual([]);
    else expect(reply.contentType).toMatch(/^text\/plain/);
    if (status === 500) expect(responseErrors(500, "text/plain", reply.text)).toEqual([]);
    if (status === 405) expect(reply.headers.get("allow")).toBe("POST, OPTIONS");
    expect(reply.headers.get("sl-violations")).toBeNull();
  });

  it("still answers a valid request correctly after the battery", async () => {
    const reply = await send(ctx.url, { body: form(valid) });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual(documented200);
  });
});
