// Chaining, derived from the model rather than from operation names: operations that return tokens
// feed the ones that need them. A token is kept by its type (the `token_type` its decoded schema
// fixes); a JWT-typed request field takes the token of its type, and the bearer scheme takes the
// token type the API hands out that no request field takes back.
import { type ApiModel, type FieldModel, type OperationModel, schemaFacts } from "@klearstack/spec";

/** Whether a field takes a JWT (a token from the chain, never a documented example). */
export const isTokenField = (field: FieldModel): boolean =>
  schemaFacts(field.schema).contentMediaType === "application/jwt";

/**
 * The token type a bearer scheme takes. The spec says `bearerFormat: JWT`, not which of the issued
 * tokens; the credential is the type the API issues and no request field consumes (a refresh token
 * goes back in a form field, the access token in the header). Undefined when that is not exactly
 * one type: then bearer operations need a token from the user.
 */
export function bearerTokenType(model: ApiModel): string | undefined {
  const issued = new Set<string>();
  const consumed = new Set<string>();
  for (const op of model) {
    for (const token of op.success?.body?.tokens ?? []) {
      if (token.tokenType) issued.add(token.tokenType);
    }
    for (const field of op.fields) {
      if (field.tokenType) consumed.add(field.tokenType);
    }
  }
  const candidates = [...issued].filter((type) => !consumed.has(type));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The latest token of each type that a passing answer carried. */
export class TokenStore {
  readonly #tokens = new Map<string, string>();

  put(tokenType: string, token: string): void {
    this.#tokens.set(tokenType, token);
  }

  get(tokenType: string | undefined): string | undefined {
    return tokenType === undefined ? undefined : this.#tokens.get(tokenType);
  }
}

type Readiness<V> = { ok: true; valid: V } | { ok: false; why: string };

/**
 * Visits every operation in chain order: at each step, of the operations whose inputs can be met
 * now, the one needing the fewest tokens (then the first in the spec) goes next, so the logins run
 * before the calls that need their tokens. Returns the operations that never became ready, with
 * why.
 */
export async function inChainOrder<V>(
  model: ApiModel,
  resolve: (op: OperationModel) => Readiness<V>,
  visit: (op: OperationModel, valid: V) => Promise<void>,
): Promise<{ op: OperationModel; why: string }[]> {
  const needs = (op: OperationModel) =>
    (op.bearer ? 1 : 0) + op.fields.filter((f) => isTokenField(f)).length;
  let pending = [...model.operations];
  while (pending.length > 0) {
    const ready = pending
      .map((op) => ({ op, resolved: resolve(op) }))
      .filter((candidate) => candidate.resolved.ok)
      .sort((a, b) => needs(a.op) - needs(b.op));
    const next = ready[0];
    if (!next?.resolved.ok) break;
    pending = pending.filter((op) => op !== next.op);
    await visit(next.op, next.resolved.valid);
  }
  return pending.map((op) => {
    const resolved = resolve(op);
    return { op, why: resolved.ok ? "" : resolved.why };
  });
}
