// Chaining, read from the operation model (never from operation or field names): which operation
// issues which type of token, where the collection keeps it, which bearer scheme takes which token,
// which request fields are filled from a stored token, and an order in which every operation runs
// after the operations whose tokens it needs, so a top-to-bottom run works.
import {
  type ApiModel,
  decodeJwtParts,
  type FieldModel,
  type OperationModel,
  type SecuritySchemeModel,
} from "@klearstack/spec";

/** The collection variable that holds the last issued token of a type ("access" → accessToken). */
export const tokenVariable = (tokenType: string): string => `${tokenType}Token`;

/** A token sent in a request: as the bearer credential, or in a form field. */
export interface TokenUse {
  tokenType: string;
  variable: string;
}

export interface Chain {
  /** Operations in run order: every one after the operations that issue the tokens it needs. */
  order: OperationModel[];
  /** Token types each operation's success body issues, by token field name. */
  issued(op: OperationModel): { field: string; tokenType: string; variable: string }[];
  /** The stored token a bearer scheme sends. */
  bearer(scheme: SecuritySchemeModel): TokenUse;
  /** The stored token a request field sends, when the field is a token someone issues. */
  field(field: FieldModel): TokenUse | undefined;
  /** Every token variable the collection keeps, in first-issued order. */
  variables: string[];
}

/** The token type a bearer scheme's documented example credential (`x-example`) carries. */
function exampleTokenType(scheme: SecuritySchemeModel): string | undefined {
  if (!scheme.example) return undefined;
  try {
    const claims = decodeJwtParts(scheme.example).claims as { token_type?: unknown } | null;
    return typeof claims?.token_type === "string" ? claims.token_type : undefined;
  } catch {
    return undefined;
  }
}

export function chainOf(model: ApiModel): Chain {
  const issuedBy = new Map<OperationModel, { field: string; tokenType: string }[]>();
  const issuedTypes: string[] = [];
  for (const op of model) {
    const tokens = (op.success?.body?.tokens ?? []).flatMap((t) =>
      t.tokenType ? [{ field: t.name, tokenType: t.tokenType }] : [],
    );
    issuedBy.set(op, tokens);
    for (const { tokenType } of tokens)
      if (!issuedTypes.includes(tokenType)) issuedTypes.push(tokenType);
  }
  const fieldType = (field: FieldModel) => {
    const { tokenType } = field;
    return tokenType && issuedTypes.includes(tokenType) ? tokenType : undefined;
  };
  const fieldTypes = new Set(
    model.operations.flatMap((op) => op.fields.flatMap((f) => fieldType(f) ?? [])),
  );

  const bearerType = (scheme: SecuritySchemeModel): string => {
    const documented = scheme.tokenType ?? exampleTokenType(scheme);
    if (documented && issuedTypes.includes(documented)) return documented;
    // Without a documented example: the one issued token that no request field takes.
    const candidates = issuedTypes.filter((type) => !fieldTypes.has(type));
    if (candidates.length === 1 && candidates[0]) return candidates[0];
    throw new Error(
      `cannot tell which issued token the bearer scheme ${scheme.name} takes: document an ` +
        `x-token-type (or an x-example credential) naming one of [${issuedTypes.join(", ")}]`,
    );
  };

  const use = (tokenType: string): TokenUse => ({ tokenType, variable: tokenVariable(tokenType) });
  const needs = (op: OperationModel) => [
    ...(op.bearer ? [bearerType(op.bearer)] : []),
    ...op.fields.flatMap((f) => fieldType(f) ?? []),
  ];

  // Spec order, except that an operation waits for the operations issuing what it needs.
  const order: OperationModel[] = [];
  const available = new Set<string>();
  const pending = [...model.operations];
  while (pending.length > 0) {
    const next = pending.findIndex((op) => needs(op).every((type) => available.has(type)));
    if (next < 0) {
      const stuck = pending.map((op) => `${op.operationId} (needs ${needs(op).join(", ")})`);
      throw new Error(`no run order issues every token before it is needed: ${stuck.join("; ")}`);
    }
    const [op] = pending.splice(next, 1) as [OperationModel];
    order.push(op);
    for (const { tokenType } of issuedBy.get(op) ?? []) available.add(tokenType);
  }

  return {
    order,
    issued: (op) =>
      (issuedBy.get(op) ?? []).map((t) => ({ ...t, variable: tokenVariable(t.tokenType) })),
    bearer: (scheme) => use(bearerType(scheme)),
    field: (field) => {
      const tokenType = fieldType(field);
      return tokenType ? use(tokenType) : undefined;
    },
    variables: issuedTypes.map(tokenVariable),
  };
}
