// The fuzz runner, on a fake `fetch` that answers as the spec documents (a unit test; the real
// mock and drifting stand-ins are test/conformance's): every check of every operation passes, the
// same seed sends the same cases, a broken promise is reported under its check with a minimal
// curl, the budget and repeated connection errors stop the run, and no secret reaches the result.
import { execFileSync } from "node:child_process";
import { loadApiModel, SecretMasker } from "@klearstack/spec";
import { fakeApi as createFakeApi } from "@klearstack/test-support/fake-api";
import { secretsIn } from "@klearstack/test-support/leaks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CHECK_NAMES } from "../../src/fuzz/checks.ts";
import { jsonReport, junitReport } from "../../src/fuzz/reports.ts";
import { type FuzzOptions, planKinds, plannedCases, runFuzz } from "../../src/fuzz/run.ts";

const model = await loadApiModel();
const baseUrl = new URL("http://127.0.0.1:9");
/** The tokens the last fake handed out. */
let issued: string[] = [];

/**
 * The fake KlearStack answering every operation as documented, with freshly signed tokens;
 * `checkBearer: false` makes it a server that forgot to check the bearer token.
 */
function fakeApi({ checkBearer = true } = {}) {
  const api = createFakeApi(model, { credentials: checkBearer ? "signed" : "ignored" });
  issued = api.issued;
  const fetch = vi.fn(api.fetch);
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const options = (change: Partial<FuzzOptions> = {}): FuzzOptions => ({
  model,
  baseUrl,
  timeoutMs: 1000,
  given: { fields: {}, bearers: {} },
  masker: new SecretMasker(),
  seed: 1234,
  maxExamples: 4,
  rate: undefined,
  ...change,
});
/** The failures an API that ignores credentials earns: both credential checks, per bearer-protected operation. */
const credentialFailures = model.operations
  .filter((op) => op.bearer)
  .flatMap(() => ["ignored_auth", "missing_required_header"])
  .sort();
const leaks = (text: string) => secretsIn(text, issued);

describe("runFuzz against an API that keeps the spec's promises", () => {
  it("passes every check that applies to each operation, and sends every planned case", async () => {
    const fetch = fakeApi();
    const result = await runFuzz(options());
    expect(result.failures).toEqual([]);
    expect(result.notRun).toEqual([]);
    expect(result.ok).toBe(true);
    const planned = plannedCases(planKinds(model, { fields: {}, bearers: {} }), 4);
    expect(result.cases).toHaveLength(planned);
    expect(fetch).toHaveBeenCalledTimes(planned);
    expect(result.requests).toBe(planned);
    for (const op of model.operations) {
      const checks = result.tallies.filter((t) => t.operationId === op.operationId);
      // What applies is what the spec states for this operation: the credential checks where it
      // takes a bearer token, the JWT claims check where an answer it documents carries tokens.
      const issuesTokens = op.responses.some((r) => r.body?.tokens.length);
      const expected = CHECK_NAMES.filter((c) =>
        ["missing_required_header", "ignored_auth"].includes(c)
          ? op.bearer
          : c === "jwt_claims_conformance"
            ? issuesTokens
            : true,
      );
      expect(new Set(checks.map((t) => t.check))).toEqual(new Set(expected));
      for (const tally of checks) expect(tally.passed, tally.check).toBeGreaterThan(0);
    }
    // The undocumented: another method and media type, reported but not failing.
    expect(result.undocumented.map((u) => u.seen)).toContainEqual(
      expect.stringMatching(/^another method → 405/),
    );
  });

  it("sends the same cases for the same seed, and others for another", async () => {
    fakeApi();
    const first = await runFuzz(options());
    const again = await runFuzz(options());
    const other = await runFuzz(options({ seed: 4321 }));
    const curls = (r: typeof first) => r.cases.map((c) => c.curl);
    expect(curls(again)).toEqual(curls(first));
    expect(curls(other)).not.toEqual(curls(first));
  });
});

describe("runFuzz against an API that breaks a promise", () => {
  it("names the checks, with a shrunk minimal case as curl, and no secret", async () => {
    fakeApi({ checkBearer: false });
    const result = await runFuzz(options());
    expect(result.ok).toBe(false);
    expect(new Set(result.failures.map((f) => f.check))).toEqual(
      new Set(["missing_required_header", "ignored_auth"]),
    );
    for (const failure of result.failures) {
      expect(model.operation(failure.operationId).bearer).toBeDefined();
      expect(failure.curl).toMatch(/^curl -sS -i -X POST '/);
      expect(failure.problems.join()).toContain("the credential is not checked");
    }
    const missing = result.failures.find((f) => f.check === "missing_required_header");
    expect(missing?.curl).not.toContain("Authorization");
    expect(leaks(JSON.stringify(result))).toBe(0);
  });
});

describe("runFuzz is gentle", () => {
  it("stops when the request budget is spent, and says so", async () => {
    const fetch = fakeApi();
    const result = await runFuzz(options({ maxRequests: 10 }));
    expect(fetch).toHaveBeenCalledTimes(10);
    expect(result.requests).toBe(10);
    expect(result.stopped).toContain("the request budget (10) is spent");
    expect(result.ok).toBe(false);
  });

  it("stops after five connection errors in a row", async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
    });
    vi.stubGlobal("fetch", fetch);
    const result = await runFuzz(options());
    expect(fetch).toHaveBeenCalledTimes(5);
    expect(result.stopped).toBe(
      "5 connection errors in a row (last: connect ECONNREFUSED 127.0.0.1:9); is the deployment up?",
    );
    expect(result.ok).toBe(false);
  });
});

describe("reports", () => {
  const context = (masker = new SecretMasker()) => ({
    baseUrl: baseUrl.href,
    spec: { title: model.title, version: model.version },
    masker,
  });

  it("JSON: parses, holds every check's tally, the seed and every case, and no token", async () => {
    fakeApi({ checkBearer: false });
    const result = await runFuzz(options());
    const report = JSON.parse(jsonReport(result, context()));
    expect(report).toMatchObject({ seed: 1234, ok: false, requests: result.requests });
    expect(Object.keys(report.checks)).toEqual(CHECK_NAMES);
    expect(report.results).toHaveLength(result.tallies.length);
    const failed = report.results.filter((r: { failure: unknown }) => r.failure);
    expect(failed.map((r: { check: string }) => r.check).sort()).toEqual(credentialFailures);
    expect(report.cases).toHaveLength(result.cases.length);
    expect(leaks(JSON.stringify(report))).toBe(0);
  });

  it("JUnit: a real XML parser reads a suite per operation, a case per check, the failures", async () => {
    fakeApi({ checkBearer: false });
    const result = await runFuzz(options());
    // A generated value with a control character, which XML 1.0 cannot carry, must not break it.
    result.failures[0]?.problems.push('a\u0001b <&> "q"');
    const xml = junitReport(result, context());
    const parsed = JSON.parse(
      execFileSync(
        "python3",
        [
          "-c",
          `import sys, json, xml.etree.ElementTree as E
root = E.fromstring(sys.stdin.read())
print(json.dumps([{"suite": s.get("name"), "cases": [{"name": c.get("name"), "failure": (c.find("failure").text if c.find("failure") is not None else None)} for c in s.findall("testcase")]} for s in root.findall("testsuite")]))`,
        ],
        { input: xml },
      ).toString(),
    ) as { suite: string; cases: { name: string; failure: string | null }[] }[];
    // A suite per operation (in whatever order), then the run's own.
    expect(parsed.at(-1)?.suite).toBe("fuzz run");
    expect(parsed.map((s) => s.suite).sort()).toEqual(
      [...model.operations.map((op) => op.operationId), "fuzz run"].sort(),
    );
    const failures = parsed.flatMap((s) => s.cases.filter((c) => c.failure).map((c) => c.name));
    expect(failures.sort()).toEqual(credentialFailures);
    expect(parsed.flatMap((s) => s.cases.map((c) => c.failure ?? "")).join()).toContain(
      'a\ufffdb <&> "q"',
    );
    expect(leaks(xml)).toBe(0);
  });
});
