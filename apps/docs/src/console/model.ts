// Build time: the console's model, from the operation model. Only what the console shows or sends
// is serialized (no schemas, no example tokens), so the page carries no more than it needs.
import { type ApiModel, fieldTypeFacts, maskSecrets, type OperationModel } from "@klearstack/spec";
import { operationRoute } from "../page.ts";
import { sampleSecrets } from "../sample-secrets.ts";
import type { ConsoleModel, ConsoleOperation, ConsoleServer } from "./types.ts";

export interface ConsoleModelOptions {
  /** Replaces the first server's URL, as the page's samples do (npm start's own mock). */
  serverUrl?: string;
}

export function consoleModelOf(model: ApiModel, options: ConsoleModelOptions = {}): ConsoleModel {
  return {
    servers: serversOf(model, options.serverUrl),
    operations: model.operations.map(consoleOperation),
  };
}

/** The spec's servers, each on a loopback host (the local mock) before any other. */
function serversOf(model: ApiModel, serverUrl: string | undefined): ConsoleServer[] {
  const servers = model.servers.map((server, index) => ({
    url: index === 0 && serverUrl !== undefined ? serverUrl : server.url,
    description: plainText(server.description ?? ""),
  }));
  const local = servers.filter((server) => isLoopback(server.url));
  return [...local, ...servers.filter((server) => !local.includes(server))];
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

function consoleOperation(op: OperationModel): ConsoleOperation {
  // Refuses a scheme the samples (and so "Copy as curl") cannot send, naming it.
  sampleSecrets(op);
  return {
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
    summary: op.summary ?? op.operationId,
    route: operationRoute(op),
    mediaTypes: op.request?.mediaTypes ?? [],
    bearer: op.bearer
      ? {
          header: op.bearer.parameterName,
          tokenType: op.bearerTokenType,
          variable: op.bearer.envVar,
        }
      : undefined,
    fields: op.fields.map((field) => ({
      name: field.name,
      required: field.required,
      kind: field.kind,
      choices: (field.items ? itemEnum(field) : field.enum)?.map(String),
      minimum: typeof field.schema.minimum === "number" ? field.schema.minimum : undefined,
      maximum: typeof field.schema.maximum === "number" ? field.schema.maximum : undefined,
      description: plainText(field.description ?? ""),
      example: prefill(field),
      secret: field.secret,
      tokenType: field.tokenType,
      variable: field.secret ? field.envVar : undefined,
    })),
    responses: op.responses.map((response) => ({
      status: response.status,
      description: plainText(response.description),
      tokens: (response.body?.tokens ?? []).map((token) => ({
        name: token.name,
        tokenType: token.tokenType,
      })),
    })),
  };
}

/** The enum of an array field's items (the model keeps only their kind on `items`). */
function itemEnum(field: OperationModel["fields"][number]): unknown[] | undefined {
  const items = (field.schema.items ?? {}) as Record<string, unknown>;
  return fieldTypeFacts(`${field.name}[]`, items).enum as unknown[] | undefined;
}

/**
 * The value an input starts with: the documented example, except where a token belongs. A JWT
 * field is filled by a login made in the page; the spec's example tokens (long expired, and
 * secrets in form) never are. A secret's documented example (the example password) stays, masked.
 */
function prefill(field: OperationModel["fields"][number]): string | undefined {
  // An array's example starts as its lines (one value per line).
  if (field.kind === "array" && Array.isArray(field.exampleValue)) {
    return field.exampleValue.map(String).join("\n");
  }
  if (field.example === undefined || field.tokenType !== undefined) return undefined;
  if (field.secret && maskSecrets(field.example) !== field.example) return undefined;
  return field.example;
}

/** A description's first paragraph without Markdown marks, for a plain-text label. */
function plainText(markdown: string): string {
  const [first = ""] = markdown.trim().split(/\n\s*\n/);
  return first.replaceAll(/[`*]/g, "").replace(/\s+/g, " ").trim();
}
