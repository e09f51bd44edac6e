// Tokens that come back to the mock are checked the way the real API checks its own: signed with
// the (example) key, not expired, and of the right type. Prism only checks that a bearer token is
// present. What is a token, and of which type, is the model's token chain:
// - a JWT bearer scheme (`bearerFormat: JWT`) must carry a token of the type the chain gives it
//   (`OperationModel.bearerTokenType`: its x-token-type, else its example's, else the one issued
//   type no field takes back);
// - a JWT form field (`FieldModel.jwt`) must carry a token of the type its `contentSchema` fixes
//   (`FieldModel.tokenType`), e.g. a refresh token.
import { type OperationModel, verifyExampleJwt } from "@klearstack/spec";

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

/** The bearer token of an `Authorization` header, checked against `rule`. */
export function checkBearer(
  rule: TokenRule,
  authorization: string | undefined,
  now = Date.now(),
): Verdict {
  const token = /^Bearer\s+(\S+)\s*$/.exec(authorization ?? "")?.[1];
  if (token === undefined) return { ok: false, reason: "no bearer token" };
  return check("the bearer token", token, rule.tokenType, now);
}

/** Every token field the request fills, checked against its rule (empty ones are "missing"). */
export function checkTokenFields(
  rules: CredentialRules["tokenFields"],
  fields: Record<string, string>,
  now = Date.now(),
): Verdict {
  const claims: Record<string, unknown>[] = [];
  for (const { name, tokenType } of rules) {
    const token = fields[name];
    if (!token) continue;
    const verdict = check(name, token, tokenType, now);
    if (!verdict.ok) return verdict;
    claims.push(...verdict.claims);
  }
  return { ok: true, claims };
}

function check(what: string, token: string, tokenType: string | undefined, now: number): Verdict {
  const verdict = verifyExampleJwt(token, { now, tokenType });
  if (verdict.ok) return { ok: true, claims: [verdict.claims] };
  const why = {
    malformed: "is not a JWT",
    "bad-signature": "is not signed with the example key",
    expired: "has expired",
    "wrong-type": `has a token_type other than ${JSON.stringify(tokenType)}`,
  }[verdict.reason];
  return { ok: false, reason: `${what} ${why}` };
}
