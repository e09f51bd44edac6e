// The mock mints dynamic tokens only from what the spec says about them (src/tokens.ts); a spec it
// cannot honour is refused at load rather than answered with tokens that break their contentSchema.
// (fidelity.test.ts checks the tokens a running mock sends.)
import { loadSpec, type OpenApiDocument } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { deriveTokenFields } from "../src/tokens.ts";
import { operationPath, tokenProperties, valid } from "./support.ts";

function derive(edit: (spec: OpenApiDocument) => void = () => {}) {
  const spec = loadSpec();
  edit(spec);
  const media = spec.paths[operationPath]?.post?.responses["200"]?.content["application/json"];
  return deriveTokenFields(spec, media?.schema, media?.example, Object.keys(valid));
}
/** The schema a $ref names, in the edited copy. */
const target = (spec: OpenApiDocument, pointer: string) =>
  pointer
    .slice(1)
    .split("/")
    .reduce<Record<string, unknown>>((at, key) => at[key] as Record<string, unknown>, spec);

describe("deriveTokenFields", () => {
  it("finds every token property the spec gives a contentSchema", () => {
    expect(derive().map((f) => f.name)).toEqual(tokenProperties.map((p) => p.name));
  });

  it("refuses a spec whose claims require one the mock cannot fill", () => {
    const first = tokenProperties[0]?.contentSchema ?? "";
    expect(() =>
      derive((spec) => {
        const decoded = target(spec, first) as { properties: { claims: Record<string, unknown> } };
        decoded.properties.claims = { ...decoded.properties.claims, required: ["tenant"] };
      }),
    ).toThrow(/cannot fill the required claims tenant/);
  });

  it("refuses a spec whose header asks for an algorithm other than HS256", () => {
    const first = tokenProperties[0]?.contentSchema ?? "";
    expect(() =>
      derive((spec) => {
        const decoded = target(spec, first) as { properties: Record<string, unknown> };
        decoded.properties.header = { properties: { alg: { const: "RS256" } } };
      }),
    ).toThrow(/signs HS256 only/);
  });

  it("refuses a spec whose example token does not decode (no lifetime to copy)", () => {
    const name = tokenProperties[0]?.name ?? "";
    expect(() =>
      derive((spec) => {
        const media =
          spec.paths[operationPath]?.post?.responses["200"]?.content["application/json"];
        (media?.example as Record<string, unknown>)[name] = "a.b.c";
      }),
    ).toThrow(/no decodable token/);
  });
});
