// Tokens that come back to the mock are checked the way the real API checks its own: signed with
// the (example) key, not expired, and of the right type. Prism only checks that a bearer token is
// present. What is a token, and of which type, is the model's token chain:
// - a JWT bearer scheme (`bearerFormat: JWT`) must carry a token of the type the chain gives it
//   (`OperationModel.bearerTokenType`: its x-token-type, else its example's, else the one issued
//   type no field takes back);
// - a JWT form field (`FieldModel.jwt`) must carry a token of the type its `contentSchema` fixes
//   (`FieldModel.tokenType`), e.g. a refresh token.
// The JWS and JWT rules are jose's (a well-kept implementation of RFC 7515/7519), held to what a
// strict server allows (RFC 8725): only HS256, the example key's algorithm, whatever the header
// says (so `alg: none`, RS256 or HS512 over an HMAC are refused); a `crit` header naming anything
// the mock does not implement is refused (RFC 7515 §4.1.11); `nbf` and `exp` hold, with no clock
// skew; `typ` must be JWT, as the spec's JwtHeader fixes (RFC 8725 §3.11: explicit typing).
import { createSecretKey } from "node:crypto";
import { EXAMPLE_SIGNING_SECRET, type OperationModel } from "@klearstack/spec";
import { errors, type JWTVerifyOptions, jwtVerify } from "jose";

export interface TokenRule {
  /** The `token_type` the token must carry; undefined when the spec fixes none. */
  tokenType: string | undefined;
}

export interface CredentialRules {
  /** Set when the operation requires a JWT bearer token. */
  bearer: TokenRule | undefined;
  /** Form fields that carry a token. */
  tokenFields: (TokenRule & { name: string })[];
}

export type Verdict =
  | { ok: true; claims: Record<string, unknown>[] }
  /** `reason` names what failed and why, never the token. */
  | { ok: false; reason: string };

export function credentialRules(operation: OperationModel): CredentialRules {
  const scheme = operation.bearer;
  return {
    bearer:
      scheme && /^jwt$/i.test(scheme.bearerFormat ?? "")
        ? { tokenType: operation.bearerTokenType }
        : undefined,
    tokenFields: operation.fields.flatMap((field) =>
      field.jwt ? [{ name: field.name, tokenType: field.tokenType }] : [],
    ),
  };
}

/**
 * The token of a `Bearer` credential (RFC 6750 §2.1; the scheme name is case-insensitive, RFC 7235
 * §2.1), or undefined when `authorization` carries another scheme or none.
 */
export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer +(\S+) *$/i.exec(authorization ?? "")?.[1];
}

/** The bearer token of an `Authorization` header, checked against `rule`. */
export async function checkBearer(
  rule: TokenRule,
  authorization: string | undefined,
  now = Date.now(),
): Promise<Verdict> {
  const token = bearerToken(authorization);
  if (token === undefined) return { ok: false, reason: "no bearer token" };
  return check("the bearer token", token, rule.tokenType, now);
}

/** Every token field the request fills, checked against its rule (empty ones are "missing"). */
export async function checkTokenFields(
  rules: CredentialRules["tokenFields"],
  fields: Record<string, string>,
  now = Date.now(),
): Promise<Verdict> {
  const claims: Record<string, unknown>[] = [];
  for (const { name, tokenType } of rules) {
    const token = fields[name];
    if (!token) continue;
    const verdict = await check(name, token, tokenType, now);
    if (!verdict.ok) return verdict;
    claims.push(...verdict.claims);
  }
  return { ok: true, claims };
}

// The key is imported once; jose computes an HMAC afresh for every token.
const key = createSecretKey(Buffer.from(EXAMPLE_SIGNING_SECRET));
const rules: JWTVerifyOptions = { algorithms: ["HS256"], typ: "JWT", clockTolerance: 0 };

async function check(
  what: string,
  token: string,
  tokenType: string | undefined,
  now: number,
): Promise<Verdict> {
  let claims: Record<string, unknown>;
  try {
    // requiredClaims is filled in place by jose: a fresh list for every call.
    const options = { ...rules, currentDate: new Date(now), requiredClaims: ["exp"] };
    claims = (await jwtVerify(token, key, options)).payload;
  } catch (error) {
    return { ok: false, reason: `${what} ${whyRefused(error)}` };
  }
  if (tokenType !== undefined && claims.token_type !== tokenType) {
    return {
      ok: false,
      reason: `${what} has a token_type other than ${JSON.stringify(tokenType)}`,
    };
  }
  return { ok: true, claims: [claims] };
}

/** Why jose refused a token, in words that never quote the token or its header. */
function whyRefused(error: unknown): string {
  if (error instanceof errors.JOSEAlgNotAllowed) return "names an algorithm other than HS256";
  if (error instanceof errors.JOSENotSupported) {
    return "has a critical (crit) header parameter the mock does not understand";
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return "is not signed with the example key";
  }
  if (error instanceof errors.JWTExpired) return "has expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "nbf") return "is not valid yet (nbf)";
    if (error.claim === "typ") return "is not typed JWT (typ)";
    if (error.reason === "missing") return `has no ${error.claim} claim`;
    return `has an invalid ${error.claim} claim`;
  }
  return "is not a JWT";
}
