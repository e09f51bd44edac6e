// unseen operation ↔ conformance: a spec with an operation the code has never seen (bearer
// protected, a body of another shape, no tokens) is checked from the document alone, through
// --spec, against a stand-in and against the real mock serving that spec.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useMock } from "@klearstack/mock/testing";
import { loadApiModel } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConformanceRun, conformance, tableRows } from "./cli.ts";
import { type FuzzRun, failedChecks, fuzz } from "./fuzz.ts";
import { startStandIn } from "./stand-in.ts";

let dir: string;
let specFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "klearstack-unseen-"));
  specFile = writeUnseenOperationSpec(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectUnseenChecked(run: ConformanceRun) {
  const rows = tableRows(run.output);
  const unseen = rows.filter((row) => row.operation === UNSEEN_OPERATION_ID);
  // A valid request with the chained token and the 401 without it, in every encoding, at least.
  expect(unseen.length).toBeGreaterThanOrEqual(4);
  expect(rows.filter((row) => row.result !== "PASS")).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.leaked, "secrets whose text was printed (names only)").toEqual([]);
}

function expectUnseenFuzzed(run: FuzzRun) {
  const unseen = run.report.results.filter((r) => r.operationId === UNSEEN_OPERATION_ID);
  // Its own cases, its bearer checks among them, each passed at least once.
  expect(unseen.map((r) => r.check)).toEqual(
    expect.arrayContaining(["positive_data_acceptance", "missing_required_header", "ignored_auth"]),
  );
  for (const result of unseen) expect(result.passed, result.check).toBeGreaterThan(0);
  expect(failedChecks(run.report)).toEqual(new Set());
  expect(run.report.notRun).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.leaked, "secrets whose text was printed (names only)").toEqual([]);
  expect(run.leakedInReports, "secrets in the reports (names only)").toEqual([]);
}

describe("conformance of a spec with an operation it has never seen", () => {
  it("passes a stand-in serving that spec", async () => {
    const server = await startStandIn(undefined, { model: await loadApiModel(specFile) });
    try {
      const run = await conformance(["--base-url", server.url, "--spec", specFile], {
        secrets: () => server.issued.map((text, i) => ({ name: `stand-in token #${i + 1}`, text })),
      });
      expectUnseenChecked(run);
      expect(server.seen.some((s) => s.operationId === UNSEEN_OPERATION_ID && s.authorized)).toBe(
        true,
      );
    } finally {
      await server.close();
    }
  });

  describe("against the real mock serving that spec", () => {
    // A function: the spec file is written by the beforeAll above, which runs first.
    const mock = useMock(() => ({ specPath: specFile }));

    it("passes every check, the unseen operation's included", async () => {
      expectUnseenChecked(await conformance(["--base-url", mock.url, "--spec", specFile]));
    });

    it("passes every fuzz check, the unseen operation fuzzed from the document alone", async () => {
      const args = ["--base-url", mock.url, "--spec", specFile, "--max-examples", "3"];
      expectUnseenFuzzed(await fuzz(args));
    });
  });
});
