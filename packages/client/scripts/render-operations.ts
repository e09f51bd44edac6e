// Renders src/generated/operations.gen.ts: the operation table the runtime reads (one entry per
// operation, keyed by operationId) and the token format decodeToken checks, both from the
// operation model of @klearstack/spec. openapi-typescript gives the types; this gives the facts
// types cannot carry at runtime: method, path, media types, field order, secret flags, security,
// the fields a 200 must hold, and which properties carry which token.
import {
  type ApiModel,
  type InputNames,
  type JsonSchema,
  type OperationModel,
  schemaFacts,
  type TokenChain,
} from "@klearstack/spec";
import { generatedHeader } from "./generated-header.ts";

/** Client members that are not operations: an operationId with one of these names cannot be a method. */
export const reservedMemberNames = ["raw"];

/** The client's name for each form media type (src/encoding.ts sends them). */
const encodingOf: Record<string, string> = {
  "application/x-www-form-urlencoded": "urlencoded",
  "multipart/form-data": "multipart",
};

/** What `typeof` says about a JSON value of this schema type (arrays checked apart). */
function valueKind(schema: JsonSchema, where: string): string {
  const type = schemaFacts(schema).type;
  switch (type) {
    case "string":
    case "boolean":
    case "object":
    case "array":
      return type;
    case "integer":
    case "number":
      return "number";
    default:
      throw new Error(`${where}: the client needs a single JSON type here, the spec says ${type}`);
  }
}

/** Where the CLI reads a value: the model's names (flag, variable, stdin flag) for it. */
const inputNames = (names: InputNames) => ({
  flag: names.flag,
  variable: names.envVar,
  stdinFlag: names.stdinFlag,
});

function operationEntry(op: OperationModel, chain: TokenChain) {
  const where = op.operationId;
  if (reservedMemberNames.includes(where)) {
    throw new Error(`${where}: the client already has a member of that name; rename the operation`);
  }
  const unsupported = op.security.filter((scheme) => scheme !== op.bearer);
  if (unsupported.length > 0) {
    const names = unsupported.map((s) => s.name).join(", ");
    throw new Error(`${where}: the client sends http bearer credentials only, not ${names}`);
  }
  const mediaTypes = op.request?.mediaTypes ?? [];
  const notForm = mediaTypes.filter((mediaType) => !encodingOf[mediaType]);
  if (notForm.length > 0) {
    throw new Error(`${where}: the client sends form bodies only, not ${notForm.join(", ")}`);
  }
  const body = op.success?.body;
  if (body && body.mediaType !== "application/json") {
    throw new Error(`${where}: the client reads JSON answers only, not ${body.mediaType}`);
  }
  const facts = body ? schemaFacts(body.schema) : undefined;
  const required = new Set(facts?.required ?? []);
  const accepts: Record<string, string> = {};
  for (const field of op.fields) {
    const tokenType = chain.fieldTokenType(field);
    if (tokenType) accepts[tokenType] = field.name;
  }
  const issues: Record<string, string> = {};
  for (const token of chain.issued(op)) issues[token.tokenType] = token.field;
  return {
    method: op.method,
    path: op.path,
    encodings: mediaTypes.map((mediaType) => encodingOf[mediaType]),
    bearer: op.bearer !== undefined,
    fields: op.fields.map((field) => ({
      name: field.name,
      // The model's kind (string, integer, number, boolean, array, file): how it is sent.
      kind: field.kind,
      ...(field.items ? { items: { kind: field.items.kind } } : {}),
      required: field.required,
      secret: field.secret,
    })),
    // The properties a success body must hold, with their JSON types; null: no body is documented.
    result: facts
      ? Object.fromEntries(
          Object.entries(facts.properties ?? {})
            .filter(([name]) => required.has(name))
            .map(([name, schema]) => [name, valueKind(schema, `${where} result ${name}`)]),
        )
      : null,
    accepts,
    issues,
  };
}

/**
 * What only the CLI needs, kept apart so the library's bundle leaves it out: the words its help
 * shows, and where it reads each value (the model's flag and variable names).
 */
function operationHelp(op: OperationModel) {
  const oneLine = (text: string | undefined) => text?.trim().replace(/\s+/g, " ");
  return {
    summary: oneLine(op.summary),
    fields: Object.fromEntries(op.fields.map((field) => [field.name, oneLine(field.description)])),
    inputs: Object.fromEntries(op.fields.map((field) => [field.name, inputNames(field)])),
    bearer: op.bearer ? inputNames(op.bearer) : null,
  };
}

/** Header consts, claim types and token types of the tokens the API issues. */
function tokenFormat(model: ApiModel) {
  const tokens = model.operations.flatMap((op) => op.success?.body?.tokens ?? []);
  const decoded = tokens.find((token) => token.decodedSchema)?.decodedSchema;
  if (!decoded) throw new Error("no operation of the spec answers a token with a contentSchema");
  const parts = schemaFacts(decoded).properties ?? {};
  const header = schemaFacts(parts.header ?? {});
  const claims = schemaFacts(parts.claims ?? {});
  const requiredClaims = new Set(claims.required ?? []);
  const tokenType = claims.properties?.token_type as JsonSchema | undefined;
  return {
    header: Object.fromEntries(
      Object.entries(header.properties ?? {}).map(([name, schema]) => [name, schema.const]),
    ),
    claims: Object.fromEntries(
      Object.entries(claims.properties ?? {})
        .filter(([name]) => requiredClaims.has(name))
        .map(([name, schema]) => [name, valueKind(schema, `token claim ${name}`)]),
    ),
    tokenTypes: (tokenType?.enum as string[] | undefined) ?? [
      ...new Set(tokens.flatMap((t) => t.tokenType ?? [])),
    ],
  };
}

/** The exact text operations.gen.ts must contain for `model`. */
export function renderOperations(model: ApiModel): string {
  const table = Object.fromEntries(
    model.operations.map((op) => [op.operationId, operationEntry(op, model.chain)]),
  );
  const help = Object.fromEntries(
    model.operations.map((op) => [op.operationId, operationHelp(op)]),
  );
  return `${generatedHeader("render-operations.ts")}// The facts about each operation that the runtime needs and types cannot carry. Checked against
// api.gen.ts by \`satisfies\`: both files come from the same spec, or tsc fails.
import type { OperationHelp, OperationTable, TokenFormat } from "../operation-table.ts";
import type { components, operations } from "./api.gen.ts";

export const operationTable = ${JSON.stringify(table, null, 2)} as const satisfies OperationTable<operations>;

export const tokenFormat = ${JSON.stringify(tokenFormat(model), null, 2)} as const satisfies TokenFormat<components>;

export const operationHelp = ${JSON.stringify(help, null, 2)} as const satisfies OperationHelp<operations>;
`;
}
