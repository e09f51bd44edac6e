// The spec by path (for tools that take a file) or parsed.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const specPath: string = fileURLToPath(new URL("./openapi.yaml", import.meta.url));

/** The spec as a plain object, parsed fresh on every call (callers may mutate their copy). */
export function loadSpec(path: string = specPath): OpenApiDocument {
  return parse(readFileSync(path, "utf8")) as OpenApiDocument;
}

/** Just enough structure for the tools that take the document as written (read facts through the
 * operation model, model.ts, which resolves `$ref`s). */
export interface OpenApiDocument {
  openapi: string;
  jsonSchemaDialect?: string;
  servers?: {
    url: string;
    description?: string;
    variables?: Record<string, { default: string }>;
  }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; [key: string]: unknown };
  [key: string]: unknown;
}

/** An operation as written: it may have no request body, and a response may have no content. */
export interface Operation {
  operationId: string;
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<
    string,
    { description?: string; content?: Record<string, MediaType>; $ref?: string }
  >;
  [key: string]: unknown;
}

export interface MediaType {
  schema: JsonSchema;
  example?: unknown;
  examples?: Record<
    string,
    { summary?: string; value?: unknown; $ref?: string; [key: `x-${string}`]: unknown }
  >;
}

export type JsonSchema = Record<string, unknown>;
