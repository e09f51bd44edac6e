// Test helpers: a real mock on an ephemeral port, and the spec's own answers to compare with.
// Nothing is mocked: requests go over loopback HTTP to startMock(), answers are checked with Ajv
// (JSON Schema 2020-12, the spec's dialect) against the real document.
import { connect } from "node:net";
import { createSpecValidator, loadSpec, responseSchemaPointer, specPath } from "@klearstack/spec";
import { afterAll, beforeAll } from "vitest";
import { type MockOptions, type RunningMock, startMock } from "../src/index.ts";

export const spec = loadSpec();
const [path, item] = Object.entries(spec.paths)[0]!;
export const operationPath = path;
export const operation = item.post!;

/** The documented 200 body, and the documented 500 text for each missing field. */
export const documented200 = operation.responses["200"]!.content["application/json"]!.example;
const errorMedia = operation.responses["500"]!.content["text/plain"]!;
export const missingText = (field: string) =>
  Object.values(errorMedia.examples ?? {}).find((ex) => ex["x-missing-parameter"] === field)!
    .value as string;

const validate = createSpecValidator(spec);

/** Ajv errors of a response body against the spec's schema for that status and media type. */
export function responseErrors(status: number, mediaType: string, body: unknown): string[] {
  return validate(responseSchemaPointer(operationPath, "post", status, mediaType), body);
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
