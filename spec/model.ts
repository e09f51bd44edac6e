// The operation model: everything the spec documents about every operation, read once from the
// document so that no other workspace restates a path, a field, an example, a status or an error
// text, and none assumes how many operations there are. `$ref`s are resolved by Redocly's own
// bundler (@redocly/openapi-core, the engine behind our lint gate), never by a walker of ours.
import { readFileSync } from "node:fs";
import { resolve as resolvePath } from "node:path";
import { bundle, createConfig, makeDocumentFromString } from "@redocly/openapi-core";
import { parse } from "yaml";
import { type FieldTypeFacts, type FormFieldType, fieldTypeFacts } from "./form-fields.ts";
import { specPath } from "./load.ts";
import { bearerCredentialName, fieldEnvVar, fieldFlag, fieldStdinFlag } from "./names.ts";
import { schemaFacts, type TokenLifetime } from "./schema-facts.ts";
import { responseForStatus } from "./status.ts";
import { type TokenChain, tokenChain } from "./token-chain.ts";
import { escapePointer } from "./validate.ts";

export type JsonSchema = Record<string, unknown>;
export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
const METHODS: readonly HttpMethod[] = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
];

/** How a user names a value: its flag, the variable and the stdin flag a secret is read from. */
export interface InputNames {
  /** Without the dashes: "company-name". */
  flag: string;
  /** "KLEARSTACK_COMPANY_NAME". */
  envVar: string;
  /** Without the dashes: "company-name-stdin". */
  stdinFlag: string;
}

/**
 * One request form field (a property of the request body's object schema): its kind (string,
 * integer, number, boolean, array of scalars, file), enum, format and default come from
 * form-fields.ts, which also coerces its form text and encodes its value for the wire.
 */
export interface FieldModel extends Omit<FormFieldType, "items">, FieldTypeFacts, InputNames {
  name: string;
  required: boolean;
  description: string | undefined;
  /** The field's schema, `$ref`s resolved. */
  schema: JsonSchema;
  /**
   * The documented example (first `examples` entry) as the one string a form sends; undefined for
   * an array or a file, which a form does not send as one string (see `exampleValue`).
   */
  example: string | undefined;
  /** The documented example as the schema types it (a number, a list, …). */
  exampleValue: unknown;
  /** A credential: `format: password`, `writeOnly`, or a JWT. Never logged, never only on argv. */
  secret: boolean;
  /** A JWT-valued string (`contentMediaType: application/jwt`). */
  jwt: boolean;
  /** For a JWT-valued field: the `token_type` const of its decoded claims, e.g. "refresh". */
  tokenType: string | undefined;
}

/** A JWT-valued property of a response body. */
export interface TokenFieldModel {
  name: string;
  /** JSON Schema of `{ header, claims }` once decoded (`contentSchema`), `$ref`s resolved. */
  decodedSchema: JsonSchema | undefined;
  /** The `token_type` const of the decoded claims, e.g. "access". */
  tokenType: string | undefined;
  /** Documented lifetime in seconds (`x-token-lifetime`). */
  lifetime: TokenLifetime | undefined;
}

export interface ExampleModel {
  name: string;
  summary: string | undefined;
  value: unknown;
  /** `x-missing-parameter`: the request field whose absence this (error) example documents. */
  missingParameter: string | undefined;
}

export interface ContentModel {
  mediaType: string;
  schema: JsonSchema;
  /** JSON Pointer to this schema in the resolved document (for createSpecValidator). */
  schemaPointer: string;
  /** `example` (named "default") and every named `examples` entry. */
  examples: ExampleModel[];
  /** The JWT-valued properties of an object body. */
  tokens: TokenFieldModel[];
}

export interface ResponseModel {
  /** As written in the spec: "200", "401", "5XX", "default". */
  status: string;
  description: string;
  /** Response bodies by media type; empty when the response documents no body. */
  contents: ContentModel[];
  /** The first (usually only) body, or undefined for a bodyless response. */
  body: ContentModel | undefined;
}

export interface SecuritySchemeModel extends InputNames {
  name: string;
  type: string;
  /** For `type: http`: "bearer", "basic", … (lower case). */
  scheme: string | undefined;
  bearerFormat: string | undefined;
  /** For `type: apiKey`. */
  in: string | undefined;
  /** The header, query or cookie parameter the credential travels in. */
  parameterName: string;
  description: string | undefined;
  /** `x-example`: a documented example credential. */
  example: string | undefined;
  /** `x-token-type`: the `token_type` of the JWT this scheme takes, e.g. "access". */
  tokenType: string | undefined;
}

export interface RequestModel {
  required: boolean;
  description: string | undefined;
  /** In the spec's order: the first is the default encoding. */
  mediaTypes: string[];
  /** The first media type's object properties, in schema order. */
  fields: FieldModel[];
  schemaPointer(mediaType: string): string;
}

export interface OperationModel {
  operationId: string;
  method: HttpMethod;
  path: string;
  summary: string | undefined;
  description: string | undefined;
  tags: string[];
  /** JSON Pointer to the operation (in either document). */
  pointer: string;
  /** The schemes one must satisfy together ([] = no authentication). First alternative only. */
  security: SecuritySchemeModel[];
  /** The http bearer scheme, when the operation requires one. */
  bearer: SecuritySchemeModel | undefined;
  /** The token type its bearer takes, from the token chain (`chain.bearerTokenType`). */
  bearerTokenType: string | undefined;
  request: RequestModel | undefined;
  /** Shortcut for `request?.fields ?? []`. */
  fields: FieldModel[];
  /** One form text per field whose example a form sends as one string (not arrays, not files). */
  exampleFields: Record<string, string>;
  /**
   * One typed value per field that documents an example (a number for an integer, a list for an
   * array): the input a client call, a CLI run or a sample is written from.
   */
  exampleInput: Record<string, unknown>;
  responses: ResponseModel[];
  /** The response documented for a status: exact, then its range ("4XX"), then "default". */
  response(status: number | string): ResponseModel | undefined;
  /** The first 2xx response. */
  success: ResponseModel | undefined;
  /** The documented text answered when `field` is missing (its `x-missing-parameter` example). */
  missingParameterText(field: string): string;
  /** Every documented missing-parameter example, with the status that carries it. */
  missingParameters: { field: string; status: string; mediaType: string; text: string }[];
}

export interface ApiModel extends Iterable<OperationModel> {
  /** The document as written (with `$ref`s). */
  document: OpenApiLike;
  /** The document with every `$ref` resolved; the model's schema pointers point into it. */
  resolved: OpenApiLike;
  operations: readonly OperationModel[];
  /** The operation with this operationId; throws naming the known ones. */
  operation(operationId: string): OperationModel;
  /** Which operations issue which tokens, which take them back, and a run order (token-chain.ts). */
  chain: TokenChain;
  /** Server URLs with their variables at their defaults, in the spec's order. */
  servers: { url: string; description: string | undefined }[];
  title: string;
  version: string;
}

export type OpenApiLike = Record<string, unknown> & {
  paths?: Record<string, Record<string, unknown>>;
};

export type ModelSource = string | { document: OpenApiLike; path?: string };

/**
 * Reads the spec (by default the project's own; else a file path, or a parsed document) into the
 * operation model. A fresh model each call: callers may edit their document and reload.
 */
export async function loadApiModel(source: ModelSource = specPath): Promise<ApiModel> {
  const absolute =
    typeof source === "string"
      ? resolvePath(source)
      : resolvePath(source.path ?? "in-memory-spec.json");
  const text =
    typeof source === "string" ? readFileSync(absolute, "utf8") : JSON.stringify(source.document);
  const document = typeof source === "string" ? parse(text) : structuredClone(source.document);
  const config = await createConfig({});
  const result = await bundle({
    doc: makeDocumentFromString(text, absolute),
    config,
    dereference: true,
  });
  const problem = result.problems.find((p) => p.severity === "error");
  if (problem) throw new Error(`the spec cannot be resolved: ${problem.message}`);
  return buildModel(document as OpenApiLike, result.bundle.parsed as OpenApiLike);
}

function buildModel(document: OpenApiLike, resolved: OpenApiLike): ApiModel {
  const schemes = ((resolved.components as JsonSchema | undefined)?.securitySchemes ??
    {}) as Record<string, JsonSchema>;
  const globalSecurity = resolved.security as Record<string, string[]>[] | undefined;
  const operations: OperationModel[] = [];
  for (const [path, item] of Object.entries(resolved.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as JsonSchema | undefined;
      if (!op) continue;
      operations.push(
        operationModel(path, method, op, (op.security ?? globalSecurity ?? []) as never, schemes),
      );
    }
  }
  const ids = new Map<string, OperationModel>();
  for (const op of operations) {
    if (ids.has(op.operationId)) throw new Error(`operationId ${op.operationId} is used twice`);
    ids.set(op.operationId, op);
  }
  const chain = tokenChain({ operations });
  for (const op of operations) op.bearerTokenType = op.bearer && chain.bearerTokenType(op.bearer);
  const info = (resolved.info ?? {}) as JsonSchema;
  return {
    chain,
    document,
    resolved,
    operations,
    operation(operationId) {
      const found = ids.get(operationId);
      if (!found) {
        throw new Error(
          `the spec has no operation ${operationId} (it has: ${[...ids.keys()].join(", ")})`,
        );
      }
      return found;
    },
    servers: ((resolved.servers ?? []) as JsonSchema[]).map((server) => ({
      url: serverUrlAtDefaults(server),
      description: server.description as string | undefined,
    })),
    title: String(info.title ?? ""),
    version: String(info.version ?? ""),
    [Symbol.iterator]: () => operations[Symbol.iterator](),
  };
}

/** A Server Object's URL with each `{variable}` at its default (`{URL}` → its default URL). */
export function serverUrlAtDefaults(server: JsonSchema): string {
  return Object.entries((server.variables ?? {}) as Record<string, { default: string }>).reduce(
    (url, [name, variable]) => url.replaceAll(`{${name}}`, String(variable.default)),
    String(server.url),
  );
}

function operationModel(
  path: string,
  method: HttpMethod,
  op: JsonSchema,
  security: Record<string, string[]>[],
  schemes: Record<string, JsonSchema>,
): OperationModel {
  const operationId = op.operationId;
  if (typeof operationId !== "string" || operationId === "") {
    throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
  }
  const pointer = `/paths/${escapePointer(path)}/${method}`;
  const required = Object.keys(security[0] ?? {}).map((name) => securityScheme(name, schemes));
  const request = requestModel(op.requestBody as JsonSchema | undefined, pointer);
  const responses = Object.entries((op.responses ?? {}) as Record<string, JsonSchema>).map(
    ([status, response]) => responseModel(status, response, pointer),
  );
  const missingParameters = responses.flatMap((response) =>
    response.contents.flatMap((content) =>
      content.examples
        .filter((example) => example.missingParameter !== undefined)
        .map((example) => ({
          field: example.missingParameter as string,
          status: response.status,
          mediaType: content.mediaType,
          text: String(example.value),
        })),
    ),
  );
  const fields = request?.fields ?? [];
  return {
    operationId,
    method,
    path,
    summary: op.summary as string | undefined,
    description: op.description as string | undefined,
    tags: (op.tags ?? []) as string[],
    pointer,
    security: required,
    bearer: required.find((s) => s.type === "http" && s.scheme === "bearer"),
    bearerTokenType: undefined, // set once every operation is read (buildModel)
    request,
    fields,
    exampleFields: Object.fromEntries(
      fields.flatMap((f) => (f.example === undefined ? [] : [[f.name, f.example]])),
    ),
    exampleInput: Object.fromEntries(
      fields.flatMap((f) => (f.exampleValue === undefined ? [] : [[f.name, f.exampleValue]])),
    ),
    responses,
    response: (status) => responseForStatus(responses, status),
    success: responses.find((r) => /^2\d\d$/.test(r.status)),
    missingParameters,
    missingParameterText(field) {
      const found = missingParameters.find((m) => m.field === field);
      if (!found) {
        throw new Error(`${operationId}: the spec documents no answer for a missing ${field}`);
      }
      return found.text;
    },
  };
}

function securityScheme(name: string, schemes: Record<string, JsonSchema>): SecuritySchemeModel {
  const scheme = schemes[name];
  if (!scheme) throw new Error(`security names an undefined scheme ${name}`);
  const type = String(scheme.type);
  const httpScheme = type === "http" ? String(scheme.scheme).toLowerCase() : undefined;
  return {
    name,
    type,
    scheme: httpScheme,
    bearerFormat: scheme.bearerFormat as string | undefined,
    in: scheme.in as string | undefined,
    parameterName: type === "apiKey" ? String(scheme.name) : "Authorization",
    description: scheme.description as string | undefined,
    example: scheme["x-example"] as string | undefined,
    tokenType: scheme["x-token-type"] as string | undefined,
    // Where a user gives the credential: KLEARSTACK_ACCESS_TOKEN, --access-token-stdin (names.ts).
    ...inputNames(
      bearerCredentialName({ name, tokenType: scheme["x-token-type"] as string | undefined }),
    ),
  };
}

function requestModel(body: JsonSchema | undefined, pointer: string): RequestModel | undefined {
  if (!body) return undefined;
  const content = (body.content ?? {}) as Record<string, { schema?: JsonSchema }>;
  const mediaTypes = Object.keys(content);
  const schema = content[mediaTypes[0] ?? ""]?.schema ?? {};
  const requiredNames = new Set((schemaFacts(schema).required ?? []) as string[]);
  const properties = (schemaFacts(schema).properties ?? {}) as Record<string, JsonSchema>;
  return {
    required: body.required === true,
    description: body.description as string | undefined,
    mediaTypes,
    fields: Object.entries(properties).map(([name, property]): FieldModel => {
      const facts = schemaFacts(property);
      const type = fieldTypeFacts(name, property);
      const example = (facts.examples as unknown[] | undefined)?.[0] ?? facts.example;
      const jwt = facts.contentMediaType === "application/jwt";
      const oneString = example !== undefined && type.kind !== "array" && type.kind !== "file";
      return {
        name,
        required: requiredNames.has(name),
        description: facts.description as string | undefined,
        schema: property,
        ...type,
        example: oneString ? String(example) : undefined,
        exampleValue: example,
        secret: facts.format === "password" || facts.writeOnly === true || jwt,
        jwt,
        tokenType: decodedTokenType(facts),
        ...inputNames(name),
      };
    }),
    schemaPointer: (mediaType) =>
      `${pointer}/requestBody/content/${escapePointer(mediaType)}/schema`,
  };
}

const inputNames = (name: string): InputNames => ({
  flag: fieldFlag(name),
  envVar: fieldEnvVar(name),
  stdinFlag: fieldStdinFlag(name),
});

function responseModel(status: string, response: JsonSchema, pointer: string): ResponseModel {
  const content = (response.content ?? {}) as Record<string, JsonSchema>;
  const contents = Object.entries(content).map(([mediaType, media]): ContentModel => {
    const schema = (media.schema ?? {}) as JsonSchema;
    const named = Object.entries((media.examples ?? {}) as Record<string, JsonSchema>).map(
      ([name, example]) => ({
        name,
        summary: example.summary as string | undefined,
        value: example.value,
        missingParameter: example["x-missing-parameter"] as string | undefined,
      }),
    );
    const single =
      "example" in media
        ? [
            {
              name: "default",
              summary: undefined,
              value: media.example,
              missingParameter: undefined,
            },
          ]
        : [];
    return {
      mediaType,
      schema,
      schemaPointer: `${pointer}/responses/${escapePointer(status)}/content/${escapePointer(mediaType)}/schema`,
      examples: [...single, ...named],
      tokens: tokenFields(schema),
    };
  });
  return {
    status,
    description: String(response.description ?? ""),
    contents,
    body: contents[0],
  };
}

function tokenFields(schema: JsonSchema): TokenFieldModel[] {
  const properties = (schemaFacts(schema).properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).flatMap(([name, property]) => {
    const facts = schemaFacts(property);
    if (facts.contentMediaType !== "application/jwt") return [];
    return [
      {
        name,
        decodedSchema: facts.contentSchema as JsonSchema | undefined,
        tokenType: decodedTokenType(facts),
        lifetime: facts["x-token-lifetime"] as TokenLifetime | undefined,
      },
    ];
  });
}

/** The `token_type` const that a JWT schema's decoded claims (`contentSchema`) pin, if any. */
function decodedTokenType(facts: JsonSchema): string | undefined {
  if (facts.contentMediaType !== "application/jwt") return undefined;
  const decoded = facts.contentSchema as JsonSchema | undefined;
  if (!decoded) return undefined;
  const claims = schemaFacts(decoded).properties?.claims ?? {};
  return schemaFacts(claims).properties?.token_type?.const as string | undefined;
}
