// Postman's sandbox validates with its own bundled Ajv 6 and cannot follow the spec's
// `#/components/...` references, so each test embeds the schema the operation model already
// resolved (by Redocly's bundler). A recursive schema has no finite copy: refuse it, clearly.
import type { JsonSchema } from "@klearstack/spec";

export function embeddableSchema(schema: JsonSchema, where: string): unknown {
  try {
    return JSON.parse(JSON.stringify(schema));
  } catch {
    throw new Error(`${where}: a recursive schema cannot be embedded in a Postman test script`);
  }
}
