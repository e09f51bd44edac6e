// Which credentials the mock checks, and as what, comes from the schemas (src/credentials.ts):
// never from a field's or a scheme's name.
import { loadApiModel, loadSpec, signExampleJwt } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { checkBearer, checkTokenFields, credentialRules } from "../src/credentials.ts";
import { expired, forged, model } from "./support.ts";

type Schemas = Record<string, { properties: Record<string, unknown>; required: string[] }>;

describe("credentialRules", () => {
  it("finds every form field whose schema is a JWT, with the token type its contentSchema fixes", () => {
    const found = model.operations.flatMap((op) =>
      credentialRules(op).tokenFields.map((f) => [op.operationId, f.name, f.tokenType]),
    );
    const expected = model.operations.flatMap((op) =>
      op.fields
        .filter((f) => f.secret && f.schema.contentSchema !== undefined)
        .map((f) => [op.operationId, f.name, expect.any(String)]),
    );
    expect(found).toEqual(expected);
    expect(found.length).toBeGreaterThan(0);
  });

  it("follows the schema when a token field is renamed", async () => {
    const tokenFields = (m: typeof model) =>
      m.operations.flatMap((op) => credentialRules(op).tokenFields.map((f) => f.name));
    const names = new Set(tokenFields(model));
    const spec = loadSpec();
    for (const schema of Object.values(spec.components.schemas as Schemas)) {
      for (const name of names) {
        if (!schema.properties?.[name]) continue;
        schema.properties[`renamed_${name}`] = schema.properties[name];
        delete schema.properties[name];
        schema.required = schema.required.map((f) => (f === name ? `renamed_${name}` : f));
      }
    }
    const renamed = await loadApiModel({ document: spec });
    expect(tokenFields(renamed)).toEqual(tokenFields(model).map((name) => `renamed_${name}`));
  });

  it("checks a bearer token for the type of the scheme's documented example", () => {
    const bearers = model.operations.flatMap((op) => credentialRules(op).bearer ?? []);
    expect(bearers.length).toBeGreaterThan(0);
    for (const rule of bearers) expect(typeof rule.tokenType).toBe("string");
  });
});

describe("checkBearer and checkTokenFields", () => {
  const now = Math.floor(Date.now() / 1000);
  const token = signExampleJwt({ token_type: "access", iat: now, exp: now + 60, user_id: 1 });

  it.each([
    ["no header", undefined, "no bearer token"],
    ["another scheme", `Basic ${token}`, "no bearer token"],
    ["a malformed token", "Bearer a.b", "the bearer token is not a JWT"],
    ["a forged token", `Bearer ${forged(token)}`, "is not signed with the example key"],
    ["an expired token", `Bearer ${expired(token)}`, "has expired"],
    ["a token of another type", `Bearer ${token}`, 'token_type other than "refresh"'],
  ])("refuses %s, saying why without the token", async (_case, header, reason) => {
    const tokenType = reason.includes("refresh") ? "refresh" : "access";
    const verdict = await checkBearer({ tokenType }, header);
    expect(verdict.ok).toBe(false);
    const text = verdict.ok ? "" : verdict.reason;
    expect(text).toContain(reason);
    expect(text.includes(token.split(".")[1] ?? "-"), "the reason quotes the token").toBe(false);
  });

  it("accepts a valid token and hands back its claims", async () => {
    await expect(checkBearer({ tokenType: "access" }, `Bearer ${token}`)).resolves.toMatchObject({
      ok: true,
      claims: [{ user_id: 1 }],
    });
  });

  it("leaves an empty token field to the missing-parameter rule", async () => {
    await expect(
      checkTokenFields([{ name: "grant", tokenType: "access" }], { grant: "" }),
    ).resolves.toEqual({
      ok: true,
      claims: [],
    });
  });
});
