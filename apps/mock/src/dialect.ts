// Prism 5.16 picks its Ajv by each schema's `$schema` and knows only json-schema.org draft URIs.
// http-spec stamps every schema with the document's jsonSchemaDialect, the OAS 3.1 base dialect,
// so Prism falls back to draft-07 Ajv, which cannot compile it, and Prism swallows that error:
// every body then "passes" (stoplightio/prism#2643, #2797). The OAS 3.1 base dialect is JSON
// Schema 2020-12 plus annotation-only keywords, so naming 2020-12 instead keeps its meaning and
// gets Prism's validation back.
const OAS_BASE_DIALECT = /^https:\/\/spec\.openapis\.org\/oas\/3\.1\/dialect\/base\/?$/;
const JSON_SCHEMA_2020_12 = "https://json-schema.org/draft/2020-12/schema";

export function useJsonSchema2020(root: unknown): void {
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    const record = node as Record<string, unknown>;
    if (typeof record.$schema === "string" && OAS_BASE_DIALECT.test(record.$schema)) {
      record.$schema = JSON_SCHEMA_2020_12;
    }
    for (const value of Object.values(record)) visit(value);
  };
  visit(root);
}
