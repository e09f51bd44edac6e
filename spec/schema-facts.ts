// What a resolved schema says once its `allOf` members are taken together: enough to read the facts
// the model needs (type, format, required, properties, examples, JWT content) without knowing how a
// maintainer composed the schema. Not a validator: Ajv validates.
type JsonSchema = Record<string, unknown>;

/** Documented token lifetime in seconds (`x-token-lifetime` on a JWT schema). */
export interface TokenLifetime {
  default: number;
  minimum?: number;
  maximum?: number;
}

export interface SchemaFacts extends JsonSchema {
  required?: string[];
  properties?: Record<string, JsonSchema>;
}

/** The schema's own keywords merged with its `allOf` members' (the schema's own win). */
export function schemaFacts(schema: JsonSchema, depth = 0): SchemaFacts {
  if (depth > 16) throw new Error("schema nests allOf more than 16 deep (a cycle?)");
  const parts = [
    ...((schema.allOf ?? []) as JsonSchema[]).map((part) => schemaFacts(part, depth + 1)),
    schema,
  ];
  const merged: SchemaFacts = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key === "allOf") continue;
      if (key === "required") {
        merged.required = [...new Set([...(merged.required ?? []), ...(value as string[])])];
      } else if (key === "properties") {
        const into: Record<string, JsonSchema> = { ...(merged.properties ?? {}) };
        for (const [name, property] of Object.entries(value as Record<string, JsonSchema>)) {
          into[name] = into[name] ? { ...into[name], ...property } : property;
        }
        merged.properties = into;
      } else {
        merged[key] = value;
      }
    }
  }
  return merged;
}
