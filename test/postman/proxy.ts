// Test helper: a recording proxy in front of the real mock. It forwards every request unchanged,
// remembers what went over the wire (which operation, encoding, whether a bearer credential came
// along) and every secret that passed (bearer tokens, secret form fields, issued tokens), so a test
// can prove newman printed none of them. Given a drift, it bends one operation's answers the way a
// deployment might drift from the spec (drifts.ts); nothing else changes.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiModel, OperationModel } from "@klearstack/spec";
import { startLocalServer } from "@klearstack/test-support/server";
import type { KnownSecret } from "./newman.ts";

export interface Answer {
  status: number;
  contentType: string | undefined;
  body: string;
}

export interface Exchange {
  /** The operation the request addressed (method and path), if any. */
  operationId: string | undefined;
  contentType: string;
  authorized: boolean;
  /** The status the proxy answered (after any drift). */
  status: number;
}

export interface Drift {
  name: string;
  /** The operation whose answers drift; every other answer passes unchanged. */
  operationId: string;
  /** Names of generated assertions of which at least one must fail on that operation's requests. */
  caughtBy: string[];
  answer(upstream: Answer, request: { contentType: string; authorized: boolean }): Answer;
  /** Values the drift invents that must never be printed either. */
  secrets?: KnownSecret[];
}

export interface RecordingProxy {
  url: string;
  seen: Exchange[];
  /** Every secret that passed through so far. */
  secrets(): KnownSecret[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Form fields of either encoding, parsed as a server framework would (the WHATWG Request). */
async function formFields(contentType: string, body: Buffer): Promise<Record<string, string>> {
  try {
    const form = await new Request("http://proxy/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: new Uint8Array(body),
    }).formData();
    return Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}

const forwardedHeaders = (req: IncomingMessage) =>
  Object.entries(req.headers).flatMap(([key, value]) =>
    ["host", "connection", "content-length", "transfer-encoding"].includes(key) ||
    value === undefined
      ? []
      : [[key, String(value)] as [string, string]],
  );

export async function startProxy(
  model: ApiModel,
  upstream: string,
  drift?: Drift,
): Promise<RecordingProxy> {
  const seen: Exchange[] = [];
  const secrets = new Map<string, KnownSecret>(
    (drift?.secrets ?? []).map((secret) => [secret.text, secret]),
  );
  const remember = (name: string, text: unknown) => {
    if (typeof text === "string" && text !== "" && !secrets.has(text))
      secrets.set(text, { name, text });
  };

  const learn = async (op: OperationModel, req: IncomingMessage, body: Buffer, answer: Answer) => {
    const credential = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    remember(`the bearer token sent to ${op.operationId}`, credential);
    const fields = await formFields(req.headers["content-type"] ?? "", body);
    for (const field of op.fields.filter((f) => f.secret))
      remember(`the ${field.name} sent to ${op.operationId}`, fields[field.name]);
    let issued: Record<string, unknown> = {};
    try {
      issued = JSON.parse(answer.body) as Record<string, unknown>;
    } catch {}
    for (const token of op.success?.body?.tokens ?? [])
      remember(`the ${token.name} issued by ${op.operationId}`, issued?.[token.name]);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? "/", "http://proxy").pathname;
    const op = model.operations.find(
      (o) => o.method.toUpperCase() === req.method && o.path === path,
    );
    const upstreamResponse = await fetch(new URL(req.url ?? "/", upstream), {
      method: req.method,
      headers: forwardedHeaders(req),
      body: ["GET", "HEAD"].includes(req.method ?? "") ? undefined : new Uint8Array(body),
      redirect: "manual",
    });
    const upstreamAnswer: Answer = {
      status: upstreamResponse.status,
      contentType: upstreamResponse.headers.get("content-type") ?? undefined,
      body: await upstreamResponse.text(),
    };
    const request = {
      contentType: req.headers["content-type"] ?? "",
      authorized: req.headers.authorization !== undefined,
    };
    const answer =
      drift && op?.operationId === drift.operationId
        ? drift.answer(upstreamAnswer, request)
        : upstreamAnswer;
    if (op) await learn(op, req, body, answer);
    seen.push({ operationId: op?.operationId, ...request, status: answer.status });
    res.writeHead(answer.status, {
      ...(answer.contentType ? { "content-type": answer.contentType } : {}),
      "content-length": Buffer.byteLength(answer.body),
    });
    res.end(answer.body);
  };

  const server = await startLocalServer((req, res) =>
    handle(req, res).catch((error: unknown) => {
      // Say what broke without quoting the request (it may carry a token).
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`test proxy failed: ${error instanceof Error ? error.name : "error"}`);
    }),
  );
  return { url: server.url, seen, secrets: () => [...secrets.values()], close: server.close };
}
