// Shrinking a failure: fast-check replays the failing case (by seed and path) and tries smaller
// ones, keeping each that still fails the same check, until none does or the allowance is spent.
// Every try is a request, so the allowance bounds what one failure may cost a deployment.
import fc, { type Arbitrary } from "fast-check";
import type { FuzzCase } from "./cases.ts";
import type { CheckName } from "./checks.ts";
import type { Executed, FailureReport } from "./findings.ts";
import { Stopped } from "./pace.ts";

/** Requests one failure may spend on shrinking. */
export const SHRINK_REQUESTS = 60;

export interface ShrinkInput {
  arbitrary: Arbitrary<FuzzCase>;
  /** The kind's seed and the failing case's index among its samples. */
  seed: number;
  index: number;
  check: CheckName;
  operationId: string;
  first: { fuzzCase: FuzzCase; executed: Executed };
  execute(fuzzCase: FuzzCase): Promise<Executed>;
  curl(fuzzCase: FuzzCase): string;
}

export async function shrinkFailure(
  input: ShrinkInput,
): Promise<{ report: FailureReport; stopped: Stopped | undefined }> {
  const { check } = input;
  let allowance = SHRINK_REQUESTS;
  let stopped: Stopped | undefined;
  let smallest = input.first;
  let replayed = false;
  const fails = (executed: Executed) =>
    executed.answered && executed.results.some((r) => r.check === check && r.verdict === "fail");
  const details = await fc.check(
    fc.asyncProperty(input.arbitrary, async (fuzzCase) => {
      // Out of requests (or stopped): every further try "passes", so the smallest so far stays.
      if (allowance <= 0 || stopped) return true;
      allowance -= 1;
      let executed: Executed;
      try {
        executed = await input.execute(fuzzCase);
      } catch (error) {
        if (!(error instanceof Stopped)) throw error;
        stopped = error;
        return true;
      }
      const failing = fails(executed);
      if (failing) {
        smallest = { fuzzCase, executed };
        replayed = true;
      }
      return !failing;
    }),
    { seed: input.seed, path: String(input.index) },
  );
  const { fuzzCase, executed } = smallest;
  const report: FailureReport = {
    check,
    operationId: input.operationId,
    label: fuzzCase.label,
    got: executed.got,
    problems: executed.answered
      ? executed.results.filter((r) => r.check === check).flatMap((r) => r.problems)
      : [],
    curl: input.curl(fuzzCase),
    shrinks: details.numShrinks,
  };
  if (!replayed) report.note = "passed when replayed (a flaky answer?): the case as first sent";
  else if (allowance <= 0) report.note = `shrinking stopped after ${SHRINK_REQUESTS} requests`;
  return { report, stopped };
}
