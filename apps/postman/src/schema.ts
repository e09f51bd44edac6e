// Postman's sandbox validates with its own bundled Ajv 6 and cannot follow the spec's
// `#/components/...` references, so each embedded schema is the spec's schema with refs inlined.
// The walk is ours (it must reach every nested schema); each reference is looked up by the spec
// package's resolveRef, which follows a chain of references to the first schema that is not one.
import { type JsonSchema, type OpenApiDocument, resolveRef } from "@klearstack/spec";

export function inlineRefs(spec: OpenApiDocument, node: unknown, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(spec, item, seen));
  if (!node || typeof node !== "object") return node;
  const { $ref, ...rest } = node as JsonSchema;
  if (typeof $ref === "string") {
    if (seen.includes($ref)) throw new Error(`recursive schema cannot be inlined: ${$ref}`);
    const target = inlineRefs(spec, resolveRef(spec, { $ref }), [...seen, $ref]) as JsonSchema;
    // OpenAPI 3.1 allows siblings next to $ref; they refine the target.
    return { ...target, ...(inlineRefs(spec, rest, seen) as JsonSchema) };
  }
  return Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, inlineRefs(spec, value, seen)]),
  );
}
