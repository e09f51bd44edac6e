// Reads a KlearStack JWT's header and claims. It does NOT verify the signature: only the API holds
// the key. Use it to know when a token expires, never to decide whether to trust one.
import {
  hasFields,
  type JwtHeader,
  jwtHeader,
  type TokenClaims,
  tokenClaimFields,
  tokenTypes,
} from "./api.ts";
import { KlearStackValidationError } from "./errors.ts";

export interface DecodedToken {
  header: JwtHeader;
  claims: TokenClaims;
  /** `exp` as a Date. */
  expiresAt: Date;
  /** `iat` as a Date. */
  issuedAt: Date;
}

/**
 * Decodes (does not verify!) a KlearStack access or refresh token. Throws KlearStackValidationError
 * naming what is wrong, never quoting the token.
 */
export function decodeToken(jwt: string): DecodedToken {
  if (typeof jwt !== "string") throw malformed("is not a string");
  const parts = jwt.split(".");
  if (parts.length !== 3) throw malformed("is not a compact JWS (three dot-separated parts)");
  const header = parsePart(parts[0], "header");
  const claims = parsePart(parts[1], "claims");
  if (!hasFields<JwtHeader>(header, { typ: "string", alg: "string" })) {
    throw malformed("header lacks typ or alg");
  }
  if (header.typ !== jwtHeader.typ || header.alg !== jwtHeader.alg) {
    throw malformed(`header is not ${jwtHeader.typ}/${jwtHeader.alg}`);
  }
  if (!hasFields(claims, tokenClaimFields)) {
    throw malformed(`claims lack one of ${Object.keys(tokenClaimFields).join(", ")}`);
  }
  if (!Object.hasOwn(tokenTypes, claims.token_type)) throw malformed("has an unknown token_type");
  return {
    header,
    claims,
    expiresAt: new Date(claims.exp * 1000),
    issuedAt: new Date(claims.iat * 1000),
  };
}

function parsePart(part: string | undefined, name: string): unknown {
  if (!part || !/^[A-Za-z0-9_-]+$/.test(part)) throw malformed(`${name} is not base64url`);
  try {
    const binary = atob(part.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw malformed(`${name} is not base64url-encoded UTF-8 JSON`);
  }
}

function malformed(problem: string): KlearStackValidationError {
  return new KlearStackValidationError("token", problem);
}
