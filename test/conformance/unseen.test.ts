// unseen operation ↔ conformance: a spec with an operation the code has never seen (bearer
// protected, a body of another shape, no tokens) is checked from the document alone, through
// --spec, against a stand-in and against the real mock serving that spec.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningMock, startMock } from "@klearstack/mock";
import { loadApiModel } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConformanceRun, conformance, tableRows } from "./cli.ts";
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
    let mock: RunningMock | undefined;
    beforeAll(async () => {
      mock = await startMock({ port: 0, logLevel: "silent", specPath: specFile });
    });
    afterAll(() => mock?.close());

    it("passes every check, the unseen operation's included", async () => {
      if (!mock) throw new Error("the mock did not start");
      expectUnseenChecked(await conformance(["--base-url", mock.url, "--spec", specFile]));
    });
  });
});
