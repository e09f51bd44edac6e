// The generated tests can fail: for every operation, each way its answers can drift from the spec
// (drifts.ts) makes the run fail, and a generated assertion of that very operation names the
// broken promise. The drifts bend the real mock's answers through a proxy; nothing else changes.
// The cases run in newman loaded once, in a worker thread (newman.ts, startNewman: the CLI's
// reporters and exit-code rule; a second thread loaded newman again for no gain on two busy
// cores), each through a proxy of its own, each on its operation's requests and the ones they take
// variables from (collection-slice.ts); one case also runs the whole collection through the
// newman CLI, whose exit code is the one a CI job sees.

import { useMock } from "@klearstack/mock/testing";
import { loadApiModel } from "@klearstack/spec";
import { afterAll, describe, type ExpectStatic, expect, it } from "vitest";
import { collectionFor } from "./collection-slice.ts";
import { driftsOf } from "./drifts.ts";
import { type NewmanRun, type RunOptions, runCollection, startNewman } from "./newman.ts";
import { type Drift, startProxy } from "./proxy.ts";

const model = await loadApiModel();
const cases = model.operations.flatMap((op) =>
  driftsOf(op).map((drift) => [op.operationId, drift.name, drift] as const),
);

describe("newman run of the generated collection against drifted answers", () => {
  const mock = useMock();
  const newman = startNewman();
  afterAll(() => newman.close());

  /** Runs the collection through a proxy that drifts the answers, and checks what newman said. */
  async function expectCaught(
    id: string,
    drift: Drift,
    run: (options: RunOptions) => Promise<NewmanRun>,
    expect: ExpectStatic,
  ) {
    const op = model.operation(id);
    const proxy = await startProxy(model, mock.url, drift);
    try {
      const result = await run({ baseUrl: proxy.url, secrets: proxy.secrets });
      expect(result.code, result.output).toBe(1);
      const failedHere = result.executions
        .filter((e) => e.method === op.method.toUpperCase() && e.path === op.path)
        .flatMap((e) => e.failed);
      expect(
        failedHere.filter((name) => drift.caughtBy.includes(name)),
        `expected one of ${JSON.stringify(drift.caughtBy)} to fail\n${result.output}`,
      ).not.toEqual([]);
      expect(result.output).toContain("AssertionError");
      expect(result.leaked, "secrets whose text newman printed (names only)").toEqual([]);
    } finally {
      await proxy.close();
    }
  }

  it("every operation can drift in ways its generated tests must catch", () => {
    for (const op of model) expect(driftsOf(op).length, op.operationId).toBeGreaterThan(0);
  });

  // Concurrent tests, so each case asserts with its own test's expect; their runs queue for newman.
  it.concurrent.for(cases)(
    "%s, %s: the run fails and that operation's tests say why",
    ([id, , drift], context) =>
      expectCaught(
        id,
        drift,
        (options) => newman.run({ ...options, collection: collectionFor(model.operation(id)) }),
        context.expect,
      ),
  );

  it("the newman CLI exits 1 on a drift too, with the same report", () => {
    const [first] = cases;
    if (!first) throw new Error("the model has no drift cases");
    const [id, , drift] = first;
    return expectCaught(id, drift, runCollection, expect);
  });
});
