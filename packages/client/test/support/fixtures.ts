// Test data read from the spec through @klearstack/spec's operation model, so no test restates a
// path, a field, an example value or an error text, and every test can iterate every operation.
// Only tests, scripts and the bench read the spec: runtime code knows it through src/generated/.
// The client's tests and the cross tests that drive the client (test/contract) share it.
import {
  type ApiModel,
  encodeFormValue,
  type FieldModel,
  type FormEntry,
  loadApiModel,
  type OperationModel,
} from "@klearstack/spec";
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

/** The spec's example request of `op` as form text: one string per field a form sends as one. */
export const exampleFields = (op: OperationModel): Record<string, string> => op.exampleFields;
/** The client's typed input from the documented examples (a number for an integer, an array…). */
export const exampleInput = (op: OperationModel): Record<string, unknown> => op.exampleInput;

/** The fields of `op` that take any text (the model's `freeText`): arbitrary text belongs only there. */
export const freeTextFields = (op: OperationModel): FieldModel[] =>
  op.fields.filter((f) => f.freeText);

/** What a form of `mediaType` carries for `input`, in the spec's order (the model's encoding). */
export const formEntriesOf = (
  op: OperationModel,
  input: Record<string, unknown>,
  mediaType: string,
): FormEntry[] => op.fields.flatMap((f) => encodeFormValue(f, input[f.name] as never, mediaType));

/** A form's entries with each file as "(file)": what a form carried, comparable as text. */
export const asText = (entries: Iterable<[string, FormDataEntryValue | Blob]>): string[][] =>
  [...entries].map(([name, value]) => [name, typeof value === "string" ? value : "(file)"]);

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
export const loginsOf = (m: ApiModel): OperationModel[] =>
  m.operations.filter((op) => !op.bearer && (op.success?.body?.tokens.length ?? 0) >= 2);

/** The product spec's logins. */
export const logins = loginsOf(model);

/** Every documented 500 text of `op`, with the field it names. */
export const documentedMissing = (op: OperationModel) => op.missingParameters;

/** Every token (JWT) in the spec's 200 examples. */
export const exampleTokens: string[] = operations.flatMap((op) =>
  (op.success?.body?.tokens ?? []).map((token) => String(example200(op)[token.name])),
);

/** Tokens by type ("access", "refresh"), as a login answered them. */
export type Tokens = Record<string, string>;

/** The tokens in `op`'s answer `body`, by type. */
export function tokensOf(op: OperationModel, body: unknown): Tokens {
  const record = body as Record<string, string>;
  return Object.fromEntries(
    (op.success?.body?.tokens ?? []).map((token) => [token.tokenType, record[token.name] ?? ""]),
  );
}

/** `op`'s typed example input, each field that carries a token holding the token of its type. */
export function inputFor(op: OperationModel, tokens: Tokens): Record<string, unknown> {
  const input = { ...op.exampleInput };
  for (const field of op.fields) {
    const token = field.tokenType && tokens[field.tokenType];
    if (token) input[field.name] = token;
  }
  return input;
}

type AnyMethod = (fields: unknown, options?: Record<string, unknown>) => Promise<unknown>;

/** The client's method for `op` (by operationId). */
export function methodOf(client: object, op: OperationModel): AnyMethod {
  const method = (client as Record<string, AnyMethod>)[op.operationId];
  if (!method) throw new Error(`the client has no method ${op.operationId}: regenerate it`);
  return method;
}

/**
 * Calls `op` on `client` by its operationId, with the spec's example fields and the options it
 * needs unless given: how a test says "every operation" without naming one.
 */
export function callOperation(
  client: object,
  op: OperationModel,
  fields: unknown = exampleInput(op),
  options: Record<string, unknown> = {},
): Promise<unknown> {
  return methodOf(client, op)(fields, { ...callOptions(op), ...options });
}
