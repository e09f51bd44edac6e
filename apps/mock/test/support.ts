// Test helpers: a real mock on an ephemeral port, and the spec's own answers to compare with.
// Nothing is mocked: requests go over loopback HTTP to startMock(), answers are checked with Ajv
// (JSON Schema 2020-12, the spec's dialect) against the real document.
import { connect } from "node:net";
import {
  createSpecValidator,
  decodeJwtParts,
  loadSpec,
  resolveRef,
  responseSchemaPointer,
  specPath,
  tokenOperation,
} from "@klearstack/spec";
import { afterAll, beforeAll } from "vitest";
import { type MockOptions, type RunningMock, startMock } from "../src/index.ts";

export const spec = loadSpec();
const token = tokenOperation(spec);
export const { operation, requiredFields } = token;
export const operationPath = token.path;

/** The documented 200 body, and the documented 500 text for each missing field. */
export const documented200 = token.example200;
export const missingText = (field: string) => token.missingParameterText(field);
/** The key of the documented 500 example for a missing `field` (for `Prefer: example=`). */
export const missingExampleKey = (field: string) =>
  Object.values(operation.responses)
    .flatMap((response) => Object.values(response.content ?? {}))
    .flatMap((media) => Object.entries(media.examples ?? {}))
    .find(([, example]) => example["x-missing-parameter"] === field)?.[0] ?? "";
/** A valid request: each field's example value from the spec. */
export const valid: Record<string, string> = token.exampleFields;
/** The valid request without `field`. */
export const without = (field: string) =>
  Object.fromEntries(Object.entries(valid).filter(([name]) => name !== field));

const validate = createSpecValidator(spec);

/** Ajv errors of a response body against the spec's schema for that status and media type. */
export function responseErrors(status: number, mediaType: string, body: unknown): string[] {
  return validate(responseSchemaPointer(operationPath, "post", status, mediaType), body);
}

/**
 * The 200 body's token properties (those whose schema has a `contentSchema`), each with the
 * JSON Pointer of that contentSchema, so a token decoded by decodeJwtParts can be checked with it.
 */
export const tokenProperties: { name: string; contentSchema: string }[] = (() => {
  const media = operation.responses["200"]?.content["application/json"];
  const body = resolveRef(spec, media?.schema);
  return Object.entries((body.properties ?? {}) as Record<string, unknown>).flatMap(([name, p]) => {
    const content = resolveRef(spec, p).contentSchema as { $ref?: unknown } | undefined;
    if (content === undefined) return [];
    if (typeof content.$ref !== "string") throw new Error(`${name}: contentSchema is not a $ref`);
    return [{ name, contentSchema: content.$ref.slice(1) }];
  });
})();

/** Problems of a token against its contentSchema once decoded; never the token itself. */
export function decodedTokenErrors(token: unknown, contentSchema: string): string[] {
  try {
    return validate(contentSchema, decodeJwtParts(String(token)));
  } catch {
    return ["the token does not decode"];
  }
}

/** Whether `text` carries any of `tokens`, or any of their dot-separated parts. */
export function carriesToken(text: string, tokens: string[]): boolean {
  return tokens.some((t) =>
    [t, ...t.split(".")].some((part) => part !== "" && text.includes(part)),
  );
}

/** Starts a silent mock on port 0 for the enclosing describe block. */
export function useMock(options: MockOptions = {}) {
  const state = {} as { mock: RunningMock; url: string };
  beforeAll(async () => {
    state.mock = await startMock({ port: 0, logLevel: "silent", ...options });
    state.url = `${state.mock.url}${operationPath}`;
  });
  afterAll(() => state.mock?.close());
  return state;
}

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

export const form = (fields: Record<string, string>) => new URLSearchParams(fields);
export function multipart(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

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
