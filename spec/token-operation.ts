// What the spec documents about its one operation, the token call, read from the document so that
// no other workspace restates a path, a field name, an example value or an error text.
import { type JsonSchema, loadSpec, type OpenApiDocument, type Operation } from "./load.ts";

export interface TokenOperation {
  path: string;
  method: "post";
  operation: Operation;
  /** Request media types, in the spec's order (the first is the default encoding). */
  requestMediaTypes: string[];
  /** The request schema's required fields, in the schema's order. */
  requiredFields: string[];
  /** One value per request field, from each property's first `examples` entry. */
  exampleFields: Record<string, string>;
  /** The documented 200 body. */
  example200: unknown;
  /** The documented 500 text for a missing `field` (the example whose x-missing-parameter names it). */
  missingParameterText(field: string): string;
  /** Every documented 500 text. */
  errorTexts: string[];
}

/** Follows local `$ref`s (`#/...`) until it reaches a node that is not a reference. */
export function resolveRef<T = JsonSchema>(spec: OpenApiDocument, node: unknown): T {
  let current = node as { $ref?: unknown };
  for (let hops = 0; typeof current?.$ref === "string"; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    const ref: string = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], spec) as {
      $ref?: unknown;
    };
    if (current === undefined) throw new Error(`$ref points nowhere: ${ref}`);
  }
  return current as T;
}

export function tokenOperation(spec: OpenApiDocument = loadSpec()): TokenOperation {
  const found = Object.entries(spec.paths).find(([, item]) => item.post);
  const [path, item] = found ?? [];
  const operation = item?.post;
  if (!path || !operation) throw new Error("the spec documents no POST operation");

  const requestMediaTypes = Object.keys(operation.requestBody.content);
  const firstMedia = operation.requestBody.content[requestMediaTypes[0] ?? ""];
  const schema = resolveRef(spec, firstMedia?.schema);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const exampleFields = Object.fromEntries(
    Object.entries(properties).map(([name, prop]) => [
      name,
      String((resolveRef(spec, prop).examples as unknown[] | undefined)?.[0] ?? ""),
    ]),
  );

  const errorExamples = Object.values(operation.responses).flatMap((response) =>
    Object.values(response.content ?? {}).flatMap((media) => Object.values(media.examples ?? {})),
  );
  const missing = errorExamples.filter((ex) => typeof ex["x-missing-parameter"] === "string");

  return {
    path,
    method: "post",
    operation,
    requestMediaTypes,
    requiredFields: (schema.required as string[] | undefined) ?? [],
    exampleFields,
    example200: operation.responses["200"]?.content["application/json"]?.example,
    missingParameterText(field) {
      const example = missing.find((ex) => ex["x-missing-parameter"] === field);
      if (!example) throw new Error(`the spec documents no 500 example for a missing ${field}`);
      return String(example.value);
    },
    errorTexts: missing.map((ex) => String(ex.value)),
  };
}
