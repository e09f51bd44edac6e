// The evolved spec the CI's second run uses (run.ts): the product spec keeps every operation and
// its text, and gains the fixture's operations under names no file knows.
import { readFileSync } from "node:fs";
import { loadApiModel, specPath } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { mergeFragment } from "./merge.ts";

const fragmentText = readFileSync(
  new URL("../../spec/fixtures/unseen-operation.yaml", import.meta.url),
  "utf8",
);
const fragment = parse(fragmentText) as {
  paths: Record<string, Record<string, { operationId: string }>>;
  components: { schemas: Record<string, unknown> };
};
const specText = readFileSync(specPath, "utf8");
const merged = mergeFragment(specText, fragmentText);

describe("the evolved spec", () => {
  it("has every product operation, plus one per fixture operation, and the product spec's text", async () => {
    const product = await loadApiModel();
    const evolved = await loadApiModel({ document: parse(merged) });
    const ids = (m: typeof product) => m.operations.map((op) => op.operationId);
    const added = Object.values(fragment.paths).flatMap((item) => Object.keys(item));
    expect(ids(evolved)).toEqual(expect.arrayContaining(ids(product)));
    expect(evolved.operations).toHaveLength(product.operations.length + added.length);
    // Comments and layout survive: every line of the product spec is still there, in order.
    const lines = specText.split("\n").filter((line) => line.trim());
    let at = 0;
    for (const line of merged.split("\n")) if (line === lines[at]) at++;
    expect(at, `the product spec's line ${at + 1} is lost`).toBe(lines.length);
  });

  it("names none of the fixture's paths, operationIds or schemas", () => {
    const names = [
      ...Object.keys(fragment.paths),
      ...Object.values(fragment.paths).flatMap((i) => Object.values(i).map((o) => o.operationId)),
      ...Object.keys(fragment.components.schemas),
    ];
    for (const name of names) expect(merged, name).not.toContain(name);
  });

  it("refuses to merge over an operation the spec already has", () => {
    expect(() => mergeFragment(merged, fragmentText)).toThrow(/already has/);
  });
});
