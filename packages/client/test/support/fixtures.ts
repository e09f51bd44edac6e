// Test data read from the spec through @klearstack/spec's operation model, so no test restates a
// path, a field, an example value or an error text, and every test can iterate every operation.
// Only tests, scripts and the bench read the spec: runtime code knows it through src/generated/.
import { loadApiModel, type OperationModel } from "@klearstack/spec";
import { type OperationId, operationTable } from "../../src/index.ts";

export const model = await loadApiModel();
export const operations = model.operations;

for (const op of operations) {
  if (!Object.hasOwn(operationTable, op.operationId)) {
    throw new Error(`src/generated is stale: no ${op.operationId}. Run npm run generate`);
  }
}

/** The operationId as the client's method name (the generated table has every one, checked above). */
export const idOf = (op: OperationModel) => op.operationId as OperationId;

/** The spec's example request of `op`: one value per field. */
export const exampleFields = (op: OperationModel): Record<string, string> => op.exampleFields;

/** The spec's documented 200 body of `op`. */
export function example200(op: OperationModel): Record<string, unknown> {
  const value = op.success?.body?.examples[0]?.value;
  if (!value) throw new Error(`${op.operationId} documents no 200 example`);
  return value as Record<string, unknown>;
}

/** The call options `op` needs: the spec's example bearer token where its security asks for one. */
export function callOptions(op: OperationModel): { accessToken?: string } {
  return op.bearer ? { accessToken: exampleBearer } : {};
}

/** The spec's example access token (expired in 2022: fine where nothing checks it). */
export const exampleBearer = String(
  operations.find((op) => op.bearer?.example)?.bearer?.example ?? "",
);

/** A login: no bearer, answers both an access and a refresh token (the session's first call). */
export const logins = operations.filter(
  (op) => !op.bearer && (op.success?.body?.tokens.length ?? 0) >= 2,
);

/** Every documented 500 text of `op`, with the field it names. */
export const documentedMissing = (op: OperationModel) => op.missingParameters;

/** Every token (JWT) in the spec's 200 examples. */
export const exampleTokens: string[] = operations.flatMap((op) =>
  (op.success?.body?.tokens ?? []).map((token) => String(example200(op)[token.name])),
);

type AnyMethod = (fields: unknown, options?: Record<string, unknown>) => Promise<unknown>;

/**
 * Calls `op` on `client` by its operationId, with the spec's example fields and the options it
 * needs unless given: how a test says "every operation" without naming one.
 */
export function callOperation(
  client: object,
  op: OperationModel,
  fields: unknown = exampleFields(op),
  options: Record<string, unknown> = {},
): Promise<unknown> {
  const method = (client as Record<string, AnyMethod>)[op.operationId];
  if (!method) throw new Error(`the client has no method ${op.operationId}`);
  return method(fields, { ...callOptions(op), ...options });
}
