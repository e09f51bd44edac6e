// Logins made in the page and the tokens they leave: a login is any successful answer carrying
// documented tokens; the latest token of each type fills the bearer credential and token fields.
// Tokens are decoded with the time left before exp; the operation shown is read from the fragment.
import { loadApiModel, signExampleJwt } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { decodeTokens, timeLeft } from "../src/console/browser/claims.ts";
import { operationAt, routeOf } from "../src/console/browser/route.ts";
import { TokenStore, tokensIn } from "../src/console/browser/tokens.ts";
import { consoleModelOf } from "../src/console/model.ts";

const { operations } = consoleModelOf(await loadApiModel());
const logins = operations.filter((op) =>
  op.responses.some((r) => r.status.startsWith("2") && r.tokens.some((t) => t.tokenType)),
);
const now = Date.UTC(2030, 0, 1);
const tokenOf = (tokenType: string | undefined, exp: number) =>
  signExampleJwt({ token_type: tokenType, exp, iat: exp - 900 });

describe("logins made in the page", () => {
  it("the spec has calls that log in (answer tokens) and calls that take a bearer token", () => {
    expect(logins.length).toBeGreaterThan(0);
    expect(operations.some((op) => op.bearer)).toBe(true);
  });

  it.each(logins.map((op) => [op.operationId, op] as const))(
    "%s: its success answer's tokens become the latest of their types; a failure's do not",
    (_id, op) => {
      const success = op.responses.find((r) => r.status.startsWith("2"));
      const status = Number(success?.status);
      const body = Object.fromEntries(
        (success?.tokens ?? []).map((t) => [t.name, tokenOf(t.tokenType, 2_000_000_000)]),
      );
      const store = new TokenStore();
      const heard: string[] = [];
      store.onLogin((tokenType, login) => heard.push(`${tokenType}:${login.operationId}`));
      expect(store.remember(op, 500, body)).toBe(0);
      expect(store.remember(op, status, body)).toBe(success?.tokens.length);
      for (const t of success?.tokens ?? []) {
        expect(store.latest(t.tokenType)?.token).toBe(body[t.name]);
        expect(heard).toContain(`${t.tokenType}:${op.operationId}`);
      }
    },
  );

  it("a bearer call takes the latest token of its scheme's type", () => {
    const bearerCall = operations.find((op) => op.bearer?.tokenType);
    const login = logins[0];
    if (!bearerCall?.bearer || !login) throw new Error("the spec needs a login and a bearer call");
    const success = login.responses.find((r) => r.status.startsWith("2"));
    const store = new TokenStore();
    const body = (exp: number) =>
      Object.fromEntries((success?.tokens ?? []).map((t) => [t.name, tokenOf(t.tokenType, exp)]));
    store.remember(login, Number(success?.status), body(1));
    const newer = body(2);
    store.remember(login, Number(success?.status), newer);
    const name = success?.tokens.find((t) => t.tokenType === bearerCall.bearer?.tokenType)?.name;
    expect(store.latest(bearerCall.bearer.tokenType)?.token).toBe(newer[name ?? ""]);
  });

  it("ignores undocumented fields and non-string values", () => {
    const login = logins[0];
    const success = login?.responses.find((r) => r.status.startsWith("2"));
    if (!login || !success) throw new Error("the spec needs a login");
    const body = Object.fromEntries(success.tokens.map((t) => [t.name, 42]));
    expect(tokensIn(login, Number(success.status), { ...body, other: tokenOf("x", 1) })).toEqual(
      [],
    );
    expect(tokensIn(login, Number(success.status), "not json")).toEqual([]);
  });
});

describe("decoded tokens", () => {
  it("shows the claims and the time left before exp, or says the token does not decode", () => {
    const exp = now / 1000 + 899;
    const [good, bad] = decodeTokens(
      [
        { name: "access_token", tokenType: "access", token: tokenOf("access", exp) },
        { name: "broken", tokenType: undefined, token: "a.b" },
      ],
      now,
    );
    expect(good).toEqual({
      name: "access_token",
      claims: { token_type: "access", exp, iat: exp - 900 },
      secondsLeft: 899,
    });
    expect(bad).toMatchObject({ name: "broken", problem: expect.stringContaining("compact JWS") });
  });

  it.each([
    [899, "14 min 59 s left before exp"],
    [86_400, "1 d left before exp"],
    [0, "0 s left before exp"],
    [-125, "expired 2 min 5 s ago"],
    [undefined, "no exp claim: it does not expire"],
  ] as const)("%s s -> %s", (seconds, text) => {
    expect(timeLeft(seconds)).toBe(text);
  });
});

describe("the operation the URL shows", () => {
  it.each(operations.map((op) => [op.operationId, op] as const))(
    "%s: found at its route, at a part of it, and not at a longer route that starts the same",
    (_id, op) => {
      expect(operationAt(operations, `#${op.route}`)).toBe(op);
      expect(operationAt(operations, `#${op.route}#${op.route.slice(1)}/request`)).toBe(op);
      expect(operationAt(operations, `#${op.route}/responses`)).toBe(op);
      expect(operationAt(operations, `#${op.route}x`)?.operationId).not.toBe(op.operationId);
    },
  );

  it("finds none on the overview and decodes escaped fragments", () => {
    expect(operationAt(operations, "#/")).toBeUndefined();
    expect(operationAt(operations, "")).toBeUndefined();
    expect(routeOf("#/a%20b#c")).toBe("/a b");
  });
});
