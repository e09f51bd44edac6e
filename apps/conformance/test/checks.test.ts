// The checks are planned from the spec, not written by hand: one complete request per encoding and
// one missing and one empty request per documented missing parameter.
import { loadSpec, tokenOperation } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { planChecks } from "../src/checks.ts";

const spec = loadSpec();
const tokenCall = tokenOperation(spec);
const encodings = tokenCall.requestMediaTypes;
const examples = tokenCall.exampleFields;
// The documented error response (the one non-2xx status) and its media type.
const [errorStatus, errorResponse] =
  Object.entries(tokenCall.operation.responses).find(([status]) => !status.startsWith("2")) ?? [];
const [errorMediaType] = Object.keys(errorResponse?.content ?? {});

describe("planChecks", () => {
  const checks = planChecks(spec, { fields: {} });

  it("covers every encoding: a complete request, then missing and empty per parameter", () => {
    expect(tokenCall.errorTexts.length).toBeGreaterThan(0);
    expect(checks).toHaveLength(encodings.length * (1 + 2 * tokenCall.errorTexts.length));
    expect([...new Set(checks.map((c) => c.mediaType))]).toEqual(encodings);
  });

  it("sends the spec's examples unless told otherwise", () => {
    const complete = checks.find((c) => c.expect.kind === "success")!;
    expect(complete.fields).toEqual(examples);
    const [field] = tokenCall.requiredFields;
    const mine = planChecks(spec, { fields: { [field!]: "4711" } });
    expect(mine[0]!.fields).toEqual({ ...examples, [field!]: "4711" });
  });

  it("expects the documented text for each missing or empty parameter", () => {
    expect(errorStatus).toBeDefined();
    for (const parameter of tokenCall.requiredFields) {
      const named = checks.filter((c) => c.name.startsWith(`${parameter} `));
      expect(named).toHaveLength(2 * encodings.length);
      for (const check of named) {
        expect(check.expect).toEqual({
          kind: "error",
          status: Number(errorStatus),
          mediaType: errorMediaType,
          text: tokenCall.missingParameterText(parameter),
        });
        expect(check.fields[parameter] ?? "").toBe("");
      }
    }
  });
});
