import { describe, expect, it } from "vitest";
import { loadSpec, resolveRef, tokenOperation } from "../index.ts";

describe("tokenOperation(): what the spec documents about the token call", () => {
  const op = tokenOperation();

  it("reads the path, encodings, required fields and example values from the document", () => {
    expect(op.path).toBe("/access/klearstack/getaccesstokenfromuserid");
    expect(op.requestMediaTypes).toEqual([
      "application/x-www-form-urlencoded",
      "multipart/form-data",
    ]);
    expect(op.requiredFields).toEqual(["user_id", "company_name"]);
    expect(Object.keys(op.exampleFields)).toEqual(["user_id", "company_name"]);
    for (const value of Object.values(op.exampleFields)) expect(value).not.toBe("");
  });

  it("finds the documented 500 text for each missing field, and refuses unknown ones", () => {
    expect(op.missingParameterText("company_name")).toContain('"Company Name"');
    expect(op.missingParameterText("user_id")).toContain('"User Id"');
    expect(op.errorTexts).toHaveLength(2);
    expect(() => op.missingParameterText("password")).toThrow(
      /no 500 example for a missing password/,
    );
  });

  it("follows edits to the spec (nothing is cached or restated)", () => {
    const spec = loadSpec();
    const schema = spec.components.schemas.TokenRequest as { properties: Record<string, object> };
    schema.properties.user_id = { type: "string", minLength: 1, examples: ["42"] };
    expect(tokenOperation(spec).exampleFields.user_id).toBe("42");
  });

  it("resolves local $refs and rejects ones that point nowhere", () => {
    const spec = loadSpec();
    expect(resolveRef(spec, { $ref: "#/components/schemas/Jwt" })).toHaveProperty("pattern");
    expect(() => resolveRef(spec, { $ref: "#/components/schemas/Nope" })).toThrow(/points nowhere/);
    expect(() => resolveRef(spec, { $ref: "other.yaml#/x" })).toThrow(/only local/);
  });
});
