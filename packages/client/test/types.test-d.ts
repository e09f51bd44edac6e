// Type-level specification: what the compiler accepts and refuses. Checked by `vitest --typecheck`.
import { describe, expectTypeOf, it } from "vitest";
import {
  type components,
  createKlearStackClient,
  createTokenSession,
  type DecodedToken,
  decodeToken,
  type KlearStackApiError,
  KlearStackError,
  type KlearStackErrorKind,
  type KlearStackNetworkError,
  KlearStackTimeoutError,
  type KlearStackUnauthorizedError,
  KlearStackValidationError,
  type LoginOperationId,
  type OperationFields,
  type OperationId,
  type OperationResult,
  type operations,
  type TokenPair,
} from "../src/index.ts";

const client = createKlearStackClient({ baseUrl: "http://127.0.0.1:4010" });
type Schemas = components["schemas"];

describe("a method per operation", () => {
  it("the client's members are exactly the spec's operationIds, and raw", () => {
    expectTypeOf<keyof typeof client>().toEqualTypeOf<keyof operations | "raw">();
    expectTypeOf<OperationId>().toEqualTypeOf<keyof operations>();
  });

  it("each takes its request body's schema and resolves to its 200 body, from the generated types", () => {
    expectTypeOf<OperationFields<"getAccessTokenFromUserId">>().toEqualTypeOf<
      Schemas["UserIdLogin"]
    >();
    expectTypeOf<OperationFields<"getAccessToken">>().toEqualTypeOf<Schemas["PasswordLogin"]>();
    expectTypeOf<OperationFields<"getAccessTokenFromRefreshToken">>().toEqualTypeOf<
      Schemas["RefreshTokenGrant"]
    >();
    expectTypeOf(client.getAccessTokenFromUserId).returns.resolves.toEqualTypeOf<TokenPair>();
    expectTypeOf(client.getAccessToken).returns.resolves.toEqualTypeOf<TokenPair>();
    expectTypeOf(client.getAccessTokenFromRefreshToken).returns.resolves.toEqualTypeOf<
      Schemas["RefreshedAccessToken"]
    >();
    expectTypeOf<OperationResult<"getAccessToken">>().toEqualTypeOf<TokenPair>();
  });

  it("refuses missing, misspelt and mistyped fields", () => {
    // @ts-expect-error company_name is missing
    void client.getAccessTokenFromUserId({ user_id: "26" });
    // @ts-expect-error userId is not a field (user_id is)
    void client.getAccessTokenFromUserId({ userId: "26", company_name: "Acme" });
    // @ts-expect-error user_id is a string in the spec, not a number
    void client.getAccessTokenFromUserId({ user_id: 26, company_name: "Acme" });
    // @ts-expect-error password is missing
    void client.getAccessToken({ username: "jane", company_name: "Acme" });
    void client.getAccessTokenFromRefreshToken(
      // @ts-expect-error the refresh call takes refresh_token, not user_id
      { user_id: "26", company_name: "Acme" },
      { accessToken: "t" },
    );
  });

  it("a bearer-protected operation requires { accessToken }; the others take none", () => {
    void client.getAccessTokenFromRefreshToken(
      { refresh_token: "r", company_name: "Acme" },
      { accessToken: "t" },
    );
    // @ts-expect-error the refresh call needs the current access token
    void client.getAccessTokenFromRefreshToken({ refresh_token: "r", company_name: "Acme" });
    void client.getAccessToken(
      { username: "u", password: "p", company_name: "Acme" },
      // @ts-expect-error a login sends no bearer token
      { accessToken: "t" },
    );
  });

  it("takes an encoding and a signal per call, and nothing unknown", () => {
    void client.getAccessToken(
      { username: "u", password: "p", company_name: "Acme" },
      { encoding: "multipart", signal: new AbortController().signal },
    );
    void client.getAccessTokenFromUserId(
      { user_id: "26", company_name: "Acme" },
      // @ts-expect-error only "urlencoded" | "multipart"
      { encoding: "json" },
    );
    // @ts-expect-error timeout is configured on the client, not per call
    void client.getAccessTokenFromUserId({ user_id: "26", company_name: "Acme" }, { timeout: 5 });
  });

  it("refuses unknown client options", () => {
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
    void client.raw.POST("/access/klearstack/get_access_token", {
      body: { username: "u", password: "p", company_name: "Acme" },
    });
    // @ts-expect-error not a path in the spec
    void client.raw.POST("/access/klearstack/token", { body: {} });
    // @ts-expect-error the spec has no GET on this path
    void client.raw.GET("/access/klearstack/get_access_token");
  });
});

describe("the token session", () => {
  it("logs in with either login call, its fields checked", () => {
    expectTypeOf<LoginOperationId>().toEqualTypeOf<"getAccessTokenFromUserId" | "getAccessToken">();
    createTokenSession({
      client,
      login: {
        operationId: "getAccessToken",
        fields: { username: "u", password: "p", company_name: "c" },
      },
    });
    createTokenSession({
      client,
      login: {
        operationId: "getAccessTokenFromUserId",
        fields: { user_id: "26", company_name: "c" },
      },
      marginSeconds: 60,
      clockSkewSeconds: "auto",
    });
    const refreshAsLogin = {
      operationId: "getAccessTokenFromRefreshToken",
      fields: { refresh_token: "r", company_name: "c" },
    } as const;
    // @ts-expect-error the refresh call is not a login
    createTokenSession({ client, login: refreshAsLogin });
    createTokenSession({
      client,
      // @ts-expect-error the user-id login's fields given to the password login
      login: { operationId: "getAccessToken", fields: { user_id: "26", company_name: "c" } },
    });
  });

  it("hands out access tokens and an authenticated fetch", () => {
    const session = createTokenSession({
      client,
      login: {
        operationId: "getAccessTokenFromUserId",
        fields: { user_id: "26", company_name: "c" },
      },
    });
    expectTypeOf(session.getAccessToken).returns.resolves.toBeString();
    expectTypeOf(session.fetch).returns.resolves.toEqualTypeOf<Response>();
  });
});

describe("errors", () => {
  it("share a base and say which kind they are", () => {
    expectTypeOf<KlearStackApiError>().toExtend<KlearStackError>();
    expectTypeOf<KlearStackUnauthorizedError>().toExtend<KlearStackApiError>();
    expectTypeOf<KlearStackTimeoutError>().toExtend<KlearStackError>();
    expectTypeOf<KlearStackNetworkError>().toExtend<KlearStackError>();
    expectTypeOf<KlearStackValidationError>().toExtend<KlearStackError>();
    expectTypeOf<KlearStackError["kind"]>().toEqualTypeOf<KlearStackErrorKind>();
    expectTypeOf<KlearStackUnauthorizedError["kind"]>().toEqualTypeOf<"unauthorized">();
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

  it("base class cannot be constructed directly", () => {
    // @ts-expect-error abstract: throw a specific kind
    new KlearStackError("boom");
  });
});

describe("tokens", () => {
  it("decodeToken gives claims typed from the spec, and Dates", () => {
    const decoded = decodeToken("a.b.c");
    expectTypeOf(decoded).toEqualTypeOf<DecodedToken>();
    expectTypeOf(decoded.claims.token_type).toEqualTypeOf<"access" | "refresh">();
    expectTypeOf(decoded.claims.exp).toBeNumber();
    expectTypeOf(decoded.expiresAt).toEqualTypeOf<Date>();
    expectTypeOf(decoded.header.alg).toEqualTypeOf<"HS256">();
    // @ts-expect-error no such claim
    void decoded.claims.sub;
  });
});
