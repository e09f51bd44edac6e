// Tokens that come back to the mock are checked the way the real API checks its own: signed with
// the (example) key, not expired, and of the right type. Prism only checks that a bearer token is
// present. What is a token, and of which type, is read from the spec:
// - a JWT bearer scheme (`bearerFormat: JWT`) must carry a token of the type it states
//   (`x-token-type`), else of the type its documented example (`x-example`) has;
// - a form field whose schema is a JWT (`contentMediaType: application/jwt`) must carry a token of
//   the type its `contentSchema` fixes (the model's `FieldModel.tokenType`), e.g. a refresh token.
import {
  decodeJwtParts,
  type OperationModel,
  schemaFacts,
  verifyExampleJwt,
} from "@klearstack/spec";

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
        ? { tokenType: scheme.tokenType ?? exampleTokenType(scheme.example) }
        : undefined,
    tokenFields: operation.fields.flatMap((field) =>
      schemaFacts(field.schema).contentMediaType === "application/jwt"
        ? [{ name: field.name, tokenType: field.tokenType }]
        : [],
    ),
  };
}

function exampleTokenType(example: string | undefined): string | undefined {
  if (example === undefined) return undefined;
  try {
    const type = (decodeJwtParts(example).claims as Record<string, unknown>).token_type;
    return typeof type === "string" ? type : undefined;
  } catch {
    return undefined;
  }
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
