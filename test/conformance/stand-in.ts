// A local stand-in for a real KlearStack deployment: a plain node:http server that serves every
// operation of the model as the spec documents it (bearer check, the 500 text per missing
// parameter, the 200 example with freshly signed tokens of the documented lifetime), plus named
// drifts a real deployment might show. Conformance and Postman tests must pass on the faithful
// one and fail on every drift. Nothing here restates the spec: every answer is read from the model.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type ApiModel,
  type ContentModel,
  decodeJwtParts,
  loadApiModel,
  type OperationModel,
  schemaFacts,
  signExampleJwt,
  type TokenFieldModel,
  verifyExampleJwt,
} from "@klearstack/spec";
import { startLocalServer } from "@klearstack/test-support/server";

/** Ways a deployment can drift from the spec; each must be caught. */
export const drifts = {
  "a string field of the 200 body sent as a number": "string-as-number",
  "a token missing from the 200 body": "no-token",
  "a bearer call's 200 body missing its token": "bearer-call-drops-token",
  "200 body sent as text/html": "html-200",
  "tokens living longer than documented": "long-lived-tokens",
  "opaque (non-JWT) tokens issued": "opaque-tokens",
  "bearer check skipped": "no-bearer-check",
  "missing parameter answered 400": "status-400",
  "missing parameter answered as JSON": "json-500",
  "missing parameter text reworded": "reworded-500",
  "a secret field's missing-parameter text reworded": "reworded-secret-500",
  "tokens issued despite a missing parameter": "tokens-when-missing",
  "multipart/form-data refused": "no-multipart",
  "tokens missing a documented claim": "claim-dropped",
  "a required non-token field missing from the 200 body": "drops-field",
} as const;
export type Drift = (typeof drifts)[keyof typeof drifts];

/** The token value the stand-in hands out when drifting to opaque tokens; never to be printed. */
export const opaqueToken = "opaque-token-7f3c9a1e5b2d4c6f";

export interface SeenRequest {
  operationId: string;
  contentType: string;
  fields: Record<string, string>;
  /** Whether an `Authorization` header came along (its value is never kept). */
  authorized: boolean;
  /** When it arrived (performance.now()), for tests of a client's pace. */
  at: number;
}

export interface StandIn {
  url: string;
  close(): Promise<void>;
  /** Every request the stand-in answered, for tests that check what was sent. */
  seen: SeenRequest[];
  /** Every token it handed out, so tests can prove none was printed. */
  issued: string[];
}

async function readForm(req: IncomingMessage): Promise<Record<string, string> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const contentType = req.headers["content-type"] ?? "";
  try {
    // The WHATWG Request parses both form encodings, as a real server framework would.
    const form = await new Request("http://stand-in/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: Buffer.concat(chunks),
    }).formData();
    return Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, type?: string, body = "") {
  const headers: Record<string, string | number> = { "content-length": Buffer.byteLength(body) };
  if (type) headers["content-type"] = type;
  res.writeHead(status, headers);
  res.end(body);
}

/**
 * A fresh token shaped like the documented example: its claims, issued now, of its lifetime; with
 * `dropClaim`, without the last claim its decoded schema requires (a claim the docs promise).
 */
function freshToken(token: TokenFieldModel, example: unknown, lifetime: number, dropClaim = false) {
  const now = Math.floor(Date.now() / 1000);
  let claims: Record<string, unknown> = {};
  try {
    claims = decodeJwtParts(String(example)).claims as Record<string, unknown>;
  } catch {}
  const fresh: Record<string, unknown> = {
    ...claims,
    iat: now,
    exp: now + lifetime,
    jti: randomBytes(16).toString("hex"),
  };
  if (dropClaim) {
    const decoded = schemaFacts(token.decodedSchema ?? {});
    const required = schemaFacts(decoded.properties?.claims ?? {}).required ?? [];
    const claim = required.at(-1);
    if (claim) delete fresh[claim];
  }
  return signExampleJwt(fresh);
}

/** The documented 200 body, tokens freshly signed, then the drift applied. */
function successBody(
  op: OperationModel,
  body: ContentModel,
  drift: Drift | undefined,
  issued: string[],
) {
  const value = structuredClone(body.examples[0]?.value ?? {}) as Record<string, unknown>;
  for (const token of body.tokens) {
    const lifetime = token.lifetime?.default ?? 900;
    const seconds =
      drift === "long-lived-tokens" ? (token.lifetime?.maximum ?? lifetime) + 1 : lifetime;
    value[token.name] =
      drift === "opaque-tokens"
        ? opaqueToken
        : freshToken(token, value[token.name], seconds, drift === "claim-dropped");
    issued.push(String(value[token.name]));
  }
  const [firstToken] = body.tokens;
  if (firstToken && (drift === "no-token" || (drift === "bearer-call-drops-token" && op.bearer))) {
    delete value[firstToken.name];
  }
  if (drift === "drops-field") {
    const tokens = new Set(body.tokens.map((t) => t.name));
    const required = (schemaFacts(body.schema).required ?? []).filter((name) => !tokens.has(name));
    const dropped = required.at(-1);
    if (dropped) delete value[dropped];
  }
  if (drift === "string-as-number") {
    const tokens = new Set(body.tokens.map((t) => t.name));
    const text = Object.keys(value).find(
      (key) => typeof value[key] === "string" && !tokens.has(key),
    );
    if (text) value[text] = 7;
  }
  return JSON.stringify(value);
}

export async function startStandIn(
  drift?: Drift,
  { model: given }: { model?: ApiModel } = {},
): Promise<StandIn> {
  const model = given ?? (await loadApiModel());
  const seen: SeenRequest[] = [];
  const issued: string[] = [];
  const server = await startLocalServer(async (req, res) => {
    const op = model.operations.find(
      (o) => o.method.toUpperCase() === req.method && o.path === req.url,
    );
    if (!op) return send(res, 404, "text/plain", "Not Found");
    const contentType = req.headers["content-type"] ?? "";
    const fields = (await readForm(req)) ?? {};
    const authorization = req.headers.authorization ?? "";
    seen.push({
      operationId: op.operationId,
      contentType,
      fields,
      authorized: authorization !== "",
      at: performance.now(),
    });
    if (drift === "no-multipart" && contentType.startsWith("multipart/"))
      return send(res, 415, "text/plain", "Unsupported Media Type");

    if (op.bearer && drift !== "no-bearer-check") {
      const [scheme, token = ""] = authorization.split(" ");
      // Signed with the key, not expired, and of the type the scheme takes (no refresh token).
      const verdict = verifyExampleJwt(token, { tokenType: op.bearer.tokenType });
      if (scheme?.toLowerCase() !== "bearer" || !verdict.ok) {
        const documented = op.response(401)?.body;
        const example = documented?.examples[0]?.value;
        return send(res, 401, documented?.mediaType, example === undefined ? "" : String(example));
      }
    }

    const missing = op.fields
      .filter((field) => field.required && !fields[field.name])
      .map((field) => op.missingParameters.find((m) => m.field === field.name))
      .find((documented) => documented !== undefined);
    if (missing && drift !== "tokens-when-missing") {
      const field = op.fields.find((f) => f.name === missing.field);
      if (drift === "status-400") return send(res, 400, missing.mediaType, missing.text);
      if (drift === "json-500")
        return send(
          res,
          Number(missing.status),
          "application/json",
          JSON.stringify({ error: missing.text }),
        );
      if (drift === "reworded-500" || (drift === "reworded-secret-500" && field?.secret))
        return send(res, Number(missing.status), missing.mediaType, "Bad request");
      return send(res, Number(missing.status), `${missing.mediaType}; charset=utf-8`, missing.text);
    }

    const success = op.success;
    if (!success) return send(res, 501, "text/plain", "the spec documents no success answer");
    const body = success.body;
    if (!body) return send(res, Number(success.status));
    const type = drift === "html-200" ? "text/html" : body.mediaType;
    send(res, Number(success.status), type, successBody(op, body, drift, issued));
  });
  return { url: server.url, seen, issued, close: server.close };
}
