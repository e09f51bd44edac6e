// Dynamic answers carry real tokens. Prism's faker only matches the Jwt *pattern*, so its strings
// do not decode, and a client that reads its token's claims fails against a dynamic mock. The mock
// keeps Prism's answer and replaces each token in it with an HS256 JWT whose decoded header and
// claims satisfy that token's `contentSchema` — all learned from the spec:
// - a token is a response property whose schema has a `contentSchema` (an object of header+claims);
// - the header, and claims such as `token_type`, are the `const`s that contentSchema fixes;
// - a claim named like a request field (`user_id`) echoes the request's value;
// - iat is now, exp is iat plus the lifetime of the spec's example token for that property,
//   jti is 32 random hex digits (RFC 7519's registered claims; the spec constrains their form).
// They are signed with the spec's public, example-only key: they prove the layout, never identity.
import { randomBytes, randomInt } from "node:crypto";
import {
  decodeJwtParts,
  type JsonSchema,
  type OpenApiDocument,
  resolveRef,
  signExampleJwt as sign,
} from "@klearstack/spec";

export interface TokenField {
  /** The response property that carries the token, e.g. access_token. */
  name: string;
  header: Record<string, unknown>;
  /** Claims the contentSchema fixes with `const`. */
  fixedClaims: Record<string, unknown>;
  /** Claims a same-named request field supplies, with the claim's JSON type. */
  echoedClaims: [name: string, type: string][];
  /** Seconds from iat to exp. */
  lifetime: number;
}

/** The properties of `schema`, its `allOf` branches merged in, each $ref resolved. */
function propertiesOf(spec: OpenApiDocument, node: unknown): Record<string, JsonSchema> {
  const schema = resolveRef(spec, node);
  const merged: Record<string, JsonSchema> = {};
  for (const branch of (schema.allOf as unknown[] | undefined) ?? []) {
    for (const [name, prop] of Object.entries(propertiesOf(spec, branch)))
      merged[name] = { ...merged[name], ...prop };
  }
  for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, unknown>))
    merged[name] = { ...merged[name], ...resolveRef(spec, prop) };
  return merged;
}

function requiredOf(spec: OpenApiDocument, node: unknown): string[] {
  const schema = resolveRef(spec, node);
  const branches = ((schema.allOf as unknown[] | undefined) ?? []).flatMap((b) =>
    requiredOf(spec, b),
  );
  return [...((schema.required as string[] | undefined) ?? []), ...branches];
}

const constsOf = (properties: Record<string, JsonSchema>) =>
  Object.fromEntries(
    Object.entries(properties)
      .filter(([, prop]) => "const" in prop)
      .map(([name, prop]) => [name, prop.const]),
  );

/** The claims the mock sets itself on every token. */
const REGISTERED_CLAIMS = ["iat", "exp", "jti"];

/**
 * The token properties of one JSON response: `schema` is its media type's schema, `example` its
 * documented example body, `requestFields` the operation's form field names.
 */
export function deriveTokenFields(
  spec: OpenApiDocument,
  schema: unknown,
  example: unknown,
  requestFields: string[],
): TokenField[] {
  const fields: TokenField[] = [];
  for (const [name, prop] of Object.entries(propertiesOf(spec, schema))) {
    if (!prop.contentSchema) continue;
    const decoded = propertiesOf(spec, prop.contentSchema);
    const header = constsOf(propertiesOf(spec, decoded.header));
    if (header.alg !== "HS256")
      throw new Error(`${name}: the mock signs HS256 only, the spec says alg ${header.alg}`);
    const claims = propertiesOf(spec, decoded.claims);
    const fixedClaims = constsOf(claims);
    const echoedClaims = requestFields
      .filter((f) => claims[f] && !(f in fixedClaims))
      .map((f): [string, string] => [f, String(claims[f]?.type)]);
    const known = [
      ...Object.keys(fixedClaims),
      ...echoedClaims.map(([f]) => f),
      ...REGISTERED_CLAIMS,
    ];
    const unknown = requiredOf(spec, decoded.claims).filter((c) => !known.includes(c));
    if (unknown.length > 0)
      throw new Error(`${name}: the mock cannot fill the required claims ${unknown.join(", ")}`);
    fields.push({ name, header, fixedClaims, echoedClaims, lifetime: lifetimeOf(name, example) });
  }
  return fields;
}

/** exp − iat of the example token: the mock's tokens live as long as the spec's own. */
function lifetimeOf(name: string, example: unknown): number {
  const token = (example as Record<string, unknown> | undefined)?.[name];
  try {
    const { exp, iat } = decodeJwtParts(String(token)).claims as { exp: unknown; iat: unknown };
    if (typeof exp === "number" && typeof iat === "number" && exp > iat) return exp - iat;
  } catch {
    // Reported below, with what the mock needed.
  }
  throw new Error(`${name}: the response example has no decodable token with iat < exp`);
}

/** `body` with each token property replaced by a freshly signed token for `request`. */
export function signTokens(
  fields: TokenField[],
  body: Record<string, unknown>,
  request: Record<string, string>,
): Record<string, unknown> {
  const iat = Math.floor(Date.now() / 1000);
  const signed = { ...body };
  for (const { name, header, fixedClaims, echoedClaims, lifetime } of fields) {
    const claims: Record<string, unknown> = { ...fixedClaims };
    for (const [claim, type] of echoedClaims) claims[claim] = echo(request[claim], type);
    claims.iat = iat;
    claims.exp = iat + lifetime;
    claims.jti = randomBytes(16).toString("hex");
    signed[name] = sign(claims, header);
  }
  return signed;
}

/** The request's value as the claim's type; a value that is not one gets a random one. */
function echo(value: string | undefined, type: string): unknown {
  if (type !== "integer") return value ?? "";
  return value !== undefined && /^\d{1,15}$/.test(value.trim())
    ? Number(value)
    : randomInt(1, 2 ** 31);
}
