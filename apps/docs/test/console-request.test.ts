// What Send sends and what Copy as curl copies, for every operation: the form's values as the
// operation's method, URL and encoding, the bearer credential only when one is given, no cookies,
// referrer, cache or redirects; and a curl command of that same request with every secret as the
// docs samples' variable. fetch is faked here only; test/browser sends to the real mock.
import { loadApiModel, signExampleJwt } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { send } from "../src/console/browser/answer.ts";
import { curlOf } from "../src/console/browser/curl.ts";
import { failureSentence } from "../src/console/browser/failure.ts";
import {
  type FormInput,
  fetchArguments,
  InputError,
  prepareRequest,
} from "../src/console/browser/request.ts";
import { consoleModelOf } from "../src/console/model.ts";
import type { ConsoleField, ConsoleOperation } from "../src/console/types.ts";

const operations = consoleModelOf(await loadApiModel()).operations.map(
  (op) => [op.operationId, op] as const,
);
const token = signExampleJwt({ token_type: "access", exp: 2_000_000_000 });
const password = "p@ss 'word' $HOME";

/**
 * A filled form, as its controls hand it over: each field's pre-filled example (an array's lines as
 * repeated entries), a secret value for a secret, a text file for a file field in multipart (an
 * urlencoded form leaves the file input empty: the console refuses a file there), the bearer token.
 */
function filled(op: ConsoleOperation, encoding = op.mediaTypes[0] ?? ""): FormInput {
  return {
    baseUrl: "http://127.0.0.1:4010/",
    encoding,
    bearerToken: op.bearer ? token : "",
    values: op.fields.flatMap((f) =>
      valuesOf(f, encoding).map((v): [string, string | File] => [f.name, v]),
    ),
  };
}

function valuesOf(field: ConsoleField, encoding: string): (string | File)[] {
  if (field.secret) return [`${password}-${field.name}`];
  if (field.kind === "file") {
    if (!encoding.startsWith("multipart/")) return [];
    return [new File([`notes on ${field.name}\n`], `${field.name}.txt`, { type: "text/plain" })];
  }
  const text = field.example ?? "x";
  return field.kind === "array" ? text.split("\n") : [text];
}

/** A form value as comparable data: a string as is, a file as its name, type and text. */
const readable = async (value: FormDataEntryValue) =>
  typeof value === "string"
    ? value
    : { name: value.name, type: value.type, text: await value.text() };

describe("the request a console form describes", () => {
  it.each(operations)(
    "%s: method, URL, fields, and the bearer header exactly when one is given",
    (_id, op) => {
      const form = filled(op);
      const request = prepareRequest(op, form);
      expect(request.method).toBe(op.method);
      expect(request.url).toBe(`http://127.0.0.1:4010${op.path}`);
      // Every value of the form, in its order: an array's values as repeated entries.
      expect(request.fields).toEqual(form.values);
      expect(request.headers).toEqual(op.bearer ? [[op.bearer.header, `Bearer ${token}`]] : []);
      const withoutToken = prepareRequest(op, { ...filled(op), bearerToken: "  " });
      expect(withoutToken.headers).toEqual([]);
    },
  );

  it.each(operations)(
    "%s: an emptied input sends no field, so the API answers its missing-parameter error",
    (_id, op) => {
      const [first] = op.fields;
      if (!first) return;
      const form = filled(op);
      form.values = form.values.map(([name, value]) => [name, name === first.name ? "" : value]);
      expect(prepareRequest(op, form).fields.map(([name]) => name)).not.toContain(first.name);
    },
  );

  it.each(operations)(
    "%s: fetch gets each encoding's body, and no cookie, cache, referrer or redirect",
    async (_id, op) => {
      for (const mediaType of op.mediaTypes) {
        const [url, init] = fetchArguments(prepareRequest(op, filled(op, mediaType)));
        expect(url).toBe(`http://127.0.0.1:4010${op.path}`);
        expect(init).toMatchObject({
          method: op.method,
          credentials: "omit",
          cache: "no-store",
          referrerPolicy: "no-referrer",
          redirect: "error",
        });
        // What the body puts on the wire, read back the way a server does.
        const wire = new Request(url, { method: "POST", body: init.body ?? null });
        expect(wire.headers.get("content-type")).toContain(mediaType);
        const sent = await wire.formData();
        const values = filled(op, mediaType).values;
        for (const field of op.fields) {
          const expected = values.filter(([name]) => name === field.name).map(([, v]) => v);
          expect(await Promise.all(sent.getAll(field.name).map(readable)), field.name).toEqual(
            await Promise.all(expected.map(readable)),
          );
        }
      }
    },
  );

  it("says what is wrong with a base URL before sending anything", () => {
    const [, op] = operations[0] ?? [];
    if (!op) throw new Error("the spec has no operation");
    for (const [baseUrl, says] of [
      ["127.0.0.1:4010", /is not a URL: write it like http:\/\//],
      ["localhost:4010", /must start with http:\/\/ or https:\/\//],
      ["not a url", /is not a URL/],
      ["ftp://example.com", /must start with http/],
      ["https://user:secret@example.com", /must not carry a user name or password/],
    ] as const) {
      expect(() => prepareRequest(op, { ...filled(op), baseUrl })).toThrow(InputError);
      expect(() => prepareRequest(op, { ...filled(op), baseUrl })).toThrow(says);
    }
  });
});

describe("Copy as curl", () => {
  it.each(operations)(
    "%s: the request as sent, every secret as the samples' variable, never its value",
    (_id, op) => {
      for (const mediaType of op.mediaTypes) {
        const request = prepareRequest(op, filled(op, mediaType));
        const curl = curlOf(op, request);
        expect(curl).toContain(`--request ${op.method}`);
        expect(curl).toContain(`--url '${request.url}'`);
        expect(curl).not.toContain(token);
        expect(curl).not.toContain(password);
        const option = mediaType.startsWith("multipart/") ? "--form-string" : "--data-urlencode";
        for (const [name, value] of request.fields) {
          const field = op.fields.find((f) => f.name === name);
          expect(curl).toContain(
            field?.secret
              ? `${option} "${name}=$${field.variable}"`
              : typeof value === "string"
                ? `${option} '${name}=`
                : `--form '${name}=@${value.name}'`,
          );
        }
        if (op.bearer) {
          expect(curl).toContain(`--header "${op.bearer.header}: Bearer $${op.bearer.variable}"`);
        }
        const variables = [op.bearer?.variable, ...op.fields.map((f) => f.variable)].filter(
          Boolean,
        );
        if (variables.length) expect(curl.split("\n")[0]).toContain(variables.join(", "));
      }
    },
  );

  it("quotes values for the shell, so nothing in them is expanded or ends the word", () => {
    const [, op] = operations.find(([, o]) => o.fields.some((f) => !f.secret)) ?? [];
    const field = op?.fields.find((f) => !f.secret);
    if (!op || !field) throw new Error("the spec has no operation with a plain field");
    const request = prepareRequest(op, {
      ...filled(op),
      values: [[field.name, "it's $HOME `id`"]],
    });
    expect(curlOf(op, request)).toContain(`'${field.name}=it'\\''s $HOME \`id\`'`);
  });
});

describe("sending", () => {
  it("reads status, headers, body and the time from sending to the last byte", async () => {
    const [, op] = operations[0] ?? [];
    if (!op) throw new Error("the spec has no operation");
    const clock = [100, 142.5];
    const calls: [string, RequestInit | undefined][] = [];
    const fakeFetch = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return new Response('{"a":1}', {
        status: 201,
        statusText: "Created",
        headers: { "content-type": "application/json" },
      });
    }) as typeof fetch;
    const answer = await send(prepareRequest(op, filled(op)), fakeFetch, () => clock.shift() ?? 0);
    expect(calls).toHaveLength(1);
    expect(answer).toMatchObject({
      status: 201,
      statusText: "Created",
      contentType: "application/json",
      body: '{"a":1}',
      ms: 42.5,
    });
    expect(answer.headers).toContainEqual(["content-type", "application/json"]);
  });

  it("passes a network failure on, for the panel to explain", async () => {
    const [, op] = operations[0] ?? [];
    if (!op) throw new Error("the spec has no operation");
    const failing = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    await expect(send(prepareRequest(op, filled(op)), failing)).rejects.toThrow("Failed to fetch");
  });
});

describe("a failed send, in one sentence", () => {
  const context = { baseUrl: "http://127.0.0.1:4010/some/path", pageProtocol: "http:" };

  it("no answer or no CORS permission: names the server, the mock's command and the base URL", () => {
    const sentence = failureSentence(new TypeError("Failed to fetch"), context);
    expect(sentence).toContain("No answer from http://127.0.0.1:4010");
    expect(sentence).toContain("CORS");
    expect(sentence).toContain("npm run mock");
    expect(sentence).toContain("check the base URL");
  });

  it("a page over https calling http: says the browser blocks it and what to open instead", () => {
    const sentence = failureSentence(new TypeError("Failed to fetch"), {
      ...context,
      pageProtocol: "https:",
    });
    expect(sentence).toContain("blocks its calls to http://127.0.0.1:4010");
  });

  it("a timeout: says the server did not answer in time", () => {
    const sentence = failureSentence(new DOMException("timed out", "TimeoutError"), context);
    expect(sentence).toContain("did not answer within 30 seconds");
  });
});
