// Every operation of the spec, through an injected fetch: what goes on the wire, what comes back,
// and which typed error each failure becomes. No network.
import { MIN_LEARNED_SECRET_LENGTH, type OperationModel } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { createOperationClient } from "../src/core.ts";
import {
  createKlearStackClient,
  type Fetch,
  formEncodings,
  KlearStackApiError,
  KlearStackError,
  KlearStackNetworkError,
  KlearStackUnauthorizedError,
  KlearStackValidationError,
} from "../src/index.ts";
import type { OperationEntry } from "../src/operation-table.ts";
import { fakeFetch, json, text } from "./support/fake-fetch.ts";
import {
  asText,
  callOperation,
  documentedMissing,
  example200,
  exampleBearer,
  exampleInput,
  formEntriesOf,
  operations,
} from "./support/fixtures.ts";
import { expectNoSecret, expectSameSecret, rejectionOf } from "./support/secret-safe-assertions.ts";

const baseUrl = "https://klearstack.invalid";
const urlencoded = "application/x-www-form-urlencoded";
const multipart = "multipart/form-data";
/** application/x-www-form-urlencoded by hand (spaces as +), not through URLSearchParams. */
const formEncode = (entries: string[][]) =>
  entries
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value)).replaceAll("%20", "+")}`)
    .join("&");
type AnyMethod = (input: unknown) => Promise<unknown>;
/** The form entries of `op`'s example input in `mediaType`, as text. */
const exampleEntries = (op: OperationModel, mediaType: string) =>
  asText(formEntriesOf(op, exampleInput(op), mediaType));

describe.each(operations.map((op) => [op.operationId, op] as const))("%s", (_, op) => {
  const ok = () => json(example200(op));
  const client = (fetch: Fetch, options = {}) =>
    createKlearStackClient({ baseUrl, fetch, ...options });

  describe("the request", () => {
    it("goes to the spec's method and path, its fields urlencoded in the spec's order, with exactly that content type", async () => {
      const { fetch, requests } = fakeFetch(ok);
      await callOperation(client(fetch), op);
      const [request] = requests;
      expect(request?.method).toBe(op.method.toUpperCase());
      expect(request?.url).toBe(`${baseUrl}${op.path}`);
      expect(request?.headers.get("content-type")).toBe(urlencoded);
      expect(await request?.text()).toBe(formEncode(exampleEntries(op, urlencoded)));
    });

    it("goes as multipart/form-data when asked (per client or per call), with the platform's boundary", async () => {
      for (const [options, callOptions] of [
        [{ encoding: "multipart" }, {}],
        [{}, { encoding: "multipart" }],
      ]) {
        const { fetch, requests } = fakeFetch(ok);
        await callOperation(client(fetch, options), op, undefined, callOptions);
        expect(requests[0]?.headers.get("content-type")).toMatch(
          /^multipart\/form-data; boundary=\S+$/,
        );
        expect(asText(await requests[0]!.formData())).toEqual(exampleEntries(op, multipart));
      }
    });

    it(
      op.bearer
        ? "carries the access token as a bearer token"
        : "carries no Authorization header (the spec asks for none)",
      async () => {
        const { fetch, requests } = fakeFetch(ok);
        await callOperation(client(fetch), op, undefined, { accessToken: exampleBearer });
        const expected = op.bearer ? `Bearer ${exampleBearer}` : null;
        expectSameSecret(
          requests[0]?.headers.get("authorization"),
          expected,
          "the Authorization header",
        );
      },
    );

    it("sends only the spec's fields, whatever else the caller's object holds", async () => {
      const { fetch, requests } = fakeFetch(ok);
      await callOperation(client(fetch), op, { ...exampleInput(op), stray_field: "x" });
      expect(await requests[0]?.text()).toBe(formEncode(exampleEntries(op, urlencoded)));
    });

    it("joins a base URL with a trailing slash without doubling it", async () => {
      const { fetch, requests } = fakeFetch(ok);
      await callOperation(createKlearStackClient({ baseUrl: `${baseUrl}/`, fetch }), op);
      expect(requests[0]?.url).toBe(`${baseUrl}${op.path}`);
    });
  });

  describe("input validation, before any request", () => {
    const example = exampleInput(op);
    const without = (field: string) =>
      Object.fromEntries(Object.entries(example).filter(([name]) => name !== field));
    const cases: [string, unknown, string][] = [
      ...op.fields
        .filter((f) => f.required)
        .flatMap(({ name, kind }): [string, unknown, string][] => [
          [`missing ${name}`, without(name), name],
          [`empty ${name}`, { ...example, [name]: kind === "array" ? [] : "" }, name],
          // A number for a string; for any other kind, its form text: the client takes it typed.
          [`${name} not as a ${kind}`, { ...example, [name]: kind === "string" ? 26 : "26" }, name],
          ...(kind === "string"
            ? [
                [
                  `${name} with a lone surrogate (would be sent as U+FFFD)`,
                  { ...example, [name]: "\ud800" },
                  name,
                ] as [string, unknown, string],
              ]
            : []),
        ]),
      ["no object at all", undefined, "input"],
    ];

    it.each(cases)(
      "%s is a KlearStackValidationError naming the field",
      async (_, input, field) => {
        const { fetch, requests } = fakeFetch(ok);
        const error = await rejectionOf(callOperation(client(fetch), op, input ?? null));
        expect(error).toBeInstanceOf(KlearStackValidationError);
        expect(error).toMatchObject({ field, kind: "validation" });
        expect(requests).toHaveLength(0);
      },
    );

    it("refuses an encoding the spec does not list for it", async () => {
      const { fetch, requests } = fakeFetch(ok);
      const error = await rejectionOf(
        callOperation(client(fetch), op, undefined, { encoding: "json" }),
      );
      expect(error).toMatchObject({ field: "encoding", kind: "validation" });
      expect(requests).toHaveLength(0);
    });

    if (op.bearer) {
      it.each([
        ["missing", undefined],
        ["empty", ""],
        ["able to split the header", "abc\r\nX-Injected: 1"],
      ])(
        "a %s access token is a KlearStackValidationError that names accessToken, not its value",
        async (_, accessToken) => {
          const { fetch, requests } = fakeFetch(ok);
          const error = await rejectionOf(
            callOperation(client(fetch), op, undefined, { accessToken }),
          );
          expect(error).toMatchObject({ field: "accessToken", kind: "validation" });
          expect((error as Error).message).toMatch(new RegExp(`${op.operationId} needs it`));
          expect((error as Error).message).not.toContain("X-Injected");
          expect(requests).toHaveLength(0);
        },
      );
    }
  });

  describe("answers", () => {
    it("resolves to the documented 200 body", async () => {
      const { fetch } = fakeFetch(ok);
      expectSameSecret(await callOperation(client(fetch), op), example200(op), "the body");
    });

    it.each(documentedMissing(op).map((m) => [m.field, m.text]))(
      "the documented 500 for a missing %s is a KlearStackApiError carrying its text, not retried",
      async (_, message) => {
        const { fetch, requests } = fakeFetch(() => text(message, 500));
        const error = await rejectionOf(callOperation(client(fetch), op));
        expect(error).toBeInstanceOf(KlearStackApiError);
        expect(error).toBeInstanceOf(KlearStackError);
        expect(error).toMatchObject({ status: 500, body: message, kind: "api" });
        expect((error as Error).message).toContain(message);
        expect(requests).toHaveLength(1);
      },
    );

    it("401 is a KlearStackUnauthorizedError (a KlearStackApiError), not retried", async () => {
      const { fetch, requests } = fakeFetch(() => new Response(null, { status: 401 }));
      const error = await rejectionOf(callOperation(client(fetch), op));
      expect(error).toBeInstanceOf(KlearStackUnauthorizedError);
      expect(error).toBeInstanceOf(KlearStackApiError);
      expect(error).toMatchObject({ status: 401, body: "", kind: "unauthorized" });
      expect((error as Error).message).toMatch(
        /401: the access token is missing, invalid or expired/,
      );
      expect(requests).toHaveLength(1);
    });

    it.each([['{"error": "Company Name",  "code": 7}'], ["123"], ['"quoted"'], ["null"]])(
      "an error body that looks like JSON stays text, byte for byte: %s",
      async (body) => {
        const { fetch } = fakeFetch(
          () =>
            new Response(body, { status: 500, headers: { "Content-Type": "application/json" } }),
        );
        expect(await rejectionOf(callOperation(client(fetch), op))).toMatchObject({
          status: 500,
          body,
        });
      },
    );

    it.each([
      ["a body that is not JSON", () => new Response("<html>oops</html>", { status: 200 })],
      ["JSON without the documented properties", () => json({ unrelated: 1 })],
      ["an empty body", () => new Response(null, { status: 200 })],
    ])("a 200 with %s is a KlearStackApiError that withholds the body", async (_, respond) => {
      const { fetch } = fakeFetch(respond);
      const error = await rejectionOf(callOperation(client(fetch), op));
      expect(error).toBeInstanceOf(KlearStackApiError);
      expect(error).toMatchObject({ status: 200, body: "" });
      expect((error as Error).message).toMatch(
        new RegExp(`a body ${op.operationId} does not document`),
      );
    });
  });
});

describe("a list field (what the generator writes for one, whether or not this spec has one)", () => {
  const table = {
    listOperation: {
      method: "post",
      path: "/lists",
      encodings: ["urlencoded"],
      bearer: false,
      fields: [
        { name: "needed", kind: "array", items: { kind: "string" }, required: true, secret: false },
        {
          name: "extra",
          kind: "array",
          items: { kind: "integer" },
          required: false,
          secret: false,
        },
      ],
      result: null,
      accepts: {},
      issues: {},
    },
  } satisfies Record<string, OperationEntry>;
  const call = (fetch: Fetch, input: unknown) =>
    (createOperationClient(table, { baseUrl, fetch }).listOperation as AnyMethod)(input);

  it("required and empty is a KlearStackValidationError: an empty list sends no entry at all", async () => {
    const { fetch, requests } = fakeFetch(() => new Response(null, { status: 204 }));
    const error = await rejectionOf(call(fetch, { needed: [] }));
    expect(error).toBeInstanceOf(KlearStackValidationError);
    expect(error).toMatchObject({ field: "needed", message: "needed must be a non-empty array" });
    expect(requests).toHaveLength(0);
  });

  it("optional and empty sends nothing for it; each item is one entry", async () => {
    const { fetch, requests } = fakeFetch(() => new Response(null, { status: 204 }));
    await call(fetch, { needed: ["a b", "c"], extra: [] });
    await call(fetch, { needed: ["a"], extra: [1, 2] });
    expect(await requests[0]?.text()).toBe("needed=a+b&needed=c");
    expect(await requests[1]?.text()).toBe("needed=a&extra=1&extra=2");
  });
});

describe("every operation", () => {
  it("is a method of the client named by its operationId, and nothing else is", () => {
    const client = createKlearStackClient({ baseUrl });
    expect(Object.keys(client).sort()).toEqual(
      ["raw", ...operations.map((op) => op.operationId)].sort(),
    );
  });
});

describe("transport failures and cancellation", () => {
  const [op] = operations as [OperationModel];

  it("a failing transport is a KlearStackNetworkError with the platform error as cause", async () => {
    const refused = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") });
    const fetch = async () => {
      throw refused;
    };
    const error = await rejectionOf(
      callOperation(createKlearStackClient({ baseUrl, fetch, retry: false }), op),
    );
    expect(error).toBeInstanceOf(KlearStackNetworkError);
    expect(error).toMatchObject({ kind: "network", cause: refused });
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });

  it("rejects with the caller's own reason and sends nothing when already aborted", async () => {
    const { fetch, requests } = fakeFetch(() => json(example200(op)));
    const reason = new Error("user left the page");
    const call = callOperation(createKlearStackClient({ baseUrl, fetch }), op, undefined, {
      signal: AbortSignal.abort(reason),
    });
    expect(await rejectionOf(call)).toBe(reason);
    expect(requests).toHaveLength(0);
  });

  it("passes a signal to the transport that fires when the caller aborts", async () => {
    const controller = new AbortController();
    const fetch: Fetch = (input) =>
      new Promise<Response>((_, reject) => {
        const { signal } = input as Request;
        signal.addEventListener("abort", () => reject(signal.reason));
        controller.abort(new Error("cancelled"));
      });
    const call = callOperation(createKlearStackClient({ baseUrl, fetch }), op, undefined, {
      signal: controller.signal,
    });
    expect(await rejectionOf(call)).toMatchObject({ message: "cancelled" });
  });
});

describe("creating a client", () => {
  it("rejects an unusable base URL or timeout", () => {
    expect(() => createKlearStackClient({ baseUrl: "not a url" })).toThrow(
      KlearStackValidationError,
    );
    expect(() => createKlearStackClient({ baseUrl, timeoutMs: 0 })).toThrow(/timeoutMs/);
  });

  it.each([
    ["a user name and password", "http://alice:s3cret@127.0.0.1:1"],
    ["a password alone", "https://:s3cret@klearstack.invalid/base"],
    ["a user name alone", "https://alice@klearstack.invalid"],
  ])("refuses a base URL with %s, without quoting it", (_, withCredentials) => {
    let error: unknown;
    try {
      createKlearStackClient({ baseUrl: withCredentials });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ field: "baseUrl", kind: "validation" });
    const message = (error as Error).message;
    expect(message).toMatch(/must not contain a user name or password/);
    expect(/s3cret|alice/.test(message), "the message quotes the credentials").toBe(false);
  });
});

describe("logging", () => {
  it.each(operations.map((op) => [op.operationId, op] as const))(
    "%s: one line per attempt and per retry, without bodies, fields or tokens",
    async (_, op) => {
      const lines: string[] = [];
      const log = (line: string) => lines.push(line);
      const { fetch } = fakeFetch((_, attempt) =>
        attempt === 1 ? text("busy", 503, { "Retry-After": "0" }) : json(example200(op)),
      );
      const client = createKlearStackClient({ baseUrl, fetch, logger: { debug: log, warn: log } });
      await callOperation(client, op);
      // Each line exactly: nothing but the operation, its path, the status and the timing.
      const attempt = (status: number) =>
        expect.stringMatching(
          new RegExp(
            `^${regexEscape(`${op.operationId}: ${op.method.toUpperCase()} ${op.path} -> ${status}`)} in \\d+ ms$`,
          ),
        );
      expect(lines).toEqual([
        attempt(503),
        `${op.operationId}: retry 1 of 2 in 0 ms after status 503`,
        attempt(200),
      ]);
      // And, named on failure, none of the call's texts long enough to be told apart (a number
      // such as 26 may well be a duration).
      const texts = [exampleInput(op), example200(op)]
        .flatMap((values) => Object.values(values).flat())
        .filter((v): v is string => typeof v === "string" && v.length >= MIN_LEARNED_SECRET_LENGTH);
      expectNoSecret(lines.join("\n"), [exampleBearer, "busy", ...texts], "the log");
    },
  );
});

describe("the raw openapi-fetch client", () => {
  it.each(operations.map((op) => [op.operationId, op] as const))(
    "%s: is exposed, typed by the generated paths, for what the SDK does not wrap",
    async (_, op) => {
      const { fetch, requests } = fakeFetch(() => json(example200(op)));
      const { raw } = createKlearStackClient({ baseUrl, fetch });
      const { data, response } = await (
        raw.POST as (p: string, i: object) => Promise<{ data: unknown; response: Response }>
      )(op.path, {
        body: exampleInput(op),
        ...formEncodings.urlencoded,
      });
      expect(response.status).toBe(200);
      expectSameSecret(data, example200(op), "the raw client's data");
      expect(requests[0]?.headers.get("content-type")).toBe(urlencoded);
      expect(await requests[0]?.text()).toBe(formEncode(exampleEntries(op, urlencoded)));
    },
  );
});

function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
