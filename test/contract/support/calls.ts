// Calling every operation of the model through @klearstack/client against the real mock: a
// bearer-protected one first gets its token (and any token field, like the refresh token) from a
// real login, as an integrator's code would.
import type { OperationModel } from "@klearstack/spec";
import {
  inputFor,
  logins,
  methodOf,
  type Tokens,
  tokensOf,
} from "../../../packages/client/test/support/fixtures.ts";

/** A fresh token pair from the mock, through the client's first login call. */
export async function loginTokens(client: object): Promise<Tokens> {
  const [login] = logins;
  if (!login) throw new Error("the spec has no login call");
  return tokensOf(login, await methodOf(client, login)(login.exampleInput));
}

/** `op`'s fields and call options, with real tokens where it needs them. */
export async function argumentsFor(
  client: object,
  op: OperationModel,
): Promise<[Record<string, unknown>, Record<string, unknown>]> {
  const needsTokens = op.bearer || op.fields.some((field) => field.tokenType);
  const tokens = needsTokens ? await loginTokens(client) : {};
  return [inputFor(op, tokens), op.bearer ? { accessToken: tokens.access } : {}];
}
