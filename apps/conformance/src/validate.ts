// Response bodies against the spec's schemas (JSON Schema 2020-12, the spec's dialect), and the
// tokens inside them against their `contentSchema`: decoded, each must carry the documented claims.
import {
  createSpecValidator,
  decodeJwtParts,
  type OpenApiDocument,
  resolveRef,
} from "@klearstack/spec";

type Node = Record<string, unknown>;

export function createValidator(spec: OpenApiDocument) {
  // Messages name the field and the rule, never the value (it may be a token).
  const check = createSpecValidator(spec, { rootLabel: "body" });

  /** Errors in `body` against the schema at `pointer`, including decoded-token contents. */
  return function validate(pointer: string, body: unknown): string[] {
    const errors = check(pointer.slice(1), body);
    // `pointer` is a "#/..." reference into the spec: resolve it as one.
    const schema = resolveRef<Node>(spec, { $ref: pointer });
    const properties = (schema.properties ?? {}) as Record<string, Node>;
    for (const [field, property] of Object.entries(properties)) {
      const content = resolveRef<Node>(spec, property).contentSchema as Node | undefined;
      const value = (body as Node | null)?.[field];
      // Only referenced content schemas can be addressed inside the spec (ours all are).
      if (typeof content?.$ref !== "string" || typeof value !== "string") continue;
      const decoded = decodeJwt(value);
      if (!decoded) {
        errors.push(`/${field} does not decode as a JWT`);
        continue;
      }
      for (const error of check(content.$ref.slice(1), decoded))
        errors.push(`/${field} (decoded)${error.replace(/^body/, "")}`);
    }
    return errors;
  };
}

function decodeJwt(token: string): { header: unknown; claims: unknown } | undefined {
  try {
    return decodeJwtParts(token);
  } catch {
    return undefined;
  }
}
