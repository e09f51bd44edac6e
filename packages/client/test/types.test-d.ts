// Type-level specification: what the compiler accepts and refuses. Checked by `vitest --typecheck`.
import { describe, expectTypeOf, it } from "vitest";
import {
  type components,
  createKlearStackClient,
  createTokenSession,
  type DecodedToken,
  decodeToken,
  KlearStackApiError,
  KlearStackError,
  type KlearStackErrorKind,
  type KlearStackNetworkError,
  KlearStackTimeoutError,
  KlearStackValidationError,
  type TokenPair,
  tokenPath,
} from "../src/index.ts";

const client = createKlearStackClient({ baseUrl: "http://127.0.0.1:4010" });

describe("getAccessTokenFromUserId", () => {
  it("resolves to the generated TokenPair", () => {
    expectTypeOf(client.getAccessTokenFromUserId).returns.resolves.toEqualTypeOf<TokenPair>();
    expectTypeOf<TokenPair>().toEqualTypeOf<components["schemas"]["TokenPair"]>();
    expectTypeOf<TokenPair>().toHaveProperty("access_token").toBeString();
    expectTypeOf<TokenPair>().toHaveProperty("release_version").toBeString();
  });

  it("takes exactly the spec's fields", () => {
    expectTypeOf(client.getAccessTokenFromUserId)
      .parameter(0)
      .toEqualTypeOf<components["schemas"]["TokenRequest"]>();
    // @ts-expect-error company_name is missing
    void client.getAccessTokenFromUserId({ user_id: "26" });
    // @ts-expect-error user_id is missing
    void client.getAccessTokenFromUserId({ company_name: "Acme" });
    // @ts-expect-error userId is not a field (user_id is)
    void client.getAccessTokenFromUserId({ userId: "26", company_name: "Acme" });
    // @ts-expect-error user_id is a string in the spec, not a number
    void client.getAccessTokenFromUserId({ user_id: 26, company_name: "Acme" });
  });

  it("takes a signal and nothing unknown", () => {
    void client.getAccessTokenFromUserId(
      { user_id: "26", company_name: "Acme" },
      { signal: new AbortController().signal },
    );
    // @ts-expect-error timeout is configured on the client, not per call
    void client.getAccessTokenFromUserId({ user_id: "26", company_name: "Acme" }, { timeout: 5 });
  });

  it("refuses unknown encodings and retry settings", () => {
    // @ts-expect-error only "urlencoded" | "multipart"
    createKlearStackClient({ baseUrl: "x", encoding: "json" });
    // @ts-expect-error retry is an options object or false
    createKlearStackClient({ baseUrl: "x", retry: true });
    // @ts-expect-error baseUrl is required
    createKlearStackClient({});
  });
});

describe("the raw client", () => {
  it("is typed by the generated paths", () => {
    void client.raw.POST(tokenPath, { body: { user_id: "26", company_name: "Acme" } });
    // @ts-expect-error not a path in the spec
    void client.raw.POST("/access/klearstack/token", { body: {} });
    // @ts-expect-error the spec has no GET on this path
    void client.raw.GET(tokenPath);
  });
});

describe("errors", () => {
  it("share a base and say which kind they are", () => {
    expectTypeOf<KlearStackApiError>().toExtend<KlearStackError>();
    expectTypeOf<KlearStackTimeoutError>().toExtend<KlearStackError>();
    expectTypeOf<KlearStackNetworkError>().toExtend<KlearStackError>();
    expectTypeOf<KlearStackValidationError>().toExtend<KlearStackError>();
    expectTypeOf<KlearStackError["kind"]>().toEqualTypeOf<KlearStackErrorKind>();
    expectTypeOf<KlearStackApiError["kind"]>().toEqualTypeOf<"api">();
  });

  it("carry status and body only where there is a response", () => {
    expectTypeOf<KlearStackApiError["status"]>().toBeNumber();
    expectTypeOf<KlearStackApiError["body"]>().toBeString();
    const timeout = new KlearStackTimeoutError(100);
    // @ts-expect-error a timeout has no HTTP status
    void timeout.status;
    const validation = new KlearStackValidationError("user_id", "is empty");
    // @ts-expect-error a validation error never reached the server: no body
    void validation.body;
  });

  it("narrow by instanceof and by kind", () => {
    const error: unknown = new KlearStackTimeoutError(1);
    if (error instanceof KlearStackError) {
      // @ts-expect-error not every KlearStackError has a status
      void error.status;
      if (error instanceof KlearStackApiError) expectTypeOf(error.status).toBeNumber();
      if (error.kind === "timeout") expectTypeOf(error).toExtend<KlearStackError>();
    }
  });

  it("base class cannot be constructed directly", () => {
    // @ts-expect-error abstract: throw a specific kind
    new KlearStackError("boom");
  });
});

describe("tokens", () => {
  it("decodeToken gives typed claims and Dates", () => {
    const decoded = decodeToken("a.b.c");
    expectTypeOf(decoded).toEqualTypeOf<DecodedToken>();
    expectTypeOf(decoded.claims.token_type).toEqualTypeOf<"access" | "refresh">();
    expectTypeOf(decoded.claims.exp).toBeNumber();
    expectTypeOf(decoded.claims.user_id).toBeNumber();
    expectTypeOf(decoded.expiresAt).toEqualTypeOf<Date>();
    expectTypeOf(decoded.header.alg).toEqualTypeOf<"HS256">();
    // @ts-expect-error no such claim
    void decoded.claims.sub;
  });

  it("a session needs the client and both fields", () => {
    const session = createTokenSession({ client, user_id: "26", company_name: "Acme" });
    expectTypeOf(session.getAccessToken).returns.resolves.toBeString();
    // @ts-expect-error company_name is missing
    createTokenSession({ client, user_id: "26" });
  });
});
