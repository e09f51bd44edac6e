// Prism produces every answer the mock sends; this module asks it and turns its result into bytes.
// A static answer is a pure function of the loaded spec, the operation and the chosen response
// (status code, example, media type) — the mock passes Prism no request headers or body — so each
// distinct static answer is computed, validated and serialised by Prism once per loaded spec and
// replayed after that. Dynamic answers (`Prefer: dynamic=true`, `--dynamic`) are generated anew
// every time, and their tokens replaced by real signed ones (tokens.ts). A reload builds a new
// Engine, and with it an empty cache.
import type { Engine } from "./engine.ts";
import type { Operation, PrismRequest } from "./prism.ts";
import { signTokens } from "./tokens.ts";

export interface MockChoice {
  dynamic: boolean;
  code?: number;
  exampleKey?: string;
  mediaTypes?: string[];
}

export type PrismAnswer =
  | {
      ok: true;
      statusCode: number;
      headers: Record<string, string>;
      body: string;
      /** Prism's response-validation messages; empty when the answer matches the spec. */
      violations: string[];
    }
  | { ok: false; status: number; detail: string };

export type Answerer = (
  input: PrismRequest,
  operation: Operation,
  choice: MockChoice,
  /** The request's form fields: dynamic tokens echo the ones their claims name. */
  fields?: Record<string, string>,
) => Promise<PrismAnswer>;

export function createAnswerer(engine: Omit<Engine, "answer">): Answerer {
  const cache = new Map<string, Promise<PrismAnswer>>();
  const ids = new Map<Operation, number>();
  return (input, operation, choice, fields = {}) => {
    if (choice.dynamic) return askPrism(engine, input, operation, choice, fields);
    if (!ids.has(operation)) ids.set(operation, ids.size);
    const key = JSON.stringify([ids.get(operation), input.method, input.url.path, choice]);
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
  engine: Omit<Engine, "answer">,
  input: PrismRequest,
  operation: Operation,
  choice: MockChoice,
  fields: Record<string, string> = {},
): Promise<PrismAnswer> {
  const result = await engine.prism.request(input, [operation], {
    ...engine.config,
    mock: choice,
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
  const isText =
    typeof output.body === "string" && !/json/i.test(String(headers["content-type"] ?? ""));
  // Prism has validated its own answer (`violations`); the tokens put in its place are JWTs that
  // match the same schema (a test checks each decodes to its contentSchema).
  const tokens = engine.rules.get(operation)?.tokens.get(output.statusCode);
  const generated =
    choice.dynamic && tokens && isObject(output.body)
      ? signTokens(tokens, output.body, fields)
      : output.body;
  const body = isText ? (output.body as string) : JSON.stringify(generated);
  headers["content-length"] = String(Buffer.byteLength(body));
  return {
    ok: true,
    statusCode: output.statusCode,
    headers,
    body,
    violations: validations.output.map((v) => v.message),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
