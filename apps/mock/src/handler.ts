// The request pipeline: route with Prism's router, read and check the form ourselves (so missing
// fields get the API's documented 500, never Prism's 422), then let Prism produce the answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseForm, readBody } from "./body.ts";
import { allowOrigin, answerOptions } from "./cors.ts";
import type { Engine } from "./engine.ts";
import type { RequestLogger } from "./log.ts";
import { parsePrefer } from "./prefer.ts";
import { type PrismRequest, route } from "./prism.ts";

export interface Answer {
  status: number;
  /** Set when the API does not document this answer: the mock's stated choice. */
  note?: string;
}

export function createHandler(engine: () => Engine, log: RequestLogger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const method = req.method ?? "GET";
    const path = new URL(req.url ?? "/", "http://mock.invalid").pathname;
    let answer: Answer;
    try {
      answer = await handle(engine(), req, res, path);
    } catch (error) {
      answer = plain(res, 500, "The mock failed to answer this request.", "mock failure");
      process.stderr.write(`mock: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
    log({
      method,
      path: path.slice(0, 200),
      status: answer.status,
      ms: performance.now() - started,
      note: answer.note,
    });
  };
}

async function handle(
  engine: Engine,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<Answer> {
  allowOrigin(res);
  const method = (req.method ?? "GET").toLowerCase();
  const methods = engine.operations
    .filter((op) => op.path === path)
    .map((op) => op.method.toUpperCase());
  if (methods.length > 0 && method === "options") {
    answerOptions(req, res, methods);
    return { status: 204 };
  }
  const input: PrismRequest = {
    method: method as PrismRequest["method"],
    url: { path },
    headers: {},
  };
  const routed = route({ resources: engine.operations, input });
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

  const body = await readBody(req);
  if (!body.ok)
    return plain(res, 413, "Payload Too Large: the body exceeds 1 MiB.", "body too large");

  // A request without a body is a form without fields; any other body must be a documented form.
  const contentType = header(req, "content-type") ?? "";
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  let fields: Record<string, string> = Object.create(null);
  if (body.bytes.length > 0 || mediaType !== "") {
    if (!rules.mediaTypes.includes(mediaType)) {
      return plain(
        res,
        415,
        `Unsupported Media Type: send ${rules.mediaTypes.join(" or ")}.`,
        "unsupported media type",
      );
    }
    const form = await parseForm(contentType, body.bytes);
    if (!form.ok)
      return plain(
        res,
        400,
        `Bad Request: the ${mediaType} body cannot be parsed.`,
        "malformed body",
      );
    fields = form.fields;
  }

  const missingField = rules.required.find((name) => !fields[name]);
  const missing = missingField === undefined ? undefined : rules.missing.get(missingField);
  if (!missing) {
    const problems = rules.validate(mediaType || (rules.mediaTypes[0] ?? ""), fields);
    if (problems.length > 0)
      return plain(res, 400, `Bad Request: ${problems.join("; ")}.`, "invalid field");
  }

  // Prism answers from the spec: the documented error example for a missing field, otherwise the
  // preferred (or first documented) response. Accept is not passed on: like the real API, the
  // mock does no content negotiation and always sends the documented media type.
  const { preference } = prefer;
  const mock = missing
    ? {
        dynamic: false,
        code: missing.code,
        exampleKey: missing.exampleKey,
        mediaTypes: [missing.mediaType],
      }
    : {
        dynamic: preference.dynamic ?? engine.config.mock.dynamic,
        ...(preference.code === undefined ? {} : { code: preference.code }),
        ...(preference.exampleKey === undefined ? {} : { exampleKey: preference.exampleKey }),
      };
  const answer = await engine.answer(input, operation, mock, fields);
  if (!answer.ok) return plain(res, answer.status, answer.detail, "Prism could not answer");
  if (answer.violations.length > 0) {
    res.setHeader("sl-violations", JSON.stringify(answer.violations).slice(0, 8000));
  }
  res.writeHead(answer.statusCode, answer.headers).end(answer.body);
  return answer.violations.length > 0
    ? { status: answer.statusCode, note: "Prism reports violations" }
    : { status: answer.statusCode };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
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
