// Ways a deployment can drift from the spec, for one operation at a time, each read from the
// operation model and each paired with the generated assertions that must catch it. The proxy
// (proxy.ts) applies one to the real mock's answers.
import { UNAUTHENTICATED } from "@klearstack/postman/collection";
import { testNames } from "@klearstack/postman/tests";
import type { OperationModel } from "@klearstack/spec";
import type { Answer, Drift } from "./proxy.ts";

const isJson = (mediaType: string) => /^application\/(?:[\w.+-]+\+)?json$/i.test(mediaType);
const typeOf = (answer: Answer) => (answer.contentType ?? "").split(";")[0]?.trim();

/** The operation's documented success, as a drifted server would make it up. */
function documentedSuccess(op: OperationModel): Answer {
  const body = op.success?.body;
  const example = body?.examples[0]?.value;
  return {
    status: Number(op.success?.status),
    contentType: body?.mediaType,
    body:
      example === undefined ? "" : typeof example === "string" ? example : JSON.stringify(example),
  };
}

export function driftsOf(op: OperationModel): Drift[] {
  const drifts: Drift[] = [];
  const id = op.operationId;
  const success = op.success;
  const successBody = success?.body;
  const isSuccess = (answer: Answer) => String(answer.status) === success?.status;
  const missing = op.missingParameters;
  const isMissingAnswer = (answer: Answer) =>
    missing.some((m) => m.status === String(answer.status) && m.mediaType === typeOf(answer));

  if (op.bearer && op.response(UNAUTHENTICATED) && success)
    drifts.push({
      name: "bearer check skipped",
      operationId: id,
      caughtBy: [testNames.status(UNAUTHENTICATED)],
      answer: (upstream, request) => (request.authorized ? upstream : documentedSuccess(op)),
    });

  const required = (successBody?.schema.required ?? []) as string[];
  if (success && successBody && isJson(successBody.mediaType) && required[0]) {
    const dropped = required[0];
    drifts.push({
      name: `${success.status} body without ${dropped}`,
      operationId: id,
      caughtBy: [testNames.schema(success.status)],
      answer: (upstream) => {
        if (!isSuccess(upstream)) return upstream;
        const body = JSON.parse(upstream.body) as Record<string, unknown>;
        delete body[dropped];
        return { ...upstream, body: JSON.stringify(body) };
      },
    });
  }

  if (success && successBody)
    drifts.push({
      name: `${success.status} body sent as text/html`,
      operationId: id,
      caughtBy: [testNames.contentType(successBody.mediaType)],
      answer: (upstream) =>
        isSuccess(upstream) ? { ...upstream, contentType: "text/html" } : upstream,
    });

  const tokens = successBody?.tokens ?? [];
  if (success && tokens.length > 0) {
    const opaque = tokens.map((t, i) => ({
      name: `the opaque ${t.name} made up for ${id}`,
      field: t.name,
      text: `opaque-${t.name}-${i}-7f3c9a1e5b2d4c6f`,
    }));
    drifts.push({
      name: "opaque (non-JWT) tokens issued",
      operationId: id,
      caughtBy: [testNames.schema(success.status), ...tokens.map((t) => testNames.claims(t.name))],
      secrets: opaque.map(({ name, text }) => ({ name, text })),
      answer: (upstream) => {
        if (!isSuccess(upstream)) return upstream;
        const body = JSON.parse(upstream.body) as Record<string, unknown>;
        for (const { field, text } of opaque) body[field] = text;
        return { ...upstream, body: JSON.stringify(body) };
      },
    });
  }

  const last = op.request?.mediaTypes.at(-1);
  if (success && last && (op.request?.mediaTypes.length ?? 0) > 1)
    drifts.push({
      name: `${last} refused`,
      operationId: id,
      caughtBy: [testNames.status(success.status)],
      answer: (upstream, request) =>
        request.contentType.startsWith(last)
          ? { status: 415, contentType: "text/plain", body: "Unsupported Media Type" }
          : upstream,
    });

  if (missing.length > 0) {
    const statuses = [...new Set(missing.map((m) => m.status))];
    const types = [...new Set(missing.map((m) => m.mediaType))];
    drifts.push(
      {
        name: "missing parameter answered 400",
        operationId: id,
        caughtBy: statuses.map(testNames.status),
        answer: (upstream) => (isMissingAnswer(upstream) ? { ...upstream, status: 400 } : upstream),
      },
      {
        name: "missing parameter answered as JSON",
        operationId: id,
        caughtBy: types.map(testNames.contentType),
        answer: (upstream) =>
          isMissingAnswer(upstream)
            ? {
                ...upstream,
                contentType: "application/json",
                body: JSON.stringify({ error: upstream.body }),
              }
            : upstream,
      },
      {
        name: "missing parameter text reworded",
        operationId: id,
        caughtBy: missing.map((m) => testNames.text(m.text)),
        answer: (upstream) =>
          isMissingAnswer(upstream) ? { ...upstream, body: "Bad request" } : upstream,
      },
    );
    if (success)
      drifts.push({
        name: "documented success despite a missing parameter",
        operationId: id,
        caughtBy: statuses.map(testNames.status),
        answer: (upstream) => (isMissingAnswer(upstream) ? documentedSuccess(op) : upstream),
      });
  }
  return drifts;
}
