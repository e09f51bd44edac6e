// What a conforming deployment must do, read from the spec: for every operation and every request
// encoding it accepts, a complete request succeeds with the documented body, and each documented
// missing (or empty) parameter gets the documented error text.
import {
  type JsonSchema,
  type OpenApiDocument,
  resolveRef,
  responseSchemaPointer,
} from "@klearstack/spec";

export interface Check {
  name: string;
  method: string;
  path: string;
  mediaType: string;
  fields: Record<string, string>;
  expect:
    | { kind: "success"; status: number; mediaType: string; schemaPointer: string }
    | { kind: "error"; status: number; mediaType: string; text: string };
}

export interface Inputs {
  /** Values for the form fields; fields not given take the spec's example. */
  fields: Record<string, string>;
}

/** The form fields of a request body and the spec's example for each. */
export function exampleFields(spec: OpenApiDocument, schema: JsonSchema): Record<string, string> {
  const properties = (resolveRef(spec, schema).properties ?? {}) as Record<string, JsonSchema>;
  return Object.fromEntries(
    Object.entries(properties).map(([key, property]) => {
      const p = resolveRef(spec, property);
      return [key, String((p.examples as unknown[] | undefined)?.[0] ?? p.example ?? "")];
    }),
  );
}

export function planChecks(spec: OpenApiDocument, inputs: Inputs): Check[] {
  const checks: Check[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [lower, op] of Object.entries(item)) {
      const method = lower.toUpperCase();
      const responses = Object.entries(op.responses);
      for (const [mediaType, media] of Object.entries(op.requestBody?.content ?? {})) {
        const fields = { ...exampleFields(spec, media.schema), ...inputs.fields };
        const base = { method, path, mediaType };
        const [status, response] = responses.find(([code]) => code.startsWith("2")) ?? [];
        const responseType = Object.keys(response?.content ?? {})[0];
        if (status && responseType) {
          checks.push({
            ...base,
            name: `complete request → ${status}`,
            fields,
            expect: {
              kind: "success",
              status: Number(status),
              mediaType: responseType,
              schemaPointer: `#${responseSchemaPointer(path, lower, status, responseType)}`,
            },
          });
        }
        for (const [status, response] of responses) {
          for (const [responseType, errorMedia] of Object.entries(response.content)) {
            for (const example of Object.values(errorMedia.examples ?? {})) {
              const parameter = example["x-missing-parameter"];
              if (typeof parameter !== "string") continue;
              const expect = {
                kind: "error" as const,
                status: Number(status),
                mediaType: responseType,
                text: String(example.value),
              };
              const { [parameter]: _, ...without } = fields;
              checks.push({
                ...base,
                name: `${parameter} missing → ${status}`,
                fields: without,
                expect,
              });
              checks.push({
                ...base,
                name: `${parameter} empty → ${status}`,
                fields: { ...fields, [parameter]: "" },
                expect,
              });
            }
          }
        }
      }
    }
  }
  return checks;
}
