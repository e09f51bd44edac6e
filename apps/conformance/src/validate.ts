// Response bodies against the spec's schemas (JSON Schema 2020-12, the spec's dialect), and the
// tokens inside them against their `contentSchema`: decoded, each must carry the documented claims.
import type { OpenApiDocument } from "@klearstack/spec";
import { Ajv2020 } from "ajv/dist/2020.js";

type Node = Record<string, unknown>;

export function createValidator(spec: OpenApiDocument) {
  // strict: false: the document root is an OpenAPI object; Ajv reads only what pointers reach.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(spec, "spec");
  const at = (pointer: string): Node =>
    pointer
      .slice(2)
      .split("/")
      .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<Node>((node, part) => node[part] as Node, spec as Node);
  const follow = (node: Node): Node =>
    typeof node.$ref === "string" ? follow(at(node.$ref)) : node;

  function check(pointer: string, value: unknown): string[] {
    const validate = ajv.getSchema(`spec${pointer}`) ?? ajv.compile({ $ref: `spec${pointer}` });
    if (validate(value)) return [];
    // Messages name the field and the rule, never the value (it may be a token).
    return (validate.errors ?? []).map((e) => `${e.instancePath || "body"} ${e.message}`);
  }

  /** Errors in `body` against the schema at `pointer`, including decoded-token contents. */
  return function validate(pointer: string, body: unknown): string[] {
    const errors = check(pointer, body);
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
      for (const error of check(content.$ref, decoded))
        errors.push(`/${field} (decoded)${error.replace(/^body/, "")}`);
    }
    return errors;
  };
}

function decodeJwt(token: string): { header: unknown; claims: unknown } | undefined {
  const [header, claims, signature] = token.split(".");
  if (!header || !claims || signature === undefined) return undefined;
  try {
    const json = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return { header: json(header), claims: json(claims) };
  } catch {
    return undefined;
  }
}
