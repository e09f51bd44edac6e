// Postman's sandbox validates with its own bundled Ajv 6 and cannot follow the spec's
// `#/components/...` references, so each embedded schema is the spec's schema with refs inlined.
import type { JsonSchema, OpenApiDocument } from "@klearstack/spec";

function lookup(spec: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`only local references can be inlined: ${ref}`);
  let node: unknown = spec;
  for (const part of ref.slice(2).split("/")) {
    node = (node as Record<string, unknown> | undefined)?.[
      part.replaceAll("~1", "/").replaceAll("~0", "~")
    ];
  }
  if (node === undefined) throw new Error(`unresolvable reference ${ref}`);
  return node;
}

export function inlineRefs(spec: OpenApiDocument, node: unknown, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(spec, item, seen));
  if (!node || typeof node !== "object") return node;
  const { $ref, ...rest } = node as JsonSchema;
  if (typeof $ref === "string") {
    if (seen.includes($ref)) throw new Error(`recursive schema cannot be inlined: ${$ref}`);
    const target = inlineRefs(spec, lookup(spec, $ref), [...seen, $ref]) as JsonSchema;
    // OpenAPI 3.1 allows siblings next to $ref; they refine the target.
    return { ...target, ...(inlineRefs(spec, rest, seen) as JsonSchema) };
  }
  return Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, inlineRefs(spec, value, seen)]),
  );
}
