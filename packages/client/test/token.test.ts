// decodeToken reads (never verifies) a KlearStack JWT: typed claims, dates, and clear refusals.
import { describe, expect, it } from "vitest";
import { decodeToken, KlearStackValidationError } from "../src/index.ts";
import { exampleTokens } from "./support/fixtures.ts";

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const partsOf = (token: string) =>
  token
    .split(".")
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, "base64url").toString()));
const accessToken = exampleTokens.find((token) => partsOf(token)[1].token_type === "access") ?? "";
const [exampleHeader = "", exampleClaims = ""] = accessToken.split(".");
const claimsOf = (token: string) => partsOf(token)[1];

describe("decodeToken", () => {
  it.each(exampleTokens.map((token) => [claimsOf(token).token_type, token]))(
    "decodes the spec's example %s token into its header and claims",
    (tokenType, token) => {
      const decoded = decodeToken(token);
      expect(decoded.header).toEqual(partsOf(token)[0]);
      expect(decoded.claims).toEqual(claimsOf(token));
      expect(decoded.claims.token_type).toBe(tokenType);
    },
  );

  it("gives exp and iat as Dates", () => {
    const { claims, expiresAt, issuedAt } = decodeToken(accessToken);
    expect(expiresAt.getTime()).toBe(claims.exp * 1000);
    expect(issuedAt.getTime()).toBe(claims.iat * 1000);
    expect(expiresAt > issuedAt).toBe(true);
  });

  it("does not verify: a token with a forged signature decodes just the same", () => {
    const forged = `${exampleHeader}.${exampleClaims}.not-the-real-signature`;
    expect(decodeToken(forged).claims).toEqual(decodeToken(accessToken).claims);
  });

  it("decodes UTF-8 and unpadded base64url", () => {
    const claims = { ...claimsOf(accessToken), note: "Zürich ✓ 𝄞" };
    const token = `${exampleHeader}.${b64url(claims)}.sig`;
    expect(decodeToken(token).claims).toMatchObject({ note: "Zürich ✓ 𝄞" });
  });

  const good = claimsOf(accessToken);
  it.each([
    ["an empty string", ""],
    ["two parts", `${exampleHeader}.${exampleClaims}`],
    ["four parts", `${exampleHeader}.${exampleClaims}.a.b`],
    ["a part that is not base64url", `${exampleHeader}.ab+c/.sig`],
    [
      "claims that are not JSON",
      `${exampleHeader}.${Buffer.from("nope").toString("base64url")}.sig`,
    ],
    [
      "claims that are not UTF-8",
      `${exampleHeader}.${Buffer.from([0xff, 0xfe]).toString("base64url")}.sig`,
    ],
    ["claims without exp", `${exampleHeader}.${b64url({ ...good, exp: undefined })}.sig`],
    ["a string exp", `${exampleHeader}.${b64url({ ...good, exp: "soon" })}.sig`],
    ["an unknown token_type", `${exampleHeader}.${b64url({ ...good, token_type: "id" })}.sig`],
    ["another algorithm", `${b64url({ typ: "JWT", alg: "none" })}.${exampleClaims}.sig`],
  ])("refuses %s with a KlearStackValidationError that does not quote it", (_, token) => {
    let error: unknown;
    try {
      decodeToken(token);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KlearStackValidationError);
    expect(error).toMatchObject({ field: "token" });
    const message = (error as Error).message;
    for (const part of token.split(".").filter((p) => p.length > 3)) {
      expect(message).not.toContain(part);
    }
  });

  it("refuses a non-string at runtime (for JavaScript callers)", () => {
    expect(() => decodeToken(42 as never)).toThrow(KlearStackValidationError);
  });
});
