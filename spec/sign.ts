// The example-only signing key: the spec's example tokens and the mock's tokens are HS256 JWTs
// signed with it, and the mock checks bearer tokens with it. Tokens signed with it prove a layout,
// never an identity. Node-only (node:crypto); readers use jwt.ts.
import { createHmac, createSecretKey, timingSafeEqual } from "node:crypto";
import { decodeJwtParts } from "./jwt.ts";

/** The public, example-only HMAC key. */
export const EXAMPLE_SIGNING_SECRET = "klearstack-example-only-secret";

// The key is imported once; an HMAC is still computed afresh for every token.
const key = createSecretKey(Buffer.from(EXAMPLE_SIGNING_SECRET));
const hs256 = (input: string) => createHmac("sha256", key).update(input).digest();

/** A compact HS256 JWS over `claims`, signed with the example-only key. */
export function signExampleJwt(
  claims: Record<string, unknown>,
  header: object = { typ: "JWT", alg: "HS256" },
): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const signingInput = `${part(header)}.${part(claims)}`;
  return `${signingInput}.${hs256(signingInput).toString("base64url")}`;
}

export type ExampleJwtVerdict =
  | { ok: true; claims: Record<string, unknown> }
  | { ok: false; reason: "malformed" | "bad-signature" | "expired" | "wrong-type" };

/**
 * Checks a token the way the real API would check its own: signed with the (example) key, not
 * expired at `now`, and of `tokenType` when given. The reason never quotes the token.
 */
export function verifyExampleJwt(
  token: string,
  { now = Date.now(), tokenType }: { now?: number; tokenType?: string } = {},
): ExampleJwtVerdict {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwtParts(token).claims as Record<string, unknown>;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  // decodeJwtParts found exactly three parts: the signature follows the last dot.
  const dot = token.lastIndexOf(".");
  const expected = hs256(token.slice(0, dot));
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "bad-signature" };
  }
  if (typeof claims?.exp !== "number" || claims.exp * 1000 <= now) {
    return { ok: false, reason: "expired" };
  }
  if (tokenType !== undefined && claims.token_type !== tokenType) {
    return { ok: false, reason: "wrong-type" };
  }
  return { ok: true, claims };
}
