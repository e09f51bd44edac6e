// The checks are planned from the spec, not written by hand: one complete request per encoding and
// one missing and one empty request per documented missing parameter.
import { loadSpec } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { planChecks } from "../src/checks.ts";

const spec = loadSpec();
const operation = spec.paths["/access/klearstack/getaccesstokenfromuserid"]!.post!;
const encodings = Object.keys(operation.requestBody.content);
const properties = spec.components.schemas.TokenRequest!.properties as Record<
  string,
  { examples: string[] }
>;
const examples = Object.fromEntries(
  Object.entries(properties).map(([key, p]) => [key, p.examples[0]]),
);
const errors = Object.values(operation.responses["500"]!.content["text/plain"]!.examples!);

describe("planChecks", () => {
  const checks = planChecks(spec, { fields: {} });

  it("covers every encoding: a complete request, then missing and empty per parameter", () => {
    expect(checks).toHaveLength(encodings.length * (1 + 2 * errors.length));
    expect([...new Set(checks.map((c) => c.mediaType))]).toEqual(encodings);
  });

  it("sends the spec's examples unless told otherwise", () => {
    const complete = checks.find((c) => c.expect.kind === "success")!;
    expect(complete.fields).toEqual(examples);
    const mine = planChecks(spec, { fields: { user_id: "4711" } });
    expect(mine[0]!.fields).toEqual({ ...examples, user_id: "4711" });
  });

  it("expects the documented text for each missing or empty parameter", () => {
    for (const example of errors) {
      const parameter = String(example["x-missing-parameter"]);
      const named = checks.filter((c) => c.name.startsWith(`${parameter} `));
      expect(named).toHaveLength(2 * encodings.length);
      for (const check of named) {
        expect(check.expect).toEqual({
          kind: "error",
          status: 500,
          mediaType: "text/plain",
          text: example.value,
        });
        expect(check.fields[parameter] ?? "").toBe("");
      }
    }
  });
});
