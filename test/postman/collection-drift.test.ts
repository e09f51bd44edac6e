// The generated tests can fail: for every operation, each way its answers can drift from the spec
// (drifts.ts) makes newman exit 1, and a generated assertion of that very operation names the
// broken promise. The drifts bend the real mock's answers through a proxy; nothing else changes.

import { useMock } from "@klearstack/mock/testing";
import { loadApiModel } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { driftsOf } from "./drifts.ts";
import { runCollection } from "./newman.ts";
import { startProxy } from "./proxy.ts";

const model = await loadApiModel();
const cases = model.operations.flatMap((op) =>
  driftsOf(op).map((drift) => [op.operationId, drift.name, drift] as const),
);

describe("newman run of the generated collection against drifted answers", () => {
  const mock = useMock();

  it("every operation can drift in ways its generated tests must catch", () => {
    for (const op of model) expect(driftsOf(op).length, op.operationId).toBeGreaterThan(0);
  });

  it.each(cases)(
    "%s, %s: newman exits 1 and that operation's tests say why",
    async (id, _, drift) => {
      const op = model.operation(id);
      const proxy = await startProxy(model, mock.url, drift);
      try {
        const run = await runCollection({ baseUrl: proxy.url, secrets: proxy.secrets });
        expect(run.code, run.output).toBe(1);
        const failedHere = run.executions
          .filter((e) => e.method === op.method.toUpperCase() && e.path === op.path)
          .flatMap((e) => e.failed);
        expect(
          failedHere.filter((name) => drift.caughtBy.includes(name)),
          `expected one of ${JSON.stringify(drift.caughtBy)} to fail\n${run.output}`,
        ).not.toEqual([]);
        expect(run.output).toContain("AssertionError");
        expect(run.leaked, "secrets whose text newman printed (names only)").toEqual([]);
      } finally {
        await proxy.close();
      }
    },
  );
});
