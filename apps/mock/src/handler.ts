// The request pipeline, in the order an API server runs it: route with Prism's router, check the
// credentials (Prism checks they are there, credentials.ts that they are valid), read and check
// the form ourselves (so missing fields get the API's documented 500, never Prism's 422), then let
// Prism produce the answer from the spec, with fresh tokens in it (tokens.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { type MockChoice, render } from "./answers.ts";
import { readForm } from "./body.ts";
import { responses, timedOut } from "./client-error.ts";
import { allowOrigin, answerOptions } from "./cors.ts";
import { bearerToken, checkBearer, checkTokenFields } from "./credentials.ts";
import type { Engine } from "./engine.ts";
import type { RequestLogger } from "./log.ts";
import { parsePrefer } from "./prefer.ts";
import { type PrismRequest, passesSecurity } from "./prism.ts";
import { type RequestTarget, requestTarget } from "./request-target.ts";
import type { ClaimSources } from "./tokens.ts";

export interface Answer {
  /** Undefined when nothing was sent: the client hung up first. */
  status: number | undefined;
  /** Set when the API does not document this answer: the mock's stated choice. */
  note?: string;
  /** Why a documented answer was chosen, when that is not obvious (never a secret). */
  detail?: string;
}

/** `write` takes the rare line that is not a request's (a mock failure's stack trace). */
export function createHandler(
  engine: () => Engine,
  log: RequestLogger,
  write: (line: string) => void,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const method = req.method ?? "GET";
    const target = requestTarget(req.url);
    responses.set(req.socket, res);
    let answer: Answer;
    try {
      answer = await handle(engine(), req, res, target);
    } catch (error) {
      answer =
        unanswered(req) ??
        plain(res, 500, "The mock failed to answer this request.", "mock failure");
      if (answer.status === 500) {
        write(`mock: ${error instanceof Error ? error.stack : String(error)}\n`);
      }
    }
    if (responses.get(req.socket) === res) responses.delete(req.socket);
    log({
      method,
      path: target.path.slice(0, 200),
      status: answer.status,
      ms: performance.now() - started,
      note: answer.note,
      detail: answer.detail,
    });
  };
}

/**
 * Why a request that failed mid-way was never answered, when it is the client's doing: it hung up
 * before its request was complete, or it was too slow and got the server's 408 (client-error.ts).
 */
function unanswered(req: IncomingMessage): Answer | undefined {
  if (req.complete || !req.destroyed) return undefined;
  return timedOut.has(req.socket)
    ? { status: 408, note: "the request timed out before its body was complete" }
    : { status: undefined, note: "client hung up before the request was complete; nothing sent" };
}

async function handle(
  engine: Engine,
  req: IncomingMessage,
  res: ServerResponse,
  { path, query }: RequestTarget,
): Promise<Answer> {
  allowOrigin(req, res);
  const method = (req.method ?? "GET").toLowerCase() as PrismRequest["method"];
  const methods = engine.operations
    .filter((op) => op.path === path)
    .map((op) => op.method.toUpperCase());
  if (methods.length > 0 && method === "options") {
    answerOptions(req, res, methods);
    return { status: 204 };
  }
  const routed = engine.route(method, path);
  if (routed._tag === "Left") {
    if (methods.length > 0) {
      res.setHeader("allow", [...methods, "OPTIONS"].join(", "));
      return plain(res, 405, `Method Not Allowed: use ${methods.join(" or ")}.`, "wrong method");
    }
    return plain(res, 404, `Not Found: ${path} is not a path of this API.`, "unknown path");
  }
  const operation = routed.right;
  const rules = engine.rules.get(operation);
  if (!rules) return plain(res, 500, "The mock has no rules for this operation.", "mock failure");

  const prefer = parsePrefer(header(req, "prefer"), rules);
  if (!prefer.ok) return plain(res, 400, `Bad Request: ${prefer.reason}.`, "invalid Prefer");

  const form = await readForm(req, rules.mediaTypes);
  if (!form.ok) return plain(res, form.status, form.text, form.note);
  const { fields, values, mediaType } = form;

  // Prism sees the request as the API reads it: its headers (Authorization included) and its
  // form fields. Accept is left out: like the real API, the mock does no content negotiation and
  // always sends the documented media type.
  let input: PrismRequest = {
    method,
    url: { path, query: queryOf(query) },
    headers: prismHeaders(req),
    body: fields,
  };
  const sources: ClaimSources = {
    fields: Object.fromEntries(Object.entries(fields).filter(([n]) => rules.publicFields.has(n))),
    presented: [],
  };
  const ask = (choice: MockChoice, secured = true) =>
    engine.answer(input, operation, choice, secured).then((answer) => {
      if (!answer.ok) return plain(res, answer.status, answer.detail, "Prism could not answer");
      if (answer.violations.length > 0) {
        res.setHeader("sl-violations", JSON.stringify(answer.violations).slice(0, 8000));
      }
      const { headers, body } = render(answer, rules.tokens.get(answer.statusCode), sources);
      res.writeHead(answer.statusCode, headers).end(body);
      return answer.violations.length > 0
        ? { status: answer.statusCode, note: "Prism reports violations" }
        : { status: answer.statusCode };
    });
  /**
   * A credential that fails the mock's check is, to the API, no credential: Prism sees the request
   * without it and answers what the spec documents for that (the 401).
   */
  const refuse = async (reason: string, documented: boolean): Promise<Answer> => {
    const { authorization: _, ...rest } = input.headers ?? {};
    input = { ...input, headers: rest };
    if (passesSecurity(operation, input)) {
      return plain(res, 401, `Unauthorized: ${reason}.`, reason);
    }
    const answer = await ask({ dynamic: false }, false);
    return documented ? { ...answer, detail: reason } : { ...answer, note: reason };
  };

  // 1. Credentials first, as an API's authentication layer runs before the call reads its fields.
  if (!passesSecurity(operation, input)) return ask({ dynamic: false }, false);
  const bearer = rules.credentials.bearer;
  if (bearer) {
    const verdict = await checkBearer(bearer, input.headers?.authorization);
    if (!verdict.ok) return refuse(verdict.reason, true);
    sources.presented.push(...verdict.claims);
  }

  // 2. The first missing or empty required field gets its documented answer, served by Prism.
  const missingField = rules.required.find((name) => !rules.present(values, name));
  const missing = missingField === undefined ? undefined : rules.missing.get(missingField);
  if (missing) {
    return ask({
      dynamic: false,
      code: missing.code,
      exampleKey: missing.exampleKey,
      mediaTypes: [missing.mediaType],
    });
  }

  // 3. Tokens sent as fields (a refresh token) must be valid too: the vendor documents no answer
  // for a bad one, so the mock answers as for a bad bearer token (README).
  const tokens = await checkTokenFields(rules.credentials.tokenFields, fields);
  if (!tokens.ok) return refuse(tokens.reason, false);
  sources.presented.unshift(...tokens.claims);

  // 4. Form text typed by the schema ("30" for an integer is 30; repeated keys are an array), then
  // everything else the schema says about the fields. A value that fits neither gets a 400 naming
  // the field: the vendor documents no answer for it.
  const coerced = await rules.coerce(values);
  if (!coerced.ok) return plain(res, 400, `Bad Request: ${coerced.problem}.`, "invalid field");
  const problems = rules.validate(mediaType || (rules.mediaTypes[0] ?? ""), coerced.typed);
  if (problems.length > 0) {
    return plain(res, 400, `Bad Request: ${problems.join("; ")}.`, "invalid field");
  }
  input = { ...input, body: coerced.typed };

  // 5. The preferred (or first documented) response.
  const { preference } = prefer;
  return ask({
    dynamic: preference.dynamic ?? engine.config.mock.dynamic,
    ...(preference.code === undefined ? {} : { code: preference.code }),
    ...(preference.exampleKey === undefined ? {} : { exampleKey: preference.exampleKey }),
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function prismHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === "accept" || value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  // The scheme name is case-insensitive (RFC 7235 §2.1), but Prism's bearer check only reads
  // "Bearer": it is shown the credential in that spelling.
  const token = bearerToken(headers.authorization);
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  return headers;
}

function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    query[name] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return query;
}

/** The mock's own answers are text/plain, like the API's documented error. */
function plain(res: ServerResponse, status: number, text: string, note: string): Answer {
  const body = `${text}\n`;
  res
    .writeHead(status, {
      "content-type": "text/plain; charset=utf-8",
      "content-length": Buffer.byteLength(body),
    })
    .end(body);
  return { status, note };
}
