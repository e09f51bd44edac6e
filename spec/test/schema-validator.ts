// Test helper: a JSON Schema 2020-12 validator (the spec's jsonSchemaDialect) that resolves the
// spec's own `#/components/...` references. Nothing is mocked: it is Ajv on the real document.
import { Ajv2020 } from "ajv/dist/2020.js";
import type { OpenApiDocument } from "../index.ts";

export function createSpecValidator(spec: OpenApiDocument) {
  // strict: false because the document root is an OpenAPI object, not a schema; Ajv only reads
  // the parts each $ref points at.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(spec, "spec");

  return function validate(pointer: string, value: unknown): string[] {
    const check = ajv.compile({ $ref: `spec#${pointer}` });
    if (check(value)) return [];
    return (check.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
  };
}
