// Ajv on the spec itself (JSON Schema 2020-12, the spec's jsonSchemaDialect): every check in this
// repository validates against the spec's own schemas, never a copy. Give it the operation model's
// resolved document (no `$ref`s), then name a schema by JSON Pointer (the model's `schemaPointer`)
// or pass the model's schema object itself.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

/** Escapes one JSON Pointer segment (RFC 6901). */
export const escapePointer = (part: string): string =>
  part.replaceAll("~", "~0").replaceAll("/", "~1");

/** JSON Pointer to the schema of one response body, e.g. for status 200 and application/json. */
export function responseSchemaPointer(
  path: string,
  method: string,
  status: number | string,
  mediaType: string,
): string {
  const parts = [
    "paths",
    path,
    method,
    "responses",
    String(status),
    "content",
    mediaType,
    "schema",
  ];
  return `/${parts.map(escapePointer).join("/")}`;
}

/**
 * Problems of `value` against a schema ([] when valid), as "<instance path or rootLabel> <rule>";
 * never the value itself, which may be a token.
 */
export type SpecValidator = (schema: string | object, value: unknown) => string[];

export function createSpecValidator(
  /** The model's `resolved` document, or an ApiModel. */
  source: object,
  { rootLabel = "/" }: { rootLabel?: string } = {},
): SpecValidator {
  const document = "resolved" in source ? (source as { resolved: object }).resolved : source;
  // strict: false because the document root is an OpenAPI object, not a schema, and schemas carry
  // annotations Ajv does not know (x-token-lifetime); Ajv only compiles what each pointer reaches.
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    // `format` is an annotation in the 2020-12 dialect (format-annotation vocabulary), as it is to
    // Prism and to the API's form parsers: a spec may name any format (uuid, binary, password)
    // without Ajv warning about, or checking, formats it does not know.
    validateFormats: false,
    // The document is OpenAPI, not a schema: checking it against the meta-schema would slow every
    // mock start and prove nothing the lint gate and the example tests do not.
    validateSchema: false,
  });
  ajv.addSchema(document, "spec");
  const byPointer = new Map<string, ValidateFunction>();
  const bySchema = new WeakMap<object, ValidateFunction>();
  const compile = (schema: string | object): ValidateFunction => {
    if (typeof schema === "string") {
      const check = byPointer.get(schema) ?? ajv.compile({ $ref: `spec#${schema}` });
      byPointer.set(schema, check);
      return check;
    }
    const check = bySchema.get(schema) ?? ajv.compile(schema);
    bySchema.set(schema, check);
    return check;
  };
  return (schema, value) => {
    const check = compile(schema);
    if (check(value)) return [];
    return (check.errors ?? []).map((e) => `${e.instancePath || rootLabel} ${e.message}`);
  };
}
