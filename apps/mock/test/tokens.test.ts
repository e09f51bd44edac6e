// How the mock mints tokens (src/tokens.ts), from what the operation model says about them, for
// any valid spec: a claim nothing in the request or the examples supplies is generated from its
// schema rather than refusing to start. (fidelity.test.ts checks the tokens a running mock sends.)
import {
  type ApiModel,
  createSpecValidator,
  decodeJwtParts,
  loadApiModel,
  loadSpec,
  type OpenApiDocument,
  type ResponseModel,
  verifyExampleJwt,
} from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import {
  type ClaimSources,
  FALLBACK_LIFETIME_SECONDS,
  mintTokens,
  planTokens,
} from "../src/tokens.ts";
import { claimsOf, loginOperation, model } from "./support.ts";

type Schemas = Record<string, Record<string, unknown>>;
const responses = (m: ApiModel) => m.operations.flatMap((op) => op.responses);
const noSources: ClaimSources = { fields: {}, presented: [] };

/** The model of a copy of the spec that `edit` changed. */
async function edited(edit: (spec: OpenApiDocument, schemas: Schemas) => void) {
  const spec = loadSpec();
  edit(spec, spec.components.schemas as Schemas);
  return loadApiModel({ document: spec });
}

/** The success response of the login operation, and its tokens minted with `sources`. */
function mintLogin(m: ApiModel, sources = noSources, lifetimes = {}) {
  const success = m.operation(loginOperation(m).operationId).success as ResponseModel;
  const plans = planTokens(success, lifetimes);
  return { plans, body: mintTokens(plans, {}, sources), tokens: success.body?.tokens ?? [] };
}

describe("planTokens", () => {
  it("plans one token for each token the model lists in any response body", () => {
    for (const response of responses(model)) {
      expect(planTokens(response).map((p) => p.name)).toEqual(
        (response.body?.tokens ?? []).map((t) => t.name),
      );
    }
  });

  it("gives each token its documented lifetime, or the one asked for its type", () => {
    const { plans } = mintLogin(model, noSources, { access: 5 });
    for (const plan of plans) {
      const documented = mintLogin(model).plans.find((p) => p.name === plan.name);
      expect(plan.lifetime).toBe(plan.tokenType === "access" ? 5 : documented?.lifetime);
    }
  });

  it("without x-token-lifetime, lives as long as the example token; without either, a fallback", async () => {
    const undocumented = await edited((_spec, schemas) => {
      for (const schema of Object.values(schemas)) delete schema["x-token-lifetime"];
    });
    for (const plan of mintLogin(undocumented).plans) {
      const example = (loginOperation(model).success?.body?.examples[0]?.value ?? {}) as Record<
        string,
        unknown
      >;
      const { iat, exp } = claimsOf(example[plan.name]) as { iat: number; exp: number };
      expect(plan.lifetime, plan.name).toBe(exp - iat);
    }
    const bare = await edited((spec, schemas) => {
      for (const schema of Object.values(schemas)) delete schema["x-token-lifetime"];
      // Every JSON example body goes: no example token shows a lifetime either.
      const bodies = [
        ...Object.values(spec.paths).flatMap((item) => Object.values(item)),
        { responses: spec.components.responses as Schemas },
      ].flatMap((op) => Object.values(op.responses ?? {}));
      for (const response of bodies) {
        for (const media of Object.values(response.content ?? {})) delete media.example;
      }
    });
    const plans = responses(bare).flatMap((response) => planTokens(response));
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan.lifetime).toBe(FALLBACK_LIFETIME_SECONDS);
  });
});

describe("mintTokens", () => {
  it("fills a required claim no request or example supplies from its schema (never refuses a spec)", async () => {
    const tenant = { type: "string", pattern: "^t-[0-9]{3}$" };
    const withTenant = await edited((_spec, schemas) => {
      const claims = schemas.TokenClaims as { required: string[]; properties: Schemas };
      claims.required.push("tenant");
      claims.properties.tenant = tenant;
    });
    const { body, tokens } = mintLogin(withTenant);
    const validate = createSpecValidator(withTenant);
    for (const token of tokens) {
      const decoded = decodeJwtParts(String(body[token.name]));
      expect(validate(token.decodedSchema ?? {}, decoded), token.name).toEqual([]);
      expect((decoded.claims as { tenant: string }).tenant).toMatch(/^t-[0-9]{3}$/);
    }
  });

  it("signs HS256 with the example key, whatever algorithm the spec names", async () => {
    const rs256 = await edited((_spec, schemas) => {
      (schemas.JwtHeader as { properties: Schemas }).properties.alg = { const: "RS256" };
    });
    const { body, tokens } = mintLogin(rs256);
    for (const token of tokens) {
      const value = String(body[token.name]);
      expect(verifyExampleJwt(value).ok, token.name).toBe(true);
      expect((decodeJwtParts(value).header as { alg: string }).alg).toBe("HS256");
    }
  });

  it("takes a claim from the same-named field (as the claim's type), then a presented token, then the example", () => {
    const claim = (sources: ClaimSources) => {
      const { body, tokens } = mintLogin(model, sources);
      return tokens.map((t) => claimsOf(body[t.name]).user_id);
    };
    const example = claim(noSources);
    expect(claim({ fields: { user_id: "4711" }, presented: [] })).toEqual(example.map(() => 4711));
    expect(claim({ fields: { user_id: "abc" }, presented: [{ user_id: 99 }] })).toEqual(
      example.map(() => 99),
    );
    expect(claim({ fields: { user_id: "abc" }, presented: [] })).toEqual(example);
    expect(example.every((id) => typeof id === "number")).toBe(true);
  });

  it("issues a new jti, iat now and exp iat plus the lifetime, every time", () => {
    const { plans } = mintLogin(model);
    const [a, b] = [mintTokens(plans, {}, noSources, 1_000_000), mintTokens(plans, {}, noSources)];
    for (const plan of plans) {
      const first = claimsOf(a[plan.name]);
      expect(first.iat).toBe(1000);
      expect(first.exp).toBe(1000 + plan.lifetime);
      expect(first.jti).toMatch(/^[0-9a-f]{32}$/);
      expect(first.jti === claimsOf(b[plan.name]).jti).toBe(false);
    }
  });
});
