// Chaining follows the model: the token type a JWT field takes is the model's FieldModel.tokenType,
// and the bearer credential is the type the API issues that no request field takes back.
import { type ApiModel, loadApiModel, loadSpec } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { bearerTokenType, isTokenField, TokenStore } from "../src/chain.ts";

const model = await loadApiModel();
const issued = (m: ApiModel) =>
  new Set(m.operations.flatMap((op) => op.success?.body?.tokens.map((t) => t.tokenType) ?? []));
const consumed = (m: ApiModel) =>
  new Set(m.operations.flatMap((op) => op.fields.map((f) => f.tokenType)).filter(Boolean));

describe("isTokenField", () => {
  it("holds for exactly the JWT request fields, each taking a token type the API issues", () => {
    const fields = model.operations.flatMap((op) => op.fields);
    const tokenFields = fields.filter(isTokenField);
    expect(tokenFields.length).toBeGreaterThan(0);
    for (const field of tokenFields) expect(issued(model)).toContain(field.tokenType);
    for (const field of fields.filter((f) => !isTokenField(f)))
      expect(field.tokenType).toBeUndefined();
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
