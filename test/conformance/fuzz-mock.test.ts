// real server ↔ spec, fuzzed: with the default budget, every generated case of every operation that
// the spec documents gets the documented answer from our mock (Prism behind apps/mock), every
// check passes, the reports parse and carry every check, and no token or password is printed or
// written. The run's duration is printed, never asserted.
import { execFileSync } from "node:child_process";
import { CHECK_NAMES, runInputs } from "@klearstack/conformance";
import { useMock } from "@klearstack/mock/testing";
import { loadApiModel } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { failedChecks, fuzz } from "./fuzz.ts";

const model = await loadApiModel();
const password = { name: "the test's password", text: "fuzz-test-password-4e1b" };
const passwordInput = runInputs(model).fields.find((i) => i.secret && !i.token);

/** The JUnit report as a real XML parser (Python's) reads it: suite → case → failed or not. */
function parseJunit(xml: string): Record<string, Record<string, boolean>> {
  const script = `import sys, json, xml.etree.ElementTree as E
root = E.fromstring(sys.stdin.read())
print(json.dumps({s.get("name"): {c.get("name"): c.find("failure") is not None or c.find("error") is not None for c in s.findall("testcase")} for s in root.findall("testsuite")}))`;
  try {
    return JSON.parse(execFileSync("python3", ["-c", script], { input: xml }).toString());
  } catch (error) {
    throw new Error(`python3 parses the JUnit report (apt-get install python3): ${error}`);
  }
}

describe("conformance --fuzz against the mock", () => {
  const mock = useMock();

  it("passes every check of every operation with the default budget, and leaks nothing", async () => {
    if (!passwordInput?.secret) throw new Error("the spec has a password-like secret field");
    const started = performance.now();
    const run = await fuzz(["--base-url", mock.url], {
      env: { [passwordInput.secret.env]: password.text },
      secrets: () => [password],
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fuzzing the mock with the default budget: ${run.report.requests} requests in ${seconds.toFixed(1)} s (seed ${run.report.seed})`,
    );
    expect(run.output).toMatch(/^Fuzzing with seed \d+$/m);
    expect(run.report.results.filter((r) => r.failed > 0)).toEqual([]);
    expect(failedChecks(run.report)).toEqual(new Set());
    expect(run.report.notRun).toEqual([]);
    expect(run.report.stopped).toBeNull();
    // Every check ran somewhere, and every operation was fuzzed.
    expect(new Set(run.report.results.map((r) => r.check))).toEqual(new Set(CHECK_NAMES));
    expect(new Set(run.report.results.map((r) => r.operationId))).toEqual(
      new Set(model.operations.map((op) => op.operationId)),
    );
    for (const result of run.report.results) expect(result.passed, result.check).toBeGreaterThan(0);
    expect(run.output).toMatch(/^Fuzzing conforms: (\d+) of \1 check × operation pairs passed/m);
    expect(run.code).toBe(0);

    // A suite per operation (in the order the run sent them: the token chain's, not the spec's),
    // then the run's own.
    const junit = parseJunit(run.junit);
    const suites = Object.keys(junit);
    expect(suites.at(-1)).toBe("fuzz run");
    expect(suites.slice(0, -1).sort()).toEqual(model.operations.map((op) => op.operationId).sort());
    for (const op of model.operations) {
      const cases = junit[op.operationId] ?? {};
      expect(Object.values(cases).some(Boolean), op.operationId).toBe(false);
      expect(Object.keys(cases).length).toBeGreaterThanOrEqual(6);
    }
    expect(run.leaked, "secrets whose text was printed (names only)").toEqual([]);
    expect(run.leakedInReports, "secrets in the reports (names only)").toEqual([]);
  });
});
