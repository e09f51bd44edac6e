// Response bodies against the spec's schemas (JSON Schema 2020-12, the spec's dialect), and the
// tokens inside them against their `contentSchema`: decoded, each must carry the documented claims.
import { createSpecValidator, decodeJwtParts, type OpenApiDocument } from "@klearstack/spec";

type Node = Record<string, unknown>;

export function createValidator(spec: OpenApiDocument) {
  // Messages name the field and the rule, never the value (it may be a token).
  const check = createSpecValidator(spec, { rootLabel: "body" });
  const at = (pointer: string): Node =>
    pointer
      .slice(2)
      .split("/")
      .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<Node>((node, part) => node[part] as Node, spec as Node);
  const follow = (node: Node): Node =>
    typeof node.$ref === "string" ? follow(at(node.$ref)) : node;

  /** Errors in `body` against the schema at `pointer`, including decoded-token contents. */
  return function validate(pointer: string, body: unknown): string[] {
    const errors = check(pointer.slice(1), body);
    const schema = follow(at(pointer));
    const properties = (schema.properties ?? {}) as Record<string, Node>;
    for (const [field, property] of Object.entries(properties)) {
      const content = follow(property).contentSchema as Node | undefined;
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
