import { printableUrl } from "./guards.ts";
import { type Outcome, runChecks } from "./run.ts";
import { type RunContextOptions, runContext } from "./run-context.ts";
import { renderTable } from "./table.ts";

export { type Check, type Expectation, planChecks, UNAUTHENTICATED_STATUS } from "./checks.ts";
export { CHECK_NAMES, CHECKS, type CheckName } from "./fuzz/checks.ts";
export { type FuzzingOptions, type FuzzingOutcome, runFuzzing } from "./fuzz/index.ts";
export type { FuzzResult } from "./fuzz/run.ts";
export { printableUrl } from "./guards.ts";
export { type FieldInput, type GivenValues, type RunInputs, runInputs } from "./inputs.ts";
export type { Outcome } from "./run.ts";
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  send,
  type WireAnswer,
  type WireRequest,
} from "./send.ts";

/** Model, given values and masker as for every run (documented examples fill unset fields). */
export interface ConformanceOptions extends RunContextOptions {
  baseUrl: URL;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
  /** Most bytes of an answer's body to read. Default DEFAULT_MAX_RESPONSE_BYTES (1 MiB). */
  maxResponseBytes?: number;
}

export interface ConformanceResult {
  /** Every check ran and passed. */
  ok: boolean;
  outcomes: Outcome[];
  /** The full report, secrets masked. */
  report: string;
}

export async function runConformance(options: ConformanceOptions): Promise<ConformanceResult> {
  const { model, given, masker } = await runContext(options);
  const outcomes = await runChecks({
    model,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxResponseBytes: options.maxResponseBytes,
    given,
    masker,
  });
  const title = `Conformance of ${printableUrl(options.baseUrl)} to ${model.title} ${model.version}`;
  // Masked once more as a whole: a secret learned late must not survive in an earlier row.
  const report = masker.mask(`${title}\n\n${renderTable(outcomes)}`);
  return { ok: outcomes.every((o) => o.result === "pass"), outcomes, report };
}
