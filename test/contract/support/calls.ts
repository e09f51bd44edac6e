// Calling every operation of the model through @klearstack/client against the real mock: a
// bearer-protected one first gets its token (and any token field, like the refresh token) from a
// real login, as an integrator's code would.
import type { OperationModel } from "@klearstack/spec";
import { fieldTokenType, inputFor, logins, type Tokens, tokensOf } from "./spec.ts";

type AnyMethod = (fields: unknown, options?: Record<string, unknown>) => Promise<unknown>;

/** The client's method for `op` (by operationId). */
export function methodOf(client: object, op: OperationModel): AnyMethod {
  const method = (client as Record<string, AnyMethod>)[op.operationId];
  if (!method) throw new Error(`@klearstack/client has no method ${op.operationId}: rebuild it`);
  return method;
}

/** A fresh token pair from the mock, through the client's first login call. */
export async function loginTokens(client: object): Promise<Tokens> {
  const [login] = logins;
  if (!login) throw new Error("the spec has no login call");
  return tokensOf(login, await methodOf(client, login)(login.exampleFields));
}

/** `op`'s fields and call options, with real tokens where it needs them. */
export async function argumentsFor(
  client: object,
  op: OperationModel,
): Promise<[Record<string, string>, Record<string, unknown>]> {
  const needsTokens = op.bearer || op.fields.some((field) => fieldTokenType(field));
  const tokens = needsTokens ? await loginTokens(client) : {};
  return [inputFor(op, tokens), op.bearer ? { accessToken: tokens.access } : {}];
}
