// real server ↔ spec, fuzzed: a stand-in that breaks one promise fails the run (exit 1) under the
// check that names the promise, with a minimal case printed as curl, and nothing it did not break
// fails. Drifts and the faithful stand-in come from stand-in.ts, the same servers the fixed
// checks are proven on.
import type { CheckName } from "@klearstack/conformance";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failedChecks, fuzz } from "./fuzz.ts";
import { type Drift, drifts, type StandIn, startStandIn } from "./stand-in.ts";

/** For each drift: the checks that must fail, and what else its broken answers may also fail. */
const expected: Record<Drift, { names: CheckName[]; alsoAllowed?: CheckName[] }> = {
  // The six promises of the issue.
  "tokens-when-missing": { names: ["negative_data_rejection"] },
  "json-500": { names: ["content_type_conformance"], alsoAllowed: ["negative_data_rejection"] },
  "no-bearer-check": { names: ["missing_required_header", "ignored_auth"] },
  "claim-dropped": { names: ["jwt_claims_conformance"] },
  "drops-field": { names: ["response_schema_conformance"] },
  "html-200": { names: ["content_type_conformance"] },
  // And every other drift the fixed checks are proven on.
  "string-as-number": { names: ["response_schema_conformance"] },
  "no-token": { names: ["response_schema_conformance"] },
  "bearer-call-drops-token": { names: ["response_schema_conformance"] },
  "long-lived-tokens": { names: ["jwt_claims_conformance"] },
  "opaque-tokens": {
    names: ["jwt_claims_conformance"],
    alsoAllowed: ["response_schema_conformance"],
  },
  "status-400": { names: ["status_code_conformance", "negative_data_rejection"] },
  "reworded-500": { names: ["negative_data_rejection"] },
  "reworded-secret-500": { names: ["negative_data_rejection"] },
  "no-multipart": {
    names: ["positive_data_acceptance", "status_code_conformance"],
    // Every multipart request is refused, whatever it tested.
    alsoAllowed: ["negative_data_rejection", "missing_required_header", "ignored_auth"],
  },
};

const issued = (server: StandIn) => () =>
  server.issued.map((text, i) => ({ name: `the stand-in's token #${i + 1}`, text }));

describe("conformance --fuzz against the faithful stand-in", () => {
  let server: StandIn;
  beforeAll(async () => {
    server = await startStandIn();
  });
  afterAll(() => server.close());

  it("passes every check (a drift-free baseline for the drifts below)", async () => {
    const run = await fuzz(["--base-url", server.url, "--max-examples", "3"], {
      secrets: issued(server),
    });
    expect(failedChecks(run.report)).toEqual(new Set());
    expect(run.report.notRun).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.leaked).toEqual([]);
  });
});

describe("conformance --fuzz against a stand-in that breaks one promise", () => {
  it.each(Object.entries(drifts))("%s: fails, naming the check", async (_, drift) => {
    const server = await startStandIn(drift);
    try {
      const run = await fuzz(["--base-url", server.url, "--max-examples", "3", "--seed", "12"], {
        secrets: issued(server),
      });
      const { names, alsoAllowed = [] } = expected[drift];
      const failed = failedChecks(run.report);
      for (const check of names) expect(failed, `${check} fails`).toContain(check);
      for (const check of failed)
        expect([...names, ...alsoAllowed], `${check} may fail`).toContain(check);
      expect(run.code).toBe(1);
      // Each named failure is printed with its minimal case, as a curl command.
      const printed = run.output.split("Failures, each shrunk to a minimal case")[1] ?? "";
      for (const check of names) {
        expect(printed).toMatch(new RegExp(`^\\s+\\d+\\. ${check} — `, "m"));
        const failure = run.report.results.find((r) => r.check === check && r.failure)?.failure;
        expect(failure?.curl).toMatch(/^curl -sS -i -X \w+ 'http:\/\/127\.0\.0\.1:\d+\//);
        expect(printed).toContain(failure?.curl);
      }
      expect(run.leaked, "secrets whose text was printed (names only)").toEqual([]);
      expect(run.leakedInReports, "secrets in the reports (names only)").toEqual([]);
    } finally {
      await server.close();
    }
  });
});
