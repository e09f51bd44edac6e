// A case as the request on the wire: its references filled from the chain and the user's values,
// its bearer credential derived from the valid one as the case says (tampered, unsigned, …).
import type { OperationModel } from "@klearstack/spec";
import { type ValidInputs, wireFields } from "../checks.ts";
import type { WireRequest, WireValue } from "../send.ts";
import type { AuthCase, FuzzCase } from "./cases.ts";

/** The case as a request, its references filled from the chain and the user's values. */
export function wireRequest(
  op: OperationModel,
  fuzzCase: FuzzCase,
  valid: ValidInputs,
  tokenOfType: (tokenType: string) => string | undefined,
): WireRequest {
  // A name the case repeats (an array field's items) is sent once per value.
  // A secret or token is the valid request's (a text), encoded as the fixed checks encode it.
  const reference = (name: string) => {
    const value = valid.fields[name];
    if (value === undefined) return undefined;
    return wireFields(op, { [name]: value }, fuzzCase.mediaType)[name];
  };
  const fields: Record<string, WireValue | WireValue[]> = {};
  for (const [name, value] of fuzzCase.fields) {
    const sent =
      value.kind === "literal"
        ? value.value
        : value.kind === "file"
          ? new Blob([Uint8Array.from(value.bytes)], { type: value.type })
          : reference(name);
    if (sent === undefined) continue;
    const known = fields[name];
    fields[name] = known === undefined ? sent : [known, sent].flat();
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
