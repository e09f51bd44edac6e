// A failure is shrunk to a minimal case that still fails the same check, within its request
// allowance; a case that does not fail again when replayed is reported as it was first sent.
import { loadApiModel } from "@klearstack/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FuzzCase, planCaseKinds } from "../../src/fuzz/cases.ts";
import type { Executed } from "../../src/fuzz/findings.ts";
import { SHRINK_REQUESTS, shrinkFailure } from "../../src/fuzz/shrink.ts";

const model = await loadApiModel();
const op = model.operations.find((o) => !o.bearer) ?? model.operations[0];
if (!op) throw new Error("no operation");
const [kind] = planCaseKinds(op, {
  given: { fields: {}, bearers: {} },
  otherTokenType: undefined,
  pathMethods: ["POST"],
});
if (!kind) throw new Error("no case kind");
const seed = 99;
const samples = fc.sample(kind.arbitrary, { numRuns: 20, seed });
const text = (c: FuzzCase) =>
  c.fields.map(([, v]) => (v.kind === "literal" ? v.value : "")).join("");
/** Fails the schema check when any generated value has a character beyond ASCII. */
const nonAscii = (c: FuzzCase): Executed =>
  /[^\x20-\x7e]/.test(text(c))
    ? {
        answered: true,
        got: "200 application/json",
        results: [{ check: "response_schema_conformance", verdict: "fail", problems: ["p"] }],
      }
    : { answered: true, got: "200 application/json", results: [] };
const index = samples.findIndex((c) => nonAscii(c).answered && /[^\x20-\x7e]/.test(text(c)));
const input = (execute: (c: FuzzCase) => Promise<Executed>) => ({
  arbitrary: kind.arbitrary,
  seed,
  index,
  check: "response_schema_conformance" as const,
  operationId: op.operationId,
  first: { fuzzCase: samples[index] as FuzzCase, executed: nonAscii(samples[index] as FuzzCase) },
  execute,
  curl: (c: FuzzCase) => `curl ${text(c)}`,
});

describe("shrinkFailure", () => {
  it("replays the failing case and shrinks it to one still failing the check", async () => {
    expect(index).toBeGreaterThanOrEqual(0);
    const { report, stopped } = await shrinkFailure(input(async (c) => nonAscii(c)));
    expect(stopped).toBeUndefined();
    expect(report.shrinks).toBeGreaterThan(0);
    // Minimal: one character beyond ASCII, every other one shrunk to the shortest allowed.
    const minimal = text(samples[index] as FuzzCase);
    expect(report.curl.length).toBeLessThan(`curl ${minimal}`.length);
    expect(
      [...report.curl.replace(/^curl /, "")].filter((ch) => /[^\x20-\x7e]/.test(ch)),
    ).toHaveLength(1);
    expect(report.problems).toEqual(["p"]);
    expect(report.note).toBeUndefined();
  });

  it("spends at most its allowance of requests", async () => {
    // Only the first case fails: fast-check tries candidate after candidate, each a request.
    const original = text(samples[index] as FuzzCase);
    let calls = 0;
    const { report } = await shrinkFailure(
      input(async (c) => {
        calls += 1;
        return text(c) === original ? nonAscii(c) : { answered: true, got: "200", results: [] };
      }),
    );
    expect(calls).toBe(SHRINK_REQUESTS);
    expect(report.note).toBe(`shrinking stopped after ${SHRINK_REQUESTS} requests`);
    expect(report.curl).toBe(`curl ${original}`);
  });

  it("reports the case as first sent when it passes on replay", async () => {
    const { report } = await shrinkFailure(
      input(async () => ({ answered: true, got: "200 application/json", results: [] })),
    );
    expect(report.curl).toBe(`curl ${text(samples[index] as FuzzCase)}`);
    expect(report.note).toContain("passed when replayed");
  });
});
