// getAccessTokenFromUserId with an injected fetch: what goes on the wire, what comes back, and
// which typed error each failure becomes. No network.
import { describe, expect, it } from "vitest";
import {
  createKlearStackClient,
  type Fetch,
  formEncodings,
  KlearStackApiError,
  KlearStackError,
  KlearStackNetworkError,
  KlearStackValidationError,
  tokenPath,
} from "../src/index.ts";
import { fakeFetch, json, text } from "./support/fake-fetch.ts";
import {
  documentedErrorTexts,
  exampleTokenPair,
  requiredFields,
  validInput,
} from "./support/fixtures.ts";
import { expectNoSecret, expectSameSecret, rejectionOf } from "./support/quiet.ts";

const baseUrl = "https://klearstack.invalid";
const ok = () => json(exampleTokenPair);

describe("the request", () => {
  it("POSTs the two fields urlencoded by default, with exactly that content type", async () => {
    const { fetch, requests } = fakeFetch(ok);
    await createKlearStackClient({ baseUrl, fetch }).getAccessTokenFromUserId(validInput);

    const [request] = requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`${baseUrl}${tokenPath}`);
    expect(request?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    // application/x-www-form-urlencoded by hand (spaces as +), not through URLSearchParams.
    const form = (value: string) => encodeURIComponent(value).replaceAll("%20", "+");
    const expected = Object.entries(validInput).map(([name, value]) => `${name}=${form(value)}`);
    expect(await request?.text()).toBe(expected.join("&"));
  });

  it("sends multipart/form-data on request, with the boundary the platform chose", async () => {
    const { fetch, requests } = fakeFetch(ok);
    const client = createKlearStackClient({ baseUrl, fetch, encoding: "multipart" });
    await client.getAccessTokenFromUserId(validInput);

    const contentType = requests[0]?.headers.get("content-type") ?? "";
    expect(contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
    const form = await requests[0]!.formData();
    expect(Object.fromEntries(form)).toEqual(validInput);
  });

  it("sends only the spec's fields, whatever else the caller's object holds", async () => {
    const { fetch, requests } = fakeFetch(ok);
    const input = { ...validInput, password: "hunter2" };
    await createKlearStackClient({ baseUrl, fetch }).getAccessTokenFromUserId(input);
    expect(await requests[0]?.text()).not.toContain("password");
  });

  it("joins a base URL with a trailing slash without doubling it", async () => {
    const { fetch, requests } = fakeFetch(ok);
    await createKlearStackClient({ baseUrl: `${baseUrl}/`, fetch }).getAccessTokenFromUserId(
      validInput,
    );
    expect(requests[0]?.url).toBe(`${baseUrl}${tokenPath}`);
  });
});

describe("input validation, before any request", () => {
  const without = (field: string) =>
    Object.fromEntries(Object.entries(validInput).filter(([name]) => name !== field));
  const cases: [string, unknown, string][] = [
    ...requiredFields.flatMap((field): [string, unknown, string][] => [
      [`missing ${field}`, without(field), field],
      [`empty ${field}`, { ...validInput, [field]: "" }, field],
      [`non-string ${field}`, { ...validInput, [field]: 26 }, field],
      [
        `${field} with a lone surrogate (would be sent as U+FFFD)`,
        { ...validInput, [field]: "\ud800" },
        field,
      ],
    ]),
    ["no object at all", undefined, "input"],
  ];

  it.each(cases)("%s is a KlearStackValidationError naming the field", async (_, input, field) => {
    const { fetch, requests } = fakeFetch(ok);
    const call = createKlearStackClient({ baseUrl, fetch }).getAccessTokenFromUserId(
      input as never,
    );
    expect(await rejectionOf(call)).toBeInstanceOf(KlearStackValidationError);
    expect(await rejectionOf(call)).toMatchObject({ field, kind: "validation" });
    expect(requests).toHaveLength(0);
  });

  it("rejects an unusable base URL or timeout when the client is created", () => {
    expect(() => createKlearStackClient({ baseUrl: "not a url" })).toThrow(
      KlearStackValidationError,
    );
    expect(() => createKlearStackClient({ baseUrl, timeoutMs: 0 })).toThrow(/timeoutMs/);
  });

  it.each([
    ["a user name and password", "http://alice:s3cret@127.0.0.1:1"],
    ["a password alone", "https://:s3cret@klearstack.invalid/base"],
    ["a user name alone", "https://alice@klearstack.invalid"],
  ])("refuses a base URL with %s, without quoting it, and sends nothing", (_, withCredentials) => {
    const { fetch, requests } = fakeFetch(ok);
    let error: unknown;
    try {
      createKlearStackClient({ baseUrl: withCredentials, fetch });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KlearStackValidationError);
    expect(error).toMatchObject({ field: "baseUrl", kind: "validation" });
    const message = (error as Error).message;
    expect(message).toMatch(/must not contain a user name or password/);
    expect(/s3cret|alice/.test(message), "the message quotes the credentials").toBe(false);
    expect(requests).toHaveLength(0);
  });
});

describe("responses", () => {
  it("resolves to the token pair on 200", async () => {
    const { fetch } = fakeFetch(ok);
    const pair = await createKlearStackClient({ baseUrl, fetch }).getAccessTokenFromUserId(
      validInput,
    );
    expectSameSecret(pair, exampleTokenPair, "the token pair");
  });

  it.each(documentedErrorTexts)(
    "the documented 500 %j is an API error carrying that text",
    async (message) => {
      const { fetch, requests } = fakeFetch(() => text(message, 500));
      const call = createKlearStackClient({ baseUrl, fetch }).getAccessTokenFromUserId(validInput);
      const error = await rejectionOf(call);
      expect(error).toBeInstanceOf(KlearStackApiError);
      expect(error).toBeInstanceOf(KlearStackError);
      expect(error).toMatchObject({ status: 500, body: message, kind: "api" });
      expect((error as Error).message).toContain(message);
      expect(requests).toHaveLength(1); // the documented 500 is never retried
    },
  );

  it.each([['{"error": "Company Name",  "code": 7}'], ["123"], ['"quoted"'], ["null"]])(
    "an error body that looks like JSON stays text, byte for byte: %s",
    async (body) => {
      const { fetch } = fakeFetch(
        () => new Response(body, { status: 500, headers: { "Content-Type": "application/json" } }),
      );
      const error = await rejectionOf(
        createKlearStackClient({ baseUrl, fetch }).getAccessTokenFromUserId(validInput),
      );
      expect(error).toMatchObject({ status: 500, body });
    },
  );

  it.each([
    ["a body that is not JSON", () => new Response("<html>oops</html>", { status: 200 })],
    ["JSON that is not a token pair", () => json({ access_token: 1 })],
    ["an empty body", () => new Response(null, { status: 200 })],
  ])("a 200 with %s is an API error that withholds the body", async (_, respond) => {
    const { fetch } = fakeFetch(respond);
    const error = await rejectionOf(
      createKlearStackClient({ baseUrl, fetch }).getAccessTokenFromUserId(validInput),
    );
    expect(error).toBeInstanceOf(KlearStackApiError);
    expect(error).toMatchObject({ status: 200, body: "" });
    expect((error as Error).message).toMatch(/not a token pair/);
  });

  it("a failing transport is a KlearStackNetworkError with the platform error as cause", async () => {
    const refused = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") });
    const fetch = async () => {
      throw refused;
    };
    const client = createKlearStackClient({ baseUrl, fetch, retry: false });
    const error = await rejectionOf(client.getAccessTokenFromUserId(validInput));
    expect(error).toBeInstanceOf(KlearStackNetworkError);
    expect(error).toMatchObject({ kind: "network", cause: refused });
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});

describe("cancellation", () => {
  it("rejects with the caller's own reason and sends nothing when already aborted", async () => {
    const { fetch, requests } = fakeFetch(ok);
    const reason = new Error("user left the page");
    const call = createKlearStackClient({ baseUrl, fetch }).getAccessTokenFromUserId(validInput, {
      signal: AbortSignal.abort(reason),
    });
    expect(await rejectionOf(call)).toBe(reason);
    expect(requests).toHaveLength(0);
  });

  it("passes a signal to the transport that fires when the caller aborts", async () => {
    const controller = new AbortController();
    const fetch: Fetch = (_, init) =>
      new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        signal?.addEventListener("abort", () => reject(signal.reason));
        controller.abort(new Error("cancelled"));
      });
    const call = createKlearStackClient({ baseUrl, fetch }).getAccessTokenFromUserId(validInput, {
      signal: controller.signal,
    });
    expect(await rejectionOf(call)).toMatchObject({ message: "cancelled" });
  });
});

describe("logging", () => {
  it("logs one line per attempt and per retry, without bodies or tokens", async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const { fetch } = fakeFetch((_, attempt) =>
      attempt === 1 ? text("busy", 503, { "Retry-After": "0" }) : ok(),
    );
    const client = createKlearStackClient({ baseUrl, fetch, logger: { debug: log, warn: log } });
    await client.getAccessTokenFromUserId(validInput);

    expect(lines).toHaveLength(3);
    expect(lines.join("\n")).toMatch(/-> 503[\s\S]*retrying in 0 ms after status 503[\s\S]*-> 200/);
    const secrets = [exampleTokenPair.access_token, exampleTokenPair.refresh_token, "busy"];
    expectNoSecret(lines.join("\n"), secrets, "the log");
  });
});

describe("the raw openapi-fetch client", () => {
  it("is exposed, typed by the generated paths, for calls the SDK does not wrap", async () => {
    const { fetch, requests } = fakeFetch(ok);
    const { raw } = createKlearStackClient({ baseUrl, fetch });
    const { data, response } = await raw.POST(tokenPath, {
      body: validInput,
      ...formEncodings.urlencoded,
    });
    expect(response.status).toBe(200);
    expectSameSecret(data, exampleTokenPair, "the raw client's data");
    expect(requests[0]?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
  });
});
