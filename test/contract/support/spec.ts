// What the spec documents, through @klearstack/spec's operation model (never restated), and an Ajv
// 2020-12 check of a response body against the spec's own schema for that operation and status.
import {
  createSpecValidator,
  type FieldModel,
  type JsonSchema,
  loadApiModel,
  type OperationModel,
  schemaFacts,
} from "@klearstack/spec";

export const model = await loadApiModel();
export const operations = model.operations;
const validate = createSpecValidator(model);

/** Ajv's complaints about `body` as `op`'s `status` answer in `mediaType`; [] when it is valid. */
export function responseErrors(
  op: OperationModel,
  status: number,
  mediaType: string,
  body: unknown,
): string[] {
  const content = op.response(status)?.contents.find((c) => c.mediaType === mediaType);
  if (!content) return [`${op.operationId} documents no ${status} ${mediaType} answer`];
  return validate(content.schemaPointer, body);
}

/** A login: needs no bearer token and answers both an access and a refresh token. */
export const logins = operations.filter(
  (op) => !op.bearer && (op.success?.body?.tokens.length ?? 0) >= 2,
);

/** The token type a request field carries (its JWT schema's `token_type` const), if any. */
export function fieldTokenType(field: FieldModel): string | undefined {
  const decoded = schemaFacts(field.schema).contentSchema as JsonSchema | undefined;
  const claims = schemaFacts(schemaFacts(decoded ?? {}).properties?.claims ?? {});
  return (claims.properties?.token_type as JsonSchema | undefined)?.const as string | undefined;
}

/** Tokens by type (access, refresh), as a login answered them. */
export type Tokens = Record<string, string>;

/** `op`'s example fields, each token-carrying field filled with the matching token of `tokens`. */
export function inputFor(op: OperationModel, tokens: Tokens): Record<string, string> {
  const input = { ...op.exampleFields };
  for (const field of op.fields) {
    const tokenType = fieldTokenType(field);
    if (tokenType && tokens[tokenType]) input[field.name] = tokens[tokenType];
  }
  return input;
}

/** The tokens in `op`'s answer `body`, by type. */
export function tokensOf(op: OperationModel, body: unknown): Tokens {
  const record = body as Record<string, string>;
  return Object.fromEntries(
    (op.success?.body?.tokens ?? []).map((token) => [token.tokenType, record[token.name] ?? ""]),
  );
}
