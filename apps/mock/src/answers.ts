// Prism produces every answer the mock sends; this module asks it and turns its result into bytes.
// A static answer depends only on the loaded spec, the operation, the chosen response (status
// code, example, media type) and whether the request passes Prism's security check — Prism is
// given no Accept header, and its body validation is off (handler.ts checks the fields) — so each
// distinct static answer is computed, validated and serialised by Prism once per loaded spec and
// replayed after that. Dynamic answers (`Prefer: dynamic=true`, `--dynamic`) are generated anew
// every time. Either way the tokens in the body are minted fresh for each request (tokens.ts). A
// reload builds a new Engine, and with it an empty cache.
import type { Engine } from "./engine.ts";
import type { Operation, PrismRequest } from "./prism.ts";
import { type ClaimSources, mintTokens, type TokenPlan } from "./tokens.ts";

export interface MockChoice {
  dynamic: boolean;
  code?: number;
  exampleKey?: string;
  mediaTypes?: string[];
}

export interface PrismReply {
  ok: true;
  statusCode: number;
  headers: Record<string, string>;
  /** Prism's body: an object for JSON, a string for text, undefined when the spec has none. */
  body: unknown;
  /** The body serialised ("" when there is none). */
  text: string;
  /** Prism's response-validation messages; empty when the answer matches the spec. */
  violations: string[];
}

export type PrismAnswer = PrismReply | { ok: false; status: number; detail: string };

export type Answerer = (
  input: PrismRequest,
  operation: Operation,
  choice: MockChoice,
  /** Whether `input` passes Prism's security check: a static answer depends on it. */
  secured: boolean,
) => Promise<PrismAnswer>;

export function createAnswerer(engine: Omit<Engine, "answer" | "route">): Answerer {
  const cache = new Map<string, Promise<PrismAnswer>>();
  const ids = new Map<Operation, number>();
  return (input, operation, choice, secured) => {
    if (choice.dynamic) return askPrism(engine, input, operation, choice);
    if (!ids.has(operation)) ids.set(operation, ids.size);
    const key = JSON.stringify([ids.get(operation), input.method, input.url.path, secured, choice]);
    let answer = cache.get(key);
    if (!answer) {
      answer = askPrism(engine, input, operation, choice);
      // Bounded: the key space is the spec's responses × examples, but a Prefer header is
      // client-controlled. A failure (an error answer or a throw) is retried, never remembered.
      if (cache.size < 256) cache.set(key, answer);
      const forget = () => cache.delete(key);
      answer.then((a) => a.ok || forget(), forget);
    }
    return answer;
  };
}

async function askPrism(
  engine: Omit<Engine, "answer" | "route">,
  input: PrismRequest,
  operation: Operation,
  choice: MockChoice,
): Promise<PrismAnswer> {
  const result = await engine.prism.request(input, [operation], {
    ...engine.config,
    // A copy: Prism writes into the mock config it is given.
    mock: { ...choice },
  } as typeof engine.config)();
  if (result._tag === "Left") {
    return {
      ok: false,
      status: result.left.status ?? 500,
      detail: result.left.detail ?? result.left.message,
    };
  }
  const { output, validations } = result.right;
  const headers = Object.fromEntries(
    Object.entries(output.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
  const reply = { statusCode: output.statusCode, headers, body: output.body };
  return {
    ok: true,
    ...reply,
    text: serialise(reply),
    violations: validations.output.map((v) => v.message),
  };
}

/**
 * The headers and bytes to send for `reply`: the tokens `plans` names are minted for this request
 * (Prism has validated its own answer; the minted tokens match the same schema, which the tests
 * check by decoding each against its contentSchema).
 */
export function render(
  reply: PrismReply,
  plans: TokenPlan[] | undefined,
  sources: ClaimSources,
): { headers: Record<string, string>; body: string } {
  const body =
    plans && plans.length > 0 && isObject(reply.body) && !isText(reply)
      ? JSON.stringify(mintTokens(plans, reply.body, sources))
      : reply.text;
  return {
    headers: { ...reply.headers, "content-length": String(Buffer.byteLength(body)) },
    body,
  };
}

const isText = (reply: Omit<PrismReply, "ok" | "text" | "violations">) =>
  typeof reply.body === "string" && !/json/i.test(reply.headers["content-type"] ?? "");

function serialise(reply: Omit<PrismReply, "ok" | "text" | "violations">): string {
  if (reply.body === undefined) return "";
  return isText(reply) ? (reply.body as string) : JSON.stringify(reply.body);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
