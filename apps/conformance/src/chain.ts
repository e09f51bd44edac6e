// Chaining during a run: the model's token chain (`model.chain`: who issues which token type, who
// takes it back, the bearer's type) decides what each operation needs; this keeps the tokens a run
// has received and visits the operations as their inputs become available.
import type { ApiModel, OperationModel } from "@klearstack/spec";

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
 * now (the user's values count, so this is decided as the run goes), the one needing the fewest
 * tokens (then the first in the spec) goes next, so the logins run before the calls that need
 * their tokens. Returns the operations that never became ready, with why.
 */
export async function inChainOrder<V>(
  model: ApiModel,
  resolve: (op: OperationModel) => Readiness<V>,
  visit: (op: OperationModel, valid: V) => Promise<void>,
): Promise<{ op: OperationModel; why: string }[]> {
  const needs = (op: OperationModel) => (op.bearer ? 1 : 0) + op.fields.filter((f) => f.jwt).length;
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
