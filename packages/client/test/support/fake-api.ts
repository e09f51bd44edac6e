// An in-memory KlearStack for session tests: answers every operation of the model by its path,
// issues tokens whose claims say when they expire (on the server's clock, which may be skewed),
// and, like the real API, refuses a bearer call whose access token is unknown or expired and a
// refresh token that is. Unit tests only: the contract tests use the real mock.
import type { OperationModel } from "@klearstack/spec";
import type { Fetch } from "../../src/index.ts";
import { fakeFetch, json } from "./fake-fetch.ts";
import { example200, exampleFields, operations } from "./fixtures.ts";

export interface FakeApiOptions {
  /** Seconds an access token lives (default: the spec's 900). */
  accessTtl?: number;
  refreshTtl?: number;
  /** Seconds the server's clock is ahead of ours (negative: behind). */
  serverAhead?: number;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const header = b64url({ typ: "JWT", alg: "HS256" });

export function fakeApi({
  accessTtl = 900,
  refreshTtl = 86_400,
  serverAhead = 0,
}: FakeApiOptions = {}) {
  /** The operationId of every request, in order. */
  const calls: string[] = [];
  /** Each request's form fields and Authorization header, in order. */
  const received: {
    operationId: string;
    fields: Record<string, string>;
    authorization: string | null;
  }[] = [];
  /** The tokens of each answer, by token type, in order. */
  const answers: { operationId: string; tokens: Record<string, string> }[] = [];
  const expiry = new Map<string, { exp: number; type: string }>();
  const refused = new Set<string>();
  let issued = 0;
  const serverNow = () => Math.floor(Date.now() / 1000) + serverAhead;
  const sign = (type: string) => {
    const iat = serverNow();
    const exp = iat + (type === "access" ? accessTtl : refreshTtl);
    issued++;
    const token = `${header}.${b64url({ token_type: type, exp, iat, jti: issued.toString(16).padStart(32, "0"), user_id: 26 })}.sig${issued}`;
    expiry.set(token, { exp, type });
    return token;
  };
  const valid = (token: string | undefined, type: string) => {
    const known = token ? expiry.get(token) : undefined;
    return !!token && !refused.has(token) && known?.type === type && serverNow() < known.exp;
  };

  const transport = fakeFetch(async (request) => {
    const op = operations.find((o) => new URL(request.url).pathname === o.path) as
      | OperationModel
      | undefined;
    if (!op) return new Response("not found", { status: 404 });
    const fields = Object.fromEntries(await request.formData()) as Record<string, string>;
    const authorization = request.headers.get("authorization");
    calls.push(op.operationId);
    received.push({ operationId: op.operationId, fields, authorization });
    if (op.bearer && !valid(authorization?.replace(/^Bearer /, ""), "access")) {
      return new Response(null, { status: 401 });
    }
    for (const field of op.fields) {
      const tokenType = field.tokenType;
      if (tokenType && !valid(fields[field.name], tokenType))
        return new Response(null, { status: 401 });
    }
    const body = { ...example200(op) };
    const tokens: Record<string, string> = {};
    for (const { name, tokenType = "" } of op.success?.body?.tokens ?? []) {
      body[name] = tokens[tokenType] = sign(tokenType);
    }
    answers.push({ operationId: op.operationId, tokens });
    return json(body);
  });

  return {
    fetch: transport.fetch as Fetch,
    calls,
    received,
    answers,
    /** The API stops accepting this token (revoked). */
    revoke: (token: string) => refused.add(token),
    count: (operationId: string) => calls.filter((id) => id === operationId).length,
  };
}

/** The spec's login calls and their example fields, as the session's `login` option. */
export const loginOptions = (op: OperationModel) =>
  ({ operationId: op.operationId, fields: exampleFields(op) }) as never;

/** The refresh call: bearer-protected, takes a refresh token, answers an access token. */
export const refreshOperation = operations.find(
  (op) => op.bearer && op.fields.some((field) => field.tokenType === "refresh"),
) as OperationModel;
/** The field of the refresh call that carries the refresh token. */
export const refreshTokenField = refreshOperation.fields.find((f) => f.tokenType === "refresh")
  ?.name as string;
