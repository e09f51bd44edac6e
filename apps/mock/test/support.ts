// Test helpers: a real mock on an ephemeral port, and the spec's own answers to compare with, all
// read through the operation model. Nothing is mocked: requests go over loopback HTTP to
// startMock(), answers are checked with the spec's own validator against the resolved document.
import { createHmac } from "node:crypto";
import { connect } from "node:net";
import {
  type ApiModel,
  createSpecValidator,
  decodeJwtParts,
  loadApiModel,
  type OperationModel,
  signExampleJwt,
  specPath,
} from "@klearstack/spec";
import { credentialRules } from "../src/credentials.ts";

export const model = await loadApiModel();
export const validate = createSpecValidator(model);

/** Operations as `[operationId, operation]` rows for describe.each / it.each. */
export const rows = (m: ApiModel = model) =>
  m.operations.map((op): [string, OperationModel] => [op.operationId, op]);

export type Fields = Record<string, string>;
export type Body = Record<string, unknown>;

export const form = (fields: Fields) => new URLSearchParams(fields);
export function multipart(fields: Fields): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}
/** How the tests encode each form media type a spec may document. */
export function encoder(mediaType: string): (fields: Fields) => BodyInit {
  if (mediaType === "application/x-www-form-urlencoded") return form;
  if (mediaType === "multipart/form-data") return multipart;
  throw new Error(`the tests cannot encode a ${mediaType} request body`);
}

/** The spec's documented body for `status` (its first example), or undefined when bodyless. */
export const documentedBody = (op: OperationModel, status: number | string) =>
  op.response(status)?.body?.examples[0]?.value;
export const successStatus = (op: OperationModel) => Number(op.success?.status);
export const requiredFields = (op: OperationModel) =>
  op.fields.filter((f) => f.required).map((f) => f.name);

/** Tokens by token type ("access", "refresh", …), as a login hands them out. */
export type Tokens = Map<string, string>;

/**
 * Logs in against a running mock: calls the first operation that needs no credentials and hands
 * out tokens, with its example fields (and `overrides`), and keeps its tokens by type.
 */
export async function login(baseUrl: string, overrides: Fields = {}, m = model): Promise<Tokens> {
  const issuer = loginOperation(m);
  const reply = await send(`${baseUrl}${issuer.path}`, {
    method: issuer.method.toUpperCase(),
    body: form({ ...issuer.exampleFields, ...overrides }),
  });
  if (reply.status !== successStatus(issuer)) throw new Error(`login answered ${reply.status}`);
  const body = JSON.parse(reply.text) as Body;
  return new Map(
    (issuer.success?.body?.tokens ?? []).map((t) => [String(t.tokenType), String(body[t.name])]),
  );
}

export function loginOperation(m: ApiModel = model): OperationModel {
  const issuer = m.operations.find(
    (op) => op.security.length === 0 && (op.success?.body?.tokens.length ?? 0) > 0,
  );
  if (!issuer)
    throw new Error("the spec has no operation that hands out tokens without credentials");
  return issuer;
}

/**
 * The documented valid request: the example fields, each token field holding a token of its type
 * from `tokens`, and the bearer token when the operation takes one.
 */
export function validRequest(
  op: OperationModel,
  tokens: Tokens,
): { fields: Fields; headers: Fields } {
  const rules = credentialRules(op);
  const fields = { ...op.exampleFields };
  for (const { name, tokenType } of rules.tokenFields) fields[name] = tokenOf(tokens, tokenType);
  const headers: Fields = {};
  if (rules.bearer) headers.authorization = `Bearer ${tokenOf(tokens, rules.bearer.tokenType)}`;
  return { fields, headers };
}

function tokenOf(tokens: Tokens, type: string | undefined): string {
  const token = type === undefined ? [...tokens.values()][0] : tokens.get(type);
  if (token === undefined) throw new Error(`the login handed out no ${type} token`);
  return token;
}

/** A token's claims; a token that does not decode fails without its bytes in the message. */
export function claimsOf(token: unknown): Body {
  try {
    return decodeJwtParts(String(token)).claims as Body;
  } catch {
    throw new Error("the token does not decode");
  }
}

/** `token` re-signed with the example key after `edit` changed its claims. */
export const resigned = (token: string, edit: (claims: Body) => Body) =>
  signExampleJwt(edit(claimsOf(token)), decodeJwtParts(token).header as object);

/** `token` expired a minute ago, validly signed. */
export const expired = (token: string) =>
  resigned(token, (claims) => {
    const now = Math.floor(Date.now() / 1000);
    return { ...claims, iat: now - 120, exp: now - 60 };
  });

/** `token` with its claims intact but signed with a key that is not the example key. */
export function forged(token: string): string {
  const [header, payload] = token.split(".");
  const signature = createHmac("sha256", "not-the-example-key")
    .update(`${header}.${payload}`)
    .digest("base64url");
  return `${header}.${payload}.${signature}`;
}

/** Whether `text` carries any of `secrets` (or a distinctive part of one): the one leak check. */
export { carriesSecret } from "@klearstack/test-support/leaks";

/** Starts a silent mock on port 0 for the enclosing describe block. */
export { useMock } from "../testing.ts";

export interface Reply {
  status: number;
  contentType: string;
  headers: Headers;
  text: string;
}

export async function send(url: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(url, { method: "POST", ...init });
  return {
    status: res.status,
    contentType: res.headers.get("content-type") ?? "",
    headers: res.headers,
    text: await res.text(),
  };
}

/** Sends `op` to the mock at `baseUrl`. */
export const call = (
  baseUrl: string,
  op: OperationModel,
  init: { body?: BodyInit; headers?: Fields } = {},
) => send(`${baseUrl}${op.path}`, { method: op.method.toUpperCase(), ...init });

/** Sends raw bytes over TCP, for requests fetch refuses to build; resolves with the raw reply. */
export function sendRaw(baseUrl: string, request: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on("data", (c) => chunks.push(c));
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
    socket.on("error", reject);
  });
}

export { specPath };
