// Chaining follows the model: the token type a JWT field takes is the one its decoded schema fixes,
// and the bearer credential is the type the API issues that no request field takes back.
import { type ApiModel, loadApiModel, loadSpec, schemaFacts } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { bearerTokenType, isTokenField, TokenStore, tokenTypeOf } from "../src/chain.ts";

const model = await loadApiModel();
const issued = (m: ApiModel) =>
  new Set(m.operations.flatMap((op) => op.success?.body?.tokens.map((t) => t.tokenType) ?? []));
const consumed = (m: ApiModel) =>
  new Set(
    m.operations.flatMap((op) => op.fields.map((f) => tokenTypeOf(f.schema))).filter(Boolean),
  );

describe("tokenTypeOf and isTokenField", () => {
  it("read the token type of every JWT request field, and nothing for other fields", () => {
    const fields = model.operations.flatMap((op) => op.fields);
    const tokenFields = fields.filter(isTokenField);
    expect(tokenFields.length).toBeGreaterThan(0);
    for (const field of tokenFields) expect(issued(model)).toContain(tokenTypeOf(field.schema));
    for (const field of fields.filter((f) => !isTokenField(f)))
      expect(tokenTypeOf(field.schema)).toBeUndefined();
  });

  it("read the same token type from a response token's schema as the model does", () => {
    for (const op of model) {
      for (const token of op.success?.body?.tokens ?? []) {
        const schema = op.success?.body?.schema ?? {};
        const property = schemaFacts(schema).properties?.[token.name] ?? {};
        expect(tokenTypeOf(property)).toBe(token.tokenType);
      }
    }
  });
});

describe("bearerTokenType", () => {
  it("is the one issued token type no request field consumes", () => {
    const type = bearerTokenType(model);
    expect(type).toBeDefined();
    expect(issued(model)).toContain(type);
    expect(consumed(model)).not.toContain(type);
  });

  it("is undefined when the spec leaves it ambiguous (no JWT field consumes a token)", async () => {
    const document = loadSpec();
    for (const item of Object.values(document.paths)) {
      for (const op of Object.values(item)) {
        if ((op as { security?: unknown[] }).security?.length)
          delete (item as Record<string, unknown>).post;
      }
    }
    const logins = await loadApiModel({ document });
    expect(issued(logins).size).toBeGreaterThan(1);
    expect(bearerTokenType(logins)).toBeUndefined();
  });
});

describe("TokenStore", () => {
  it("keeps the latest token of each type", () => {
    const store = new TokenStore();
    store.put("a", "1");
    store.put("a", "2");
    expect(store.get("a")).toBe("2");
    expect(store.get("b")).toBeUndefined();
    expect(store.get(undefined)).toBeUndefined();
  });
});
