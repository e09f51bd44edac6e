// A case as the request on the wire: its references filled from the chain and the user's values,
// its bearer credential derived from the valid one as the case says (tampered, unsigned, …).
import type { OperationModel } from "@klearstack/spec";
import type { ValidInputs } from "../checks.ts";
import type { WireRequest } from "../send.ts";
import type { AuthCase, FuzzCase } from "./cases.ts";

/** The case as a request, its references filled from the chain and the user's values. */
export function wireRequest(
  op: OperationModel,
  fuzzCase: FuzzCase,
  valid: ValidInputs,
  tokenOfType: (tokenType: string) => string | undefined,
): WireRequest {
  // A name the case repeats (an array field's items) is sent once per value.
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of fuzzCase.fields) {
    const text = value.kind === "literal" ? value.value : valid.fields[name];
    if (text === undefined) continue;
    const known = fields[name];
    fields[name] = known === undefined ? text : [known, text].flat();
  }
  return {
    method: fuzzCase.method,
    path: op.path,
    mediaType: fuzzCase.mediaType,
    fields,
    bearer: bearerOf(fuzzCase.auth, valid.bearer, tokenOfType),
    ...(fuzzCase.contentType ? { contentType: fuzzCase.contentType } : {}),
  };
}

function bearerOf(
  auth: AuthCase,
  token: string | undefined,
  tokenOfType: (tokenType: string) => string | undefined,
): string | undefined {
  switch (auth.kind) {
    case "valid":
      return token;
    case "none":
      return undefined;
    case "tampered":
      return `${token ?? ""}${auth.suffix}`;
    case "unsigned":
      return `${(token ?? "").replace(/\.[^.]*$/, "")}.`;
    case "other-token":
      return tokenOfType(auth.tokenType) ?? "";
    case "empty":
      return "";
  }
}
