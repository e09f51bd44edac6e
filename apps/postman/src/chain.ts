// Chaining in the collection: the model's token chain (`model.chain`: which operation issues which
// token type, which bearer scheme and request field takes which, a run order) mapped onto the
// collection variables that carry the tokens from one request to the next.
import type { ApiModel, FieldModel, OperationModel, SecuritySchemeModel } from "@klearstack/spec";

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

/** The collection's chain; throws when a top-to-bottom run cannot feed every operation. */
export function chainOf(model: ApiModel): Chain {
  const { chain } = model;
  if (chain.unmet.length > 0) {
    const stuck = chain.unmet.map(({ op, why }) => `${op.operationId} (${why})`);
    throw new Error(`no run order issues every token before it is needed: ${stuck.join("; ")}`);
  }
  const use = (tokenType: string): TokenUse => ({ tokenType, variable: tokenVariable(tokenType) });
  return {
    order: chain.order,
    issued: (op) => chain.issued(op).map((t) => ({ ...t, variable: tokenVariable(t.tokenType) })),
    bearer: (scheme) => {
      const tokenType = chain.bearerTokenType(scheme);
      if (!tokenType) throw new Error(`cannot tell which issued token ${scheme.name} takes`);
      return use(tokenType);
    },
    field: (field) => {
      const tokenType = chain.fieldTokenType(field);
      return tokenType ? use(tokenType) : undefined;
    },
    variables: chain.tokenTypes.map(tokenVariable),
  };
}
