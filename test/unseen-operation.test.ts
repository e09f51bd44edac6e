// "Single source" means a maintainer who adds an operation edits only spec/. The fixture spec
// (spec/fixtures) adds an operation the product never had; each workspace's own tests run it
// through their artifact (mock, docs and samples, Postman, conformance). This test proves the other
// half of the promise: no code outside the fixture knows that operation by any of its names.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = new URL("../", import.meta.url);
const fragment = parse(
  readFileSync(new URL("spec/fixtures/unseen-operation.yaml", root), "utf8"),
) as {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
      }
    >
  >;
  components: { schemas: Record<string, unknown> };
};
const productSpec = readFileSync(new URL("spec/openapi.yaml", root), "utf8");
/** A schema of the fragment, its local `$ref` followed. */
const schemaOf = (schema: { $ref?: string }): { properties?: Record<string, unknown> } =>
  (schema.$ref ? fragment.components.schemas[schema.$ref.split("/").at(-1) ?? ""] : schema) as {
    properties?: Record<string, unknown>;
  };
const names = [
  ...Object.keys(fragment.paths),
  ...Object.values(fragment.paths).flatMap((item) =>
    Object.values(item).map((op) => op.operationId),
  ),
  ...Object.keys(fragment.components.schemas),
  // Its own form fields (of every kind the toolkit sends): the ones the product spec lacks.
  ...Object.values(fragment.paths)
    .flatMap((item) => Object.values(item))
    .flatMap((op) => Object.values(op.requestBody?.content ?? {}))
    .flatMap((media) => Object.keys(schemaOf(media.schema).properties ?? {}))
    .filter((field, index, all) => all.indexOf(field) === index && !productSpec.includes(field)),
];

describe("an operation added to the spec needs no code edit", () => {
  it("the fixture adds an operation with a path, an operationId and schemas of its own", () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  it.each(names)("no tracked file outside spec/fixtures names %s", (name) => {
    let hits = "";
    try {
      hits = execFileSync("git", ["grep", "-n", "-F", name, "--", ".", ":!spec/fixtures/**"], {
        cwd: root,
        encoding: "utf8",
      });
    } catch (error) {
      // git grep exits 1 when nothing matches: the outcome we want.
      if ((error as { status?: number }).status !== 1) throw error;
    }
    expect(hits).toBe("");
  });
});
