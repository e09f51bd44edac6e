import { describe, expect, it } from "vitest";
import {
  decodeJwtParts,
  maskSecrets,
  SECRET_MASK,
  SecretMasker,
  secondsLeft,
  signExampleJwt,
  verifyExampleJwt,
} from "../index.ts";

const token = signExampleJwt({
  token_type: "access",
  exp: 2_000_000_000,
  iat: 1_000,
  jti: "a".repeat(32),
  user_id: 1,
});

describe("the secret masker", () => {
  it("hides JWT-shaped strings and bearer credentials without being told", () => {
    expect(maskSecrets(`got ${token} ok`)).toBe(`got ${SECRET_MASK} ok`);
    expect(maskSecrets("Authorization: Bearer opaque-credential_123")).toBe(
      `Authorization: Bearer ${SECRET_MASK}`,
    );
  });

  it("leaves dotted text that is not a token alone", () => {
    expect(maskSecrets("release 7.8.9 at example.com and a.b")).toBe(
      "release 7.8.9 at example.com and a.b",
    );
  });

  it("hides secrets it was given or learned from a body, whatever their shape", () => {
    const masker = new SecretMasker(["hunter2", undefined, ""]).learn({
      nested: { refresh_token: "opaque-r" },
      user: "jane",
    });
    expect(masker.mask("password=hunter2&refresh_token=opaque-r&user=jane")).toBe(
      `password=${SECRET_MASK}&refresh_token=${SECRET_MASK}&user=jane`,
    );
  });
});

describe("the JWT reader and the example key", () => {
  it("decodes header and claims, and says which part is broken without quoting it", () => {
    expect(decodeJwtParts(token).claims).toMatchObject({ token_type: "access", user_id: 1 });
    expect(() => decodeJwtParts("abc")).toThrow("not a compact JWS");
    expect(() => decodeJwtParts("e30.!!!.x")).toThrow("the JWT's claims is not base64url");
    expect(() => decodeJwtParts("e30.bm90IGpzb24.x")).toThrow("the JWT's claims is not JSON");
    expect(() => decodeJwtParts("e30.A.x")).toThrow("the JWT's claims is not base64url");
    expect(() => decodeJwtParts("e30.gA.x")).toThrow("the JWT's claims is not UTF-8");
  });

  it("decodes non-ASCII claims (the fast ASCII path does not garble them)", () => {
    const claims = { company_name: "Zürich 株式会社 🚀" };
    expect(decodeJwtParts(signExampleJwt(claims)).claims).toEqual(claims);
  });

  it("tells the seconds left before exp", () => {
    expect(secondsLeft(token, 1_999_999_000_000)).toBe(1000);
  });

  it("verifies signature, expiry and type", () => {
    expect(verifyExampleJwt(token, { now: 0, tokenType: "access" }).ok).toBe(true);
    expect(verifyExampleJwt(token, { now: 0, tokenType: "refresh" })).toEqual({
      ok: false,
      reason: "wrong-type",
    });
    expect(verifyExampleJwt(token, { now: 2_000_000_000_000 })).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(verifyExampleJwt(`${token.slice(0, -2)}xx`)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(verifyExampleJwt("nope")).toEqual({ ok: false, reason: "malformed" });
  });
});
