// Ajv on the spec document itself (JSON Schema 2020-12, the spec's jsonSchemaDialect): every check
// in this repository validates against the spec's own schemas through `$ref`s, never a copy.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { loadSpec, type OpenApiDocument } from "./load.ts";

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
 * Problems of `value` against the schema at `pointer` ([] when valid), as
 * "<instance path or rootLabel> <rule>"; never the value itself, which may be a token.
 */
export type SpecValidator = (pointer: string, value: unknown) => string[];

export function createSpecValidator(
  spec: OpenApiDocument = loadSpec(),
  { rootLabel = "/" }: { rootLabel?: string } = {},
): SpecValidator {
  // strict: false because the document root is an OpenAPI object, not a schema; Ajv only compiles
  // what each $ref reaches.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(spec, "spec");
  const compiled = new Map<string, ValidateFunction>();
  return (pointer, value) => {
    let check = compiled.get(pointer);
    if (!check) {
      check = ajv.compile({ $ref: `spec#${pointer}` });
      compiled.set(pointer, check);
    }
    if (check(value)) return [];
    return (check.errors ?? []).map((e) => `${e.instancePath || rootLabel} ${e.message}`);
  };
}
