// The token chain, derived from the spec alone (never from operation or field names): which
// operations issue which token types (the `token_type` a JWT's decoded schema fixes), which take
// one back as a form field or as their bearer credential, and an order in which every operation
// runs after the operations issuing what it needs. Every workspace that chains calls (the mock's
// token checks, the client's table, the docs console, Postman, conformance) reads this one copy.
import { decodeJwtParts } from "./jwt.ts";
import type { ApiModel, FieldModel, OperationModel, SecuritySchemeModel } from "./model.ts";

export interface IssuedToken {
  /** The success body's property that holds it, e.g. "access_token". */
  field: string;
  tokenType: string;
}

export interface TokenChain {
  /** Every token type some operation issues, in first-issued (spec) order. */
  tokenTypes: string[];
  /** The typed tokens an operation's success body carries. */
  issued(op: OperationModel): IssuedToken[];
  /**
   * The token type a bearer scheme takes: its `x-token-type`, else the `token_type` of its
   * documented example (`x-example`), else the one issued type that no request field takes back.
   * Undefined when none of these tells: then the user must supply the credential.
   */
  bearerTokenType(scheme: SecuritySchemeModel): string | undefined;
  /** The token type a request field takes from the chain (a JWT field of an issued type). */
  fieldTokenType(field: FieldModel): string | undefined;
  /** The token types an operation needs before it can run: its bearer's, then its fields'. */
  needs(op: OperationModel): string[];
  /** The operations that issue tokens and need none: where a chain starts. */
  logins: OperationModel[];
  /**
   * Every operation the chain can run, in spec order except that each waits for the operations
   * issuing what it needs.
   */
  order: OperationModel[];
  /** Operations the chain cannot feed (a need nobody issues, or a bearer of unknown type). */
  unmet: { op: OperationModel; why: string }[];
}

/** The `token_type` claim of a documented example credential, when it decodes to one. */
function exampleTokenType(example: string | undefined): string | undefined {
  if (!example) return undefined;
  try {
    const claims = decodeJwtParts(example).claims as { token_type?: unknown } | null;
    return typeof claims?.token_type === "string" ? claims.token_type : undefined;
  } catch {
    return undefined;
  }
}

export function tokenChain(model: Pick<ApiModel, "operations">): TokenChain {
  const operations = model.operations;
  const issuedBy = new Map<OperationModel, IssuedToken[]>();
  const tokenTypes: string[] = [];
  for (const op of operations) {
    const tokens = (op.success?.body?.tokens ?? []).flatMap((t) =>
      t.tokenType ? [{ field: t.name, tokenType: t.tokenType }] : [],
    );
    issuedBy.set(op, tokens);
    for (const { tokenType } of tokens) {
      if (!tokenTypes.includes(tokenType)) tokenTypes.push(tokenType);
    }
  }
  const fieldTokenType = (field: FieldModel) =>
    field.tokenType && tokenTypes.includes(field.tokenType) ? field.tokenType : undefined;
  const takenBack = new Set(operations.flatMap((op) => op.fields.flatMap(fieldTokenType)));
  const notTakenBack = tokenTypes.filter((type) => !takenBack.has(type));
  const bearerTokenType = (scheme: SecuritySchemeModel) =>
    scheme.tokenType ??
    exampleTokenType(scheme.example) ??
    (notTakenBack.length === 1 ? notTakenBack[0] : undefined);

  const needs = (op: OperationModel) => [
    ...(op.bearer ? [bearerTokenType(op.bearer) ?? "?"] : []),
    ...op.fields.flatMap((f) => fieldTokenType(f) ?? []),
  ];

  const order: OperationModel[] = [];
  const available = new Set<string>();
  const pending = [...operations];
  for (;;) {
    const next = pending.findIndex((op) => needs(op).every((type) => available.has(type)));
    if (next < 0) break;
    const [op] = pending.splice(next, 1) as [OperationModel];
    order.push(op);
    for (const { tokenType } of issuedBy.get(op) ?? []) available.add(tokenType);
  }
  const unmet = pending.map((op) => {
    const bearer = op.bearer && bearerTokenType(op.bearer);
    const why =
      op.bearer && !bearer
        ? `cannot tell which issued token its bearer scheme ${op.bearer.name} takes: document an x-token-type naming one of [${tokenTypes.join(", ")}]`
        : `needs ${needs(op)
            .filter((t) => !available.has(t))
            .join(", ")} token(s) that no operation issues`;
    return { op, why };
  });

  return {
    tokenTypes,
    issued: (op) => issuedBy.get(op) ?? [],
    bearerTokenType: (scheme) => bearerTokenType(scheme),
    fieldTokenType,
    needs: (op) => needs(op).filter((t) => t !== "?"),
    logins: operations.filter(
      (op) => (issuedBy.get(op) ?? []).length > 0 && needs(op).length === 0,
    ),
    order,
    unmet,
  };
}
