// The requests every bench and soak run sends: one valid request per operation of the spec, in the
// model's order, each built from the spec's field examples. Credentials (the bearer token, token
// fields) come from a login call to the server under test, as a client would get them.
import { loadApiModel } from "@klearstack/spec";
import { credentialRules } from "../src/credentials.ts";

export const model = await loadApiModel();
const contentType = "application/x-www-form-urlencoded";

export interface BenchRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** What a client calls first: an operation that hands out tokens without credentials. */
const login = model.operations.find(
  (op) => op.security.length === 0 && (op.success?.body?.tokens.length ?? 0) > 0,
);
if (!login) throw new Error("the spec has no operation that hands out tokens without credentials");

export const loginRequest: BenchRequest = {
  method: login.method.toUpperCase(),
  path: login.path,
  headers: { "content-type": contentType },
  body: new URLSearchParams(login.exampleFields).toString(),
};

/** One request per operation, with credentials from a login against `baseUrl`. */
export async function requestsFor(baseUrl: string): Promise<BenchRequest[]> {
  const { path, ...init } = loginRequest;
  const res = await fetch(`${baseUrl}${path}`, init);
  if (!res.ok) throw new Error(`the login answered ${res.status}`);
  const body = (await res.json()) as Record<string, string>;
  const tokens = new Map(
    (login?.success?.body?.tokens ?? []).map((t) => [t.tokenType, body[t.name] ?? ""]),
  );
  return model.operations.map((op) => {
    const rules = credentialRules(op);
    const fields = { ...op.exampleFields };
    for (const { name, tokenType } of rules.tokenFields) fields[name] = tokens.get(tokenType) ?? "";
    const headers: Record<string, string> = { "content-type": contentType };
    if (rules.bearer) headers.authorization = `Bearer ${tokens.get(rules.bearer.tokenType)}`;
    return {
      method: op.method.toUpperCase(),
      path: op.path,
      headers,
      body: new URLSearchParams(fields).toString(),
    };
  });
}
