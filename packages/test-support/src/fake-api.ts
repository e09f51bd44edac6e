// A fake KlearStack in memory, for unit tests of code that calls the API (the client's session,
// the conformance runner and fuzzer): it answers every operation of the model as the spec
// documents (405 for another method, 415 for another media type, the documented 500 text for a
// missing parameter, 401 for a refused credential, the success example with tokens), and records
// what it was sent. Contract tests use the real mock instead.
import {
  type ApiModel,
  type OperationModel,
  signExampleJwt,
  verifyExampleJwt,
} from "@klearstack/spec";

export interface FakeApiOptions {
  /**
   * How credentials (the bearer token and token fields) are judged:
   * "issued" — only tokens this fake issued, of the right type, unexpired on its clock, not
   *   revoked, as bearer and in token fields (the real API, for session tests);
   * "signed" — a bearer token signed with the example key, of the right type, unexpired;
   * "present" — a bearer header is there; "ignored" — never refused (a server that forgot to check).
   */
  credentials?: "issued" | "signed" | "present" | "ignored";
  /** What the success answers carry in their token fields: fresh tokens, the spec's examples, or a non-token. */
  tokens?: "fresh" | "example" | "none";
  /** Token lifetimes in seconds, by token type (default: the spec's documented default). */
  ttl?: Record<string, number>;
  /** Seconds the server's clock is ahead of ours (negative: behind). */
  serverAhead?: number;
}

export interface Received {
  operationId: string;
  fields: Record<string, string>;
  authorization: string | null;
}

export function fakeApi(model: ApiModel, options: FakeApiOptions = {}) {
  const { credentials = "issued", tokens = "fresh", ttl = {}, serverAhead = 0 } = options;
  /** Each request the API recognised, in order. */
  const received: Received[] = [];
  /** The tokens of each success answer, by token type, in order. */
  const answers: { operationId: string; tokens: Record<string, string> }[] = [];
  /** Every token handed out, to look for in output that must not carry one. */
  const issued: string[] = [];
  const expiry = new Map<string, { exp: number; type: string }>();
  const revoked = new Set<string>();
  const serverNow = () => Math.floor(Date.now() / 1000) + serverAhead;

  const lifetime = (op: OperationModel, type: string) =>
    ttl[type] ??
    op.success?.body?.tokens.find((t) => t.tokenType === type)?.lifetime?.default ??
    (type === "access" ? 900 : 86_400);
  const sign = (op: OperationModel, type: string) => {
    const iat = serverNow();
    const exp = iat + lifetime(op, type);
    const jti = (issued.length + 1).toString(16).padStart(32, "0");
    const token = signExampleJwt({ token_type: type, iat, exp, jti, user_id: 26 });
    issued.push(token);
    expiry.set(token, { exp, type });
    return token;
  };
  const accepted = (token: string | undefined, type: string | undefined) => {
    if (credentials === "ignored") return true;
    if (!token || revoked.has(token)) return false;
    if (credentials === "present") return true;
    if (credentials === "signed") return verifyExampleJwt(token, { tokenType: type }).ok;
    const known = expiry.get(token);
    return !!known && known.type === type && serverNow() < known.exp;
  };

  async function answer(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    const atPath = model.operations.filter((o) => o.path === path);
    if (!atPath.length) return new Response("Not Found", { status: 404 });
    const op = atPath.find((o) => o.method.toUpperCase() === request.method);
    if (!op) return new Response("Method Not Allowed", { status: 405 });
    const mediaType = (request.headers.get("content-type") ?? "").split(";")[0] ?? "";
    if (request.body && !op.request?.mediaTypes.includes(mediaType))
      return new Response("Unsupported Media Type", { status: 415 });
    const fields: Record<string, string> = {};
    try {
      if (request.body)
        for (const [name, value] of await request.formData()) fields[name] = String(value);
    } catch {
      // a body its media type cannot parse: no fields, so the documented 500 answers it
    }
    const authorization = request.headers.get("authorization");
    received.push({ operationId: op.operationId, fields, authorization });

    const bearer = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
    if (op.bearer && !accepted(bearer, op.bearer.tokenType))
      return new Response(null, { status: 401 });
    const missing = op.missingParameters.find((m) => !fields[m.field]);
    if (missing)
      return new Response(missing.text, {
        status: Number(missing.status),
        headers: { "content-type": missing.mediaType },
      });
    for (const field of op.fields)
      if (
        field.tokenType &&
        credentials === "issued" &&
        !accepted(fields[field.name], field.tokenType)
      )
        return new Response(null, { status: 401 });

    const body = { ...(op.success?.body?.examples[0]?.value as object) } as Record<string, unknown>;
    const handedOut: Record<string, string> = {};
    for (const { name, tokenType = "" } of op.success?.body?.tokens ?? []) {
      if (tokens === "none") body[name] = 1;
      else if (tokens === "fresh") body[name] = handedOut[tokenType] = sign(op, tokenType);
      else handedOut[tokenType] = String(body[name]);
    }
    answers.push({ operationId: op.operationId, tokens: handedOut });
    return Response.json(body, { status: Number(op.success?.status ?? 200) });
  }

  return {
    /** A `fetch` that reaches this API: pass it to a client, or stub the global with it. */
    fetch: (input: string | URL | Request, init?: RequestInit) => answer(new Request(input, init)),
    received,
    answers,
    issued,
    /** The operationId of every request, in order. */
    get calls() {
      return received.map((r) => r.operationId);
    },
    count: (operationId: string) => received.filter((r) => r.operationId === operationId).length,
    /** The API stops accepting this token (revoked). */
    revoke: (token: string) => revoked.add(token),
  };
}
