// Ajv (JSON Schema 2020-12, the spec's dialect) on the spec itself: a response body is checked
// against the schema the spec gives that operation, status and media type.
import type { OpenApiDocument } from "@klearstack/spec";
import { Ajv2020 } from "ajv/dist/2020.js";

export function responseValidator(spec: OpenApiDocument, path: string, method: string) {
  // strict: false because the document root is an OpenAPI object; Ajv only reads what $refs reach.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(spec, "spec");
  const pointerPart = (part: string) => part.replaceAll("~", "~0").replaceAll("/", "~1");
  return (status: number, mediaType: string, body: unknown): string[] => {
    const pointer = [
      "paths",
      path,
      method,
      "responses",
      String(status),
      "content",
      mediaType,
      "schema",
    ]
      .map(pointerPart)
      .join("/");
    const check = ajv.compile({ $ref: `spec#/${pointer}` });
    return check(body)
      ? []
      : (check.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
  };
}
