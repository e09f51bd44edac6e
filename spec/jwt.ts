import { createHmac } from "node:crypto";

// Splits a compact JWS into its decoded header and claims (no signature check).
export interface DecodedJwt {
  header: unknown;
  claims: unknown;
}

export function decodeJwtParts(token: string): DecodedJwt {
  const [header, claims, signature] = token.split(".");
  if (header === undefined || claims === undefined || signature === undefined) {
    throw new Error("not a compact JWS: expected three dot-separated parts");
  }
  const json = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  return { header: json(header), claims: json(claims) };
}

/**
 * The public, example-only HMAC key of the spec's example tokens and the mock's dynamic ones. Tokens
 * signed with it prove a layout, never an identity.
 */
export const EXAMPLE_SIGNING_SECRET = "klearstack-example-only-secret";

/** A compact HS256 JWS over `claims`, signed with the example-only key. */
export function signExampleJwt(
  claims: Record<string, unknown>,
  header: object = { typ: "JWT", alg: "HS256" },
): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const signingInput = `${part(header)}.${part(claims)}`;
  const signature = createHmac("sha256", EXAMPLE_SIGNING_SECRET).update(signingInput).digest();
  return `${signingInput}.${signature.toString("base64url")}`;
}
