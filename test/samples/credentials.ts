// The values a sample's secrets take when it runs, got the way a reader gets them: a bearer
// operation first logs in (plain fetch to the mock, with the spec's example fields) and uses the
// fresh tokens the mock signed; every other secret field takes its documented example. Which token
// is the bearer token is read from the spec: the one whose type (`token_type`) is the type of the
// bearer scheme's own example token. Nothing here names an operation, a field or a token.
import { sampleSecrets } from "@klearstack/docs";
import type { ApiModel, OperationModel } from "@klearstack/spec";

/** Environment variable → value, for the variables the operation's samples read. */
export async function credentialsFor(
  model: ApiModel,
  op: OperationModel,
  mockUrl: string,
): Promise<Record<string, string>> {
  const secrets = sampleSecrets(op);
  const login: Partial<LoggedIn> = op.bearer ? await logIn(model, op, mockUrl) : {};
  return Object.fromEntries(
    secrets.map((secret) => {
      if ("bearer" in secret.fills) return [secret.variable, login.bearer ?? ""];
      const name = secret.fills.field;
      const value = login.body?.[name] ?? op.fields.find((f) => f.name === name)?.example;
      if (typeof value !== "string") {
        throw new Error(`${op.operationId}: no login answer or example gives ${name} a value`);
      }
      return [secret.variable, value];
    }),
  );
}

interface LoggedIn {
  /** The token the bearer scheme wants. */
  bearer: string;
  /** The login's whole answer, for secret fields that carry one of its tokens. */
  body: Record<string, unknown>;
}

async function logIn(model: ApiModel, op: OperationModel, mockUrl: string): Promise<LoggedIn> {
  const wanted = op.bearerTokenType;
  if (!wanted) throw new Error(`${op.operationId}: the model's token chain names no bearer type`);
  const login = model.chain.logins.find((candidate) =>
    model.chain.issued(candidate).some((t) => t.tokenType === wanted),
  );
  if (!login) {
    throw new Error(`${op.operationId}: no unauthenticated operation answers a ${wanted} token`);
  }
  const response = await fetch(`${mockUrl}${login.path}`, {
    method: login.method.toUpperCase(),
    body: formBody(login.request?.mediaTypes[0], login.exampleFields),
  });
  if (String(response.status) !== login.success?.status) {
    throw new Error(`logging in with ${login.operationId} answered ${response.status}`);
  }
  const answer = (await response.json()) as Record<string, unknown>;
  const token = login.success?.body?.tokens.find((t) => t.tokenType === wanted);
  const bearer = token ? answer[token.name] : undefined;
  if (typeof bearer !== "string")
    throw new Error(`${login.operationId} answered no ${wanted} token`);
  return { bearer, body: answer };
}

/** The fields in the operation's first encoding (fetch writes the matching content-type). */
function formBody(mediaType: string | undefined, fields: Record<string, string>) {
  if (mediaType === "application/x-www-form-urlencoded") return new URLSearchParams(fields);
  if (mediaType !== "multipart/form-data")
    throw new Error(`cannot log in with a ${mediaType} body`);
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}
