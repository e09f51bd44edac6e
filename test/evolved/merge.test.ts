// The evolved spec the CI's second run uses (run.ts): the product spec keeps every operation and
// its text, and gains the fixture's operations under names no file knows. Over whatever spec this
// runs against: in the evolved copy, the spec already carries the fixture's operations, so the
// product spec is that spec without them (and merging them back gives the copy's spec again).
import { readFileSync } from "node:fs";
import { loadApiModel, specPath } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { mergeFragment, withoutFragment } from "./merge.ts";

const fragmentText = readFileSync(
  new URL("../../spec/fixtures/unseen-operation.yaml", import.meta.url),
  "utf8",
);
const fragment = parse(fragmentText) as {
  paths: Record<string, Record<string, { operationId: string }>>;
  components: { schemas: Record<string, unknown> };
};
const specText = readFileSync(specPath, "utf8");
const productText = withoutFragment(specText, fragmentText);
const merged = mergeFragment(productText, fragmentText);

describe("the evolved spec", () => {
  it("has every product operation, plus one per fixture operation, and the product spec's text", async () => {
    const product = await loadApiModel({ document: parse(productText) });
    const evolved = await loadApiModel({ document: parse(merged) });
    const ids = (m: typeof product) => m.operations.map((op) => op.operationId);
    const added = Object.values(fragment.paths).flatMap((item) => Object.keys(item));
    expect(ids(evolved)).toEqual(expect.arrayContaining(ids(product)));
    expect(evolved.operations).toHaveLength(product.operations.length + added.length);
    // Comments and layout survive: every line of the product spec is still there, in order.
    const lines = productText.split("\n").filter((line) => line.trim());
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

  it("takes the fixture's operations back out, and is the product or the evolved spec this runs on", () => {
    expect(withoutFragment(merged, fragmentText)).toBe(productText);
    expect([productText, merged]).toContain(specText);
  });

  it("refuses to merge over an operation the spec already has", () => {
    expect(() => mergeFragment(merged, fragmentText)).toThrow(/already has/);
  });
});
