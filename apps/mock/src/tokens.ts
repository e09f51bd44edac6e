// Every token the mock hands out is real and fresh, in static answers too: the spec's example
// tokens expired long ago, and a client session given them would refresh forever. Each response
// property the operation model lists as a token (`body.tokens`) is replaced, per answer, by an HS256
// JWT signed with the spec's public, example-only key, whose header and claims satisfy that token's
// `contentSchema`:
// - header, and claims such as `token_type`: the `const`s the contentSchema fixes;
// - `iat` now, `exp` iat plus the lifetime (the --access-ttl/--refresh-ttl override for its token
//   type, else the spec's `x-token-lifetime` default), `jti` 32 fresh hex digits (RFC 7519's
//   registered claims);
// - every other claim, in this order: the request field of the same name (as the claim's JSON
//   type; secret fields never), else the same claim of a token the request presented (a refresh
//   keeps its user), else the claim of the spec's example token, else a value generated from the
//   claim's schema. So no valid spec leaves a required claim unfilled.
// The tokens prove the layout, never an identity.
import { randomFillSync } from "node:crypto";
import {
  decodeJwtParts,
  type JsonSchema,
  type ResponseModel,
  schemaFacts,
  signExampleJwt,
} from "@klearstack/spec";
import { generateFromSchema } from "./prism.ts";

/** Token lifetime in seconds by token type (the `token_type` claim), overriding the spec's. */
export type Lifetimes = Partial<Record<string, number>>;

/** Used only when the spec documents no lifetime and no example token shows one. */
export const FALLBACK_LIFETIME_SECONDS = 3600;

/** RFC 7519 claims the mock sets on every token itself. */
const REGISTERED_CLAIMS = new Set(["iat", "exp", "jti"]);

interface ClaimPlan {
  name: string;
  /** The claim's JSON type, to read a form field's string as. */
  type: string | undefined;
  /** From the example token, or generated for a required claim; undefined: leave it out. */
  fallback: unknown;
}

export interface TokenPlan {
  /** The response property that carries the token, e.g. access_token. */
  name: string;
  tokenType: string | undefined;
  header: Record<string, unknown>;
  /** Claims the contentSchema fixes with `const`. */
  fixedClaims: Record<string, unknown>;
  claims: ClaimPlan[];
  /** Seconds from iat to exp. */
  lifetime: number;
}

/** What a request brings for the claims of the tokens it gets. */
export interface ClaimSources {
  /** Its form fields, secrets left out. */
  fields: Record<string, string>;
  /** The verified claims of the tokens it presented, most specific first. */
  presented: Record<string, unknown>[];
}

/** How to mint each token of one response's body. */
export function planTokens(response: ResponseModel, lifetimes: Lifetimes = {}): TokenPlan[] {
  const body = response.body;
  if (!body) return [];
  return body.tokens.map((token) => {
    const examples = body.examples.flatMap((example) => {
      const value = (example.value as Record<string, unknown> | null)?.[token.name];
      return typeof value === "string" ? claimsOf(value) : [];
    });
    const decoded = schemaFacts(token.decodedSchema ?? {});
    const header = constsOf(schemaFacts(decoded.properties?.header ?? {}));
    const claimsSchema = schemaFacts(decoded.properties?.claims ?? {});
    const properties = claimsSchema.properties ?? {};
    const fixedClaims = constsOf(claimsSchema);
    const required = new Set(claimsSchema.required ?? []);
    const names = [...new Set([...Object.keys(properties), ...required])].filter(
      (name) => !(name in fixedClaims) && !REGISTERED_CLAIMS.has(name),
    );
    const claims = names.map((name): ClaimPlan => {
      const schema = schemaFacts(properties[name] ?? {});
      const documented = examples.find((claims) => name in claims)?.[name];
      return {
        name,
        type: [schema.type].flat().find((t) => t !== "null") as string | undefined,
        fallback:
          documented === undefined && required.has(name) ? generateFromSchema(schema) : documented,
      };
    });
    const tokenType = token.tokenType ?? (fixedClaims.token_type as string | undefined);
    return {
      name: token.name,
      tokenType,
      // The mock has one key and one algorithm: the header says so, whatever the spec asks for.
      header: { typ: "JWT", ...header, alg: "HS256" },
      fixedClaims,
      claims,
      lifetime:
        (tokenType === undefined ? undefined : lifetimes[tokenType]) ??
        token.lifetime?.default ??
        exampleLifetime(examples) ??
        FALLBACK_LIFETIME_SECONDS,
    };
  });
}

/** `body` with each planned token replaced by a freshly signed one. */
export function mintTokens(
  plans: TokenPlan[],
  body: Record<string, unknown>,
  sources: ClaimSources,
  now = Date.now(),
): Record<string, unknown> {
  const iat = Math.floor(now / 1000);
  const minted = { ...body };
  for (const plan of plans) {
    const claims: Record<string, unknown> = { ...plan.fixedClaims };
    for (const { name, type, fallback } of plan.claims) {
      const value =
        asClaim(sources.fields[name], type) ??
        sources.presented.find((presented) => name in presented)?.[name] ??
        fallback;
      if (value !== undefined) claims[name] = value;
    }
    claims.iat = iat;
    claims.exp = iat + plan.lifetime;
    claims.jti = freshJti();
    minted[plan.name] = signExampleJwt(claims, plan.header);
  }
  return minted;
}

// jti values are cut from a pool of random bytes refilled 512 ids at a time: randomBytes(16)
// per token costs a system call each, a visible share of a static answer's CPU in a profile.
const jtiPool = Buffer.alloc(16 * 512);
let jtiOffset = jtiPool.length;
/** 32 random hex digits, never handed out twice from the pool. */
function freshJti(): string {
  if (jtiOffset === jtiPool.length) {
    randomFillSync(jtiPool);
    jtiOffset = 0;
  }
  jtiOffset += 16;
  return jtiPool.toString("hex", jtiOffset - 16, jtiOffset);
}

/** A form field's string as a claim of JSON type `type`; undefined when it is not one. */
function asClaim(value: string | undefined, type: string | undefined): unknown {
  if (value === undefined) return undefined;
  const text = value.trim();
  switch (type) {
    case "integer":
      return /^-?\d{1,15}$/.test(text) ? Number(text) : undefined;
    case "number":
      return text !== "" && Number.isFinite(Number(text)) ? Number(text) : undefined;
    case "boolean":
      return text === "true" ? true : text === "false" ? false : undefined;
    case "string":
    case undefined:
      return value;
    default:
      return undefined;
  }
}

function claimsOf(token: string): Record<string, unknown>[] {
  try {
    const claims = decodeJwtParts(token).claims;
    return claims && typeof claims === "object" ? [claims as Record<string, unknown>] : [];
  } catch {
    return [];
  }
}

function exampleLifetime(examples: Record<string, unknown>[]): number | undefined {
  for (const { exp, iat } of examples) {
    if (typeof exp === "number" && typeof iat === "number" && exp > iat) return exp - iat;
  }
  return undefined;
}

const constsOf = (schema: JsonSchema & { properties?: Record<string, JsonSchema> }) =>
  Object.fromEntries(
    Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
      const facts = schemaFacts(property);
      return "const" in facts ? [[name, facts.const]] : [];
    }),
  );
