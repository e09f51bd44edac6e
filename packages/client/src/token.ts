// Reads a KlearStack JWT's header and claims with the project's one JWT reader (bundled into dist
// at build). It does NOT verify the signature: only the API holds the key. Use it to know when a
// token expires, never to decide whether to trust one.
import { decodeJwtParts } from "@klearstack/spec/jwt";
import { KlearStackValidationError } from "./errors.ts";
import type { components } from "./generated/api.gen.ts";
import { tokenFormat } from "./generated/operations.gen.ts";
import { hasShape } from "./shape.ts";

export type JwtHeader = components["schemas"]["JwtHeader"];
export type TokenClaims = components["schemas"]["TokenClaims"];

export interface DecodedToken {
  header: JwtHeader;
  claims: TokenClaims;
  /** `exp` as a Date. */
  expiresAt: Date;
  /** `iat` as a Date. */
  issuedAt: Date;
}

/** A compact JWS whose header and claims decode (its signature is not checked). */
export function isJwt(value: unknown): boolean {
  try {
    decodeJwtParts(value as string);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes (does not verify!) a KlearStack access or refresh token. Throws KlearStackValidationError
 * naming what is wrong, never quoting the token.
 */
export function decodeToken(jwt: string): DecodedToken {
  let header: Record<string, unknown>;
  let claims: TokenClaims;
  try {
    ({ header, claims } = decodeJwtParts(`${jwt}`) as {
      header: typeof header;
      claims: TokenClaims;
    });
  } catch (error) {
    // The reader's messages name the faulty part and never quote the token.
    throw new KlearStackValidationError("token", (error as Error).message);
  }
  const expected = Object.entries(tokenFormat.header);
  if (
    !expected.every(([name, value]) => header?.[name] === value) ||
    !hasShape(claims, tokenFormat.claims) ||
    !(tokenFormat.tokenTypes as readonly string[]).includes(claims.token_type)
  ) {
    throw new KlearStackValidationError(
      "token",
      `needs header ${expected.flat()} and claims ${Object.keys(tokenFormat.claims)}`,
    );
  }
  return {
    header: header as JwtHeader,
    claims,
    expiresAt: new Date(claims.exp * 1000),
    issuedAt: new Date(claims.iat * 1000),
  };
}
